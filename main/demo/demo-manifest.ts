/**
 * Written by `npm run demo:build`: the SHA-256 of resources/demo-pack/manifest.json. The demo key's private
 * half is committed, so a kiosk trusts it for this one manifest and nothing else (`demoTrustStore`).
 */
export const DEMO_MANIFEST_SHA256 = '7f7bf29a5da7cc6424d0e9205a47a0763d7e7214620e305acf4f19aacf4a7d89';
