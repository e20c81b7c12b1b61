/**
 * Written by `npm run demo:build`: the SHA-256 of resources/demo-pack/manifest.json. The demo key's private
 * half is committed, so a kiosk trusts it for this one manifest and nothing else (`demoTrustStore`).
 */
export const DEMO_MANIFEST_SHA256 = '97ffceb967a4be0bd86ccb7561f9d282726c7c6944d6511772fff6c9e119bf09';
