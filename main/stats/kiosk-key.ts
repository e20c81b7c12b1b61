/**
 * The kiosk's own Ed25519 key, which signs its usage exports and names the venue: made at first use in
 * `<data>/stats/kiosk-key.json` (mode 0600, written once and never replaced) and read from there afterwards.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { createFileOnce } from '../store/replace-file.ts';
import { VenueId } from './stats-export.ts';

const KioskKeyFile = z.strictObject({
  format: z.literal(1),
  venueId: VenueId,
  /** The raw 32-byte public key, base64. */
  publicKey: z.string().max(100),
  privateKeyPem: z.string().max(1000),
  createdAt: z.iso.datetime(),
});
type KioskKeyFile = z.infer<typeof KioskKeyFile>;

export interface KioskKey {
  venueId: string;
  /** The raw 32-byte public key in base64, as the centre registers it in venues.json. */
  publicKey: string;
  /** All 64 hex digits of the SHA-256 of the raw public key; the venue id is its first 16. */
  fingerprint: string;
  createdAt: string;
  /** A detached Ed25519 signature over exactly `bytes`, base64. */
  sign(bytes: Uint8Array): string;
}

/**
 * The key file exists but cannot be used. It is left as it is: a new key would give the kiosk another venue
 * id, and the centre would refuse its exports until the new venue were registered.
 */
export class KioskKeyDamagedError extends Error {
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(
      `The kiosk's statistics key ${file} is damaged (${problem}). It was left as it is, since a new key would ` +
        `change this kiosk's venue id: restore the file from a backup, or move it aside to start as a new venue ` +
        `that the centre registers again.`,
    );
    this.name = 'KioskKeyDamagedError';
    this.file = file;
    this.problem = problem;
  }
}

export function kioskKeyFile(dataDir: string): string {
  return path.join(dataDir, 'stats', 'kiosk-key.json');
}

const spkiEd25519Prefix = Buffer.from('302a300506032b6570032100', 'hex');

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(spkiEd25519Prefix.length);
}

/** The full fingerprint of a raw Ed25519 public key (base64): SHA-256, 64 hex digits. */
export function keyFingerprint(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}

/** The venue id a raw Ed25519 public key (base64) names. */
export function venueIdOf(publicKeyBase64: string): string {
  return `k-${keyFingerprint(publicKeyBase64).slice(0, 16)}`;
}

function kioskKey(file: KioskKeyFile, privateKey: KeyObject): KioskKey {
  return {
    venueId: file.venueId,
    publicKey: file.publicKey,
    fingerprint: keyFingerprint(file.publicKey),
    createdAt: file.createdAt,
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}

function checkedKey(file: string, text: string): KioskKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KioskKeyDamagedError(file, `not JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  const parsed = KioskKeyFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KioskKeyDamagedError(file, `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(parsed.data.privateKeyPem);
  } catch (error) {
    throw new KioskKeyDamagedError(file, `the private key cannot be read: ${(error as Error).message.slice(0, 200)}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new KioskKeyDamagedError(file, 'not an Ed25519 key');
  const publicKey = rawPublicKey(createPublicKey(privateKey)).toString('base64');
  if (publicKey !== parsed.data.publicKey) {
    throw new KioskKeyDamagedError(file, 'the public key does not belong to the private key');
  }
  if (venueIdOf(publicKey) !== parsed.data.venueId) {
    throw new KioskKeyDamagedError(file, `the venue id ${parsed.data.venueId} is not the key's`);
  }
  return kioskKey(parsed.data, privateKey);
}

/**
 * The kiosk's key: read from `<dataDir>/stats/kiosk-key.json`, or made there if there is no such file yet
 * (`now` dates it). Throws `KioskKeyDamagedError` for a file that is there but unusable, never replacing it;
 * two first uses at once agree on one key, since the file is only ever created, never overwritten.
 */
export async function openKioskKey(dataDir: string, now: Date): Promise<KioskKey> {
  const file = kioskKeyFile(dataDir);
  const existing = await readKeyText(file);
  if (existing !== undefined) return checkedKey(file, existing);

  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey).toString('base64');
  const content: KioskKeyFile = {
    format: 1,
    venueId: venueIdOf(raw),
    publicKey: raw,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    createdAt: now.toISOString(),
  };
  if (await createFileOnce(file, JSON.stringify(content, null, 2) + '\n', 0o600)) return kioskKey(content, privateKey);
  const created = await readKeyText(file);
  if (created === undefined) throw new KioskKeyDamagedError(file, 'it vanished while it was being made');
  return checkedKey(file, created);
}

async function readKeyText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KioskKeyDamagedError(file, (error as Error).message.slice(0, 200));
  }
}
