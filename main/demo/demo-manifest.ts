/**
 * Written by `npm run demo:build`: the SHA-256 of resources/demo-pack/manifest.json. The demo key's private
 * half is committed, so a kiosk trusts it for this one manifest and nothing else (`demoTrustStore`).
 */
export const DEMO_MANIFEST_SHA256 = 'ba8be07058d3caa54d4f6d4edf8f4e2b837f269232fec9481221ed88a85ea7a9';
