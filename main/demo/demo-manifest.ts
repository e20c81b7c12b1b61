/**
 * Written by `npm run demo:build`: the SHA-256 of resources/demo-pack/manifest.json. The demo key's private
 * half is committed, so a kiosk trusts it for this one manifest and nothing else (`demoTrustStore`).
 */
export const DEMO_MANIFEST_SHA256 = 'db963dbcfc55170f56512a6ed28a12650dfc2ef9cf4b0ddbe209d80e186b96cc';
