/**
 * The release statement: the centre's Ed25519-signed word on an app release (its version, the SHA-512 and
 * size of each installer, the minimum version and the rollout), published as `release.json` and `release.sig`
 * beside electron-updater's files. electron-updater checks only an unsigned SHA-512 on Linux, so the kiosk
 * downloads and installs nothing this statement does not vouch for (docs/architecture.md, "App updates").
 */
import { z } from 'zod';
import { Slug } from '../../preload/contract/schemas.ts';
import { isPackError } from '../packs/pack-error.ts';
import { manifestSignatureText, parseManifestSignature, signatureMatches } from '../packs/signing-keys.ts';
import type { PrivateKeyFile } from '../packs/signing-keys.ts';
import {
  DEMO_KEY_ID,
  DEMO_PUBLIC_KEY,
  keyMaySign,
  RELEASE_CHANNEL,
  resolveKey,
  type TrustStore,
} from '../packs/trust-store.ts';
import { ReleaseError } from './release-error.ts';

export const RELEASE_FILE = 'release.json';
export const RELEASE_SIGNATURE_FILE = 'release.sig';
/** Twenty artifacts take a few kilobytes; a bigger answer is refused unread. */
export const MAX_RELEASE_BYTES = 64 * 1024;
export const MAX_RELEASE_SIGNATURE_BYTES = 1024;

/**
 * Plain MAJOR.MINOR.PATCH: releases carry no pre-release tags, so the order of versions is the order of three
 * numbers and no kiosk ever meets semver's pre-release precedence rules.
 */
const AppVersion = z
  .string()
  .regex(/^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/, 'a version such as 1.4.2');
/** A running build may carry a tag (`1.5.0-dev`), which comes before the plain version. */
const runningVersionPattern = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(-[0-9A-Za-z.-]+)?$/;

/** As electron-updater's latest-linux.yml writes it: the base64 of the 64-byte digest. */
const Sha512Base64 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a base64 SHA-512');

export const ReleaseArtifact = z.strictObject({
  /** The file's name on the server, as electron-updater saves it (`reading-room-kiosk_1.4.2_amd64.deb`). */
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/, 'a file name without folders')
    .refine((name) => !name.includes('..'), 'a file name without ".."'),
  sha512: Sha512Base64,
  size: z
    .number()
    .int()
    .min(1)
    .max(4 * 1024 ** 3),
});
export type ReleaseArtifact = z.infer<typeof ReleaseArtifact>;

export const ReleaseStatement = z
  .strictObject({
    format: z.literal(1),
    /** Names what was signed, so no other signed JSON of the project can pass for a release. */
    type: z.literal('app-release'),
    version: AppVersion,
    /**
     * The oldest version the centre still considers fit to run: a kiosk below it updates whatever the
     * rollout says (a security fix reaches every kiosk at once). Every release can update any older one.
     */
    minimumVersion: AppVersion,
    /** The share of kiosks (by `rolloutBucket`) that take this release; raising it only adds kiosks. */
    rolloutPercent: z.number().int().min(0).max(100),
    artifacts: z.array(ReleaseArtifact).min(1).max(20),
    createdAt: z.iso.datetime(),
    /**
     * Usually absent: a withheld statement can only hold a kiosk at the version it has (versions only grow),
     * and a statement carried to an offline venue may be months old. A centre that wants freeze protection
     * for a release sets one.
     */
    expiresAt: z.iso.datetime().optional(),
    keyId: Slug,
  })
  .refine((statement) => compareVersions(statement.minimumVersion, statement.version) <= 0, {
    message: 'minimumVersion may not be above version',
    path: ['minimumVersion'],
  })
  .refine(
    (statement) => new Set(statement.artifacts.map((artifact) => artifact.name)).size === statement.artifacts.length,
    { message: 'an artifact is named twice', path: ['artifacts'] },
  )
  .refine((statement) => !statement.expiresAt || Date.parse(statement.expiresAt) > Date.parse(statement.createdAt), {
    message: 'expiresAt must be after createdAt',
    path: ['expiresAt'],
  });
export type ReleaseStatement = z.infer<typeof ReleaseStatement>;

function versionParts(version: string): { numbers: [number, number, number]; tagged: boolean } {
  const match = runningVersionPattern.exec(version);
  if (!match) throw new ReleaseError('malformed-release', `"${version}" is not a version such as 1.4.2`);
  return { numbers: [Number(match[1]), Number(match[2]), Number(match[3])], tagged: match[4] !== undefined };
}

/** Negative, zero or positive as `a` comes before, equals or comes after `b`. */
export function compareVersions(a: string, b: string): number {
  const [left, right] = [versionParts(a), versionParts(b)];
  for (let index = 0; index < 3; index++) {
    const difference = left.numbers[index]! - right.numbers[index]!;
    if (difference !== 0) return difference;
  }
  return Number(right.tagged) - Number(left.tagged);
}

/**
 * The one text of a statement: what the publisher writes and the only form a kiosk accepts, so the bytes
 * signed and the statement read cannot differ (no repeated keys, no reordering, no junk around it).
 */
export function releaseStatementText(statement: ReleaseStatement): string {
  return JSON.stringify(ReleaseStatement.parse(statement), null, 2) + '\n';
}

