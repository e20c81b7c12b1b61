/**
 * Written by `npm run demo:build`: the SHA-256 of resources/demo-pack/manifest.json. The demo key's private
 * half is committed, so a kiosk trusts it for this one manifest and nothing else (`demoTrustStore`).
 */
export const DEMO_MANIFEST_SHA256 = '6036424bceca321247b3d43f06ef710a9f97bea464d30f30e9daab2133fb452d';
