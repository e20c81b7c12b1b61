/**
 * Ed25519 keys as the packs use them: key files, signing and checking detached signatures, and key
 * statements: rotation (an already trusted key vouching for a new one) and revocation. Uses node:crypto only.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { Slug } from '../../preload/contract/schemas.ts';

/** A key may sign for every channel (`*`) or for the channels listed. */
export const KeyChannels = z.union([z.tuple([z.literal('*')]), z.array(Slug).min(1).max(100)]);
export type KeyChannels = z.infer<typeof KeyChannels>;

const Base64 = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

/** A public key as it appears in a key set: raw 32-byte Ed25519 key in base64. */
export const PublicKeyEntry = z.strictObject({
  keyId: Slug,
  publicKey: Base64.refine((text) => Buffer.from(text, 'base64').length === 32, 'a 32-byte Ed25519 public key'),
  channels: KeyChannels,
  note: z.string().max(500).optional(),
});
export type PublicKeyEntry = z.infer<typeof PublicKeyEntry>;

/** resources/keys/root-keys.json, and the `*.keys.json` files staff add under the data folder. */
export const KeySetFile = z.strictObject({
  format: z.literal(1),
  keys: z.array(PublicKeyEntry).max(100),
});
export type KeySetFile = z.infer<typeof KeySetFile>;

/** The private half, written by `publish keys new`; never shipped to kiosks (except the labelled demo key). */
export const PrivateKeyFile = z.strictObject({
  format: z.literal(1),
  keyId: Slug,
  channels: KeyChannels,
  publicKey: PublicKeyEntry.shape.publicKey,
  privateKeyPem: z.string().max(1000),
  note: z.string().max(500).optional(),
});
export type PrivateKeyFile = z.infer<typeof PrivateKeyFile>;

/** What a rotation statement says: `signedBy` vouches that `key` may sign for `key.channels`. */
export const KeyStatement = z.strictObject({
  type: z.literal('introduce-key'),
  signedBy: Slug,
  key: PublicKeyEntry,
  createdAt: z.iso.datetime({ offset: true }),
});
export type KeyStatement = z.infer<typeof KeyStatement>;

/**
 * What a revocation says: `signedBy` declares key `keyId` compromised or retired as of `revokedAt`. The kiosk
 * refuses the key from the moment it sees this, whatever dates a pack claims (a leaked key can backdate).
 */
export const RevocationStatement = z.strictObject({
  type: z.literal('revoke-key'),
  signedBy: Slug,
  keyId: Slug,
  revokedAt: z.iso.datetime({ offset: true }),
  createdAt: z.iso.datetime({ offset: true }),
});
export type RevocationStatement = z.infer<typeof RevocationStatement>;

export const AnyKeyStatement = z.discriminatedUnion('type', [KeyStatement, RevocationStatement]);
export type AnyKeyStatement = z.infer<typeof AnyKeyStatement>;

/** The file form: the statement's exact JSON text and a base64 signature over its UTF-8 bytes. */
export const KeyStatementFile = z.strictObject({
  format: z.literal(1),
  statement: z.string().max(4000),
  signature: Base64,
});
export type KeyStatementFile = z.infer<typeof KeyStatementFile>;

const spkiEd25519Prefix = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyObject(publicKeyBase64: string): KeyObject {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  return createPublicKey({ key: Buffer.concat([spkiEd25519Prefix, raw]), format: 'der', type: 'spki' });
}

function rawPublicKey(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(spkiEd25519Prefix.length).toString('base64');
}

export function generateKey(keyId: string, channels: KeyChannels, note?: string): PrivateKeyFile {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    format: 1,
    keyId,
    channels,
    publicKey: rawPublicKey(publicKey),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    ...(note === undefined ? {} : { note }),
  };
}

export function publicEntry(key: PrivateKeyFile): PublicKeyEntry {
  return {
    keyId: key.keyId,
    publicKey: key.publicKey,
    channels: key.channels,
    ...(key.note ? { note: key.note } : {}),
  };
}

/** A detached Ed25519 signature over exactly `bytes`, base64-encoded. */
export function signBytes(bytes: Uint8Array, key: PrivateKeyFile): string {
  return sign(null, bytes, createPrivateKey(key.privateKeyPem)).toString('base64');
}

/** `publicKey` is base64, or the key made once by `publicKeyObject` for a caller checking many files with it. */
export function signatureMatches(bytes: Uint8Array, signatureBase64: string, publicKey: string | KeyObject): boolean {
  const signature = Buffer.from(signatureBase64.trim(), 'base64');
  if (signature.length !== 64) return false;
  return verify(null, bytes, typeof publicKey === 'string' ? publicKeyObject(publicKey) : publicKey, signature);
}

/**
 * manifest.sig: the signing key's id beside the signature over the manifest's exact bytes, so a kiosk can
 * pick the key and check the signature without parsing an untrusted manifest of any size.
 */
export const ManifestSignatureFile = z.strictObject({
  format: z.literal(1),
  keyId: Slug,
  signature: Base64,
});
export type ManifestSignatureFile = z.infer<typeof ManifestSignatureFile>;

/** The text of manifest.sig for `bytes` signed by `key`: one line of JSON and a newline. */
export function manifestSignatureText(bytes: Uint8Array, key: PrivateKeyFile): string {
  const file: ManifestSignatureFile = { format: 1, keyId: key.keyId, signature: signBytes(bytes, key) };
  return JSON.stringify(file) + '\n';
}

/**
 * Reads manifest.sig, or undefined when it is not exactly what `manifestSignatureText` writes: anything
 * before, after or inside the line (junk, spaces, repeated keys) is refused rather than tolerated.
 */
export function parseManifestSignature(text: string): ManifestSignatureFile | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = ManifestSignatureFile.safeParse(json);
  if (!parsed.success || JSON.stringify(parsed.data) + '\n' !== text) return undefined;
  return parsed.data;
}

/** A statement in which `signer` introduces `newKey`; the kiosk accepts it only within the signer's channels. */
export function introduceKey(signer: PrivateKeyFile, newKey: PublicKeyEntry, now = new Date()): KeyStatementFile {
  const statement: KeyStatement = {
    type: 'introduce-key',
    signedBy: signer.keyId,
    key: newKey,
    createdAt: now.toISOString(),
  };
  return signedStatement(statement, signer);
}

function signedStatement(statement: AnyKeyStatement, signer: PrivateKeyFile): KeyStatementFile {
  const text = JSON.stringify(statement, null, 2);
  return { format: 1, statement: text, signature: signBytes(Buffer.from(text, 'utf8'), signer) };
}

/** A statement in which `signer` revokes key `keyId` as of `revokedAt`; see trust-store.ts for who may. */
export function revokeKey(
  signer: PrivateKeyFile,
  keyId: string,
  revokedAt = new Date(),
  now = new Date(),
): KeyStatementFile {
  return signedStatement(
    {
      type: 'revoke-key',
      signedBy: signer.keyId,
      keyId,
      revokedAt: revokedAt.toISOString(),
      createdAt: now.toISOString(),
    },
    signer,
  );
}