/** The publisher's side: `release.json` and `release.sig` for `statement`, which `key` must have signed for. */
export function signReleaseStatement(
  statement: ReleaseStatement,
  key: PrivateKeyFile,
): { text: string; signature: string } {
  if (statement.keyId !== key.keyId) throw new Error(`the statement names key ${statement.keyId}, not ${key.keyId}`);
  const text = releaseStatementText(statement);
  return { text, signature: manifestSignatureText(Buffer.from(text, 'utf8'), key) };
}

export interface VerifyReleaseOptions {
  trust: TrustStore;
  /** The version the kiosk runs (`app.getVersion()`). */
  runningVersion: string;
  now: Date;
}

/**
 * Checks a release statement as fetched (`release.json` and `release.sig`): the signature by a trusted, not
 * revoked key allowed to sign app releases, checked before the statement is parsed; then its form, expiry
 * and a version above the running one. Throws a `ReleaseError` naming the first fault.
 */
export function verifyReleaseStatement(
  text: string,
  signatureText: string,
  options: VerifyReleaseOptions,
): ReleaseStatement {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > MAX_RELEASE_BYTES) {
    throw new ReleaseError('malformed-release', `${RELEASE_FILE} is ${bytes.length} bytes, above ${MAX_RELEASE_BYTES}`);
  }
  const signature = parseManifestSignature(signatureText);
  if (!signature)
    throw new ReleaseError('bad-signature', `${RELEASE_SIGNATURE_FILE} is not one line {format, keyId, signature}`);
  const key = trustedReleaseKey(options.trust, signature.keyId);
  if (!signatureMatches(bytes, signature.signature, key.publicKey)) {
    throw new ReleaseError('bad-signature', `the signature by "${key.keyId}" does not match ${RELEASE_FILE}`);
  }
  const statement = parseStatement(text);
  if (statement.keyId !== key.keyId) {
    throw new ReleaseError(
      'bad-signature',
      `${RELEASE_FILE} names key "${statement.keyId}" but "${key.keyId}" signed it`,
    );
  }
  if (statement.expiresAt && Date.parse(statement.expiresAt) <= options.now.getTime()) {
    throw new ReleaseError('expired', `release ${statement.version} expired at ${statement.expiresAt}`);
  }
  if (compareVersions(statement.version, options.runningVersion) <= 0) {
    throw new ReleaseError(
      'not-newer',
      `release ${statement.version} is not above the running version ${options.runningVersion}`,
    );
  }
  return statement;
}

function trustedReleaseKey(trust: TrustStore, keyId: string) {
  // The demo key's private half is public: whatever store is passed in, it never vouches for an app.
  if (keyId === DEMO_KEY_ID) throw new ReleaseError('unknown-key', `the demo key "${keyId}" never signs app releases`);
  let key;
  try {
    key = resolveKey(trust, keyId);
  } catch (error) {
    if (isPackError(error) && (error.code === 'key-revoked' || error.code === 'bad-key-statement')) {
      throw new ReleaseError(error.code, error.detail);
    }
    if (isPackError(error)) throw new ReleaseError('unknown-key', error.detail);
    throw error;
  }
  if (key.publicKey === DEMO_PUBLIC_KEY || key.manifestSha256 !== undefined) {
    throw new ReleaseError('unknown-key', `key "${keyId}" is trusted for one pack only, never for app releases`);
  }
  if (!keyMaySign(key, RELEASE_CHANNEL)) {
    throw new ReleaseError(
      'key-not-for-releases',
      `key "${keyId}" may sign ${key.channels.join(', ')}, not app releases (channel "${RELEASE_CHANNEL}")`,
    );
  }
  return key;
}

function parseStatement(text: string): ReleaseStatement {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReleaseError(
      'malformed-release',
      `${RELEASE_FILE} is not JSON: ${(error as Error).message.slice(0, 200)}`,
    );
  }
  const parsed = ReleaseStatement.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReleaseError(
      'malformed-release',
      `${issue?.path.join('.') || RELEASE_FILE}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (releaseStatementText(parsed.data) !== text) {
    throw new ReleaseError('malformed-release', `${RELEASE_FILE} is not in the exact form the publisher writes`);
  }
  return parsed.data;
}

/** What is known of a downloaded (or offered) installer: its file name, SHA-512 in base64 and size. */
export interface ArtifactFacts {
  name: string;
  sha512: string;
  size: number;
}

/** Throws unless `facts` is one of the statement's artifacts, byte for byte. */
export function checkArtifact(statement: ReleaseStatement, facts: ArtifactFacts): ReleaseArtifact {
  const artifact = statement.artifacts.find((candidate) => candidate.name === facts.name);
  if (!artifact) {
    throw new ReleaseError('unknown-artifact', `release ${statement.version} names no file "${facts.name}"`);
  }
  if (artifact.sha512 !== facts.sha512 || artifact.size !== facts.size) {
    throw new ReleaseError(
      'artifact-mismatch',
      `${facts.name}: SHA-512 ${facts.sha512.slice(0, 16)}… and ${facts.size} bytes, but release ${statement.version} ` +
        `says ${artifact.sha512.slice(0, 16)}… and ${artifact.size} bytes`,
    );
  }
  return artifact;
}
