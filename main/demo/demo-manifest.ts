/**
 * Written by `npm run demo:build`: the SHA-256 of resources/demo-pack/manifest.json. The demo key's private
 * half is committed, so a kiosk trusts it for this one manifest and nothing else (`demoTrustStore`).
 */
export const DEMO_MANIFEST_SHA256 = '2c9f58ec22630d97dbe284e5f7864b1f72f9ee4930acb8c764c75faa22ed438e';
