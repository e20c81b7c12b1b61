/**
 * The centre's check of one kiosk usage export (docs/stats-format.md): the venue registry (`venues.json`), then
 * for a `<venueId>-<sequence>.json` its `.sig` against the registered key of that venue, and only then the JSON
 * against the schema. Every refusal has a code and says what is wrong.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { KeyObject } from 'node:crypto';
import { parseManifestSignature, publicKeyObject, signatureMatches } from '../../../main/packs/signing-keys.ts';
import { venueIdOf } from '../../../main/stats/kiosk-key.ts';
import {
  VenueId,
  exportFileNamePattern,
  parseStatsExport,
  type StatsExport,
} from '../../../main/stats/stats-export.ts';

export const Venue = z.strictObject({
  venueId: VenueId,
  publicKey: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')
    .refine((text) => Buffer.from(text, 'base64').length === 32, 'a 32-byte Ed25519 public key'),
  name: z.string().min(1).max(200),
  region: z.string().min(1).max(200),
});
export type Venue = z.infer<typeof Venue>;

export const VenuesFile = z.strictObject({ format: z.literal(1), venues: z.array(Venue).max(100_000) });

export type Venues = ReadonlyMap<string, Venue>;

/** Reads venues.json; refuses a venue whose id is not its key's, and a venue listed twice. */
export async function readVenues(file: string): Promise<Venues> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the venue registry ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = VenuesFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} is not a venue registry: ${issue?.path.join('.')}: ${issue?.message ?? 'invalid'}`);
  }
  const venues = new Map<string, Venue>();
  for (const venue of parsed.data.venues) {
    if (venueIdOf(venue.publicKey) !== venue.venueId) {
      throw new Error(
        `${file}: venue ${venue.venueId} (${venue.name}) has the public key of ${venueIdOf(venue.publicKey)}; ` +
          `copy both from the kiosk's staff screen`,
      );
    }
    if (venues.has(venue.venueId)) throw new Error(`${file}: venue ${venue.venueId} is listed twice`);
    venues.set(venue.venueId, venue);
  }
  return venues;
}

export const exportRefusalCodes = [
  'unreadable',
  'missing-signature',
  'malformed-signature',
  'unknown-venue',
  'bad-signature',
  'malformed',
  'mismatch',
] as const;
export type ExportRefusalCode = (typeof exportRefusalCodes)[number];

export class ExportRefusedError extends Error {
  readonly code: ExportRefusalCode;
  readonly file: string;
  readonly detail: string;
  constructor(code: ExportRefusalCode, file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ExportRefusedError';
    this.code = code;
    this.file = file;
    this.detail = detail;
  }
}

export interface VerifiedExport {
  file: string;
  venue: Venue;
  content: StatsExport;
  bytes: number;
}

/** Each venue's key, made once: a merge checks several exports of each venue. */
const venueKeys = new WeakMap<Venue, KeyObject>();

function keyOf(venue: Venue): KeyObject {
  let key = venueKeys.get(venue);
  if (!key) venueKeys.set(venue, (key = publicKeyObject(venue.publicKey)));
  return key;
}

/** Read at once: a merge checks thousands of files in worker threads, where `fs/promises` costs five times more. */
function readOrRefuse(file: string, missing: ExportRefusalCode, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExportRefusedError(
      code === 'ENOENT' ? missing : 'unreadable',
      file,
      code === 'ENOENT' ? `${what} is missing` : `cannot read ${what}: ${(error as Error).message}`,
    );
  }
}

/**
 * Checks one export, in the order that keeps an untrusted file's content unparsed until its signature holds:
 * the `.sig`, the venue it names, the signature over the JSON's exact bytes, the schema, and that the file's
 * name, venue id and key id agree. Throws `ExportRefusedError`.
 */
export async function verifyStatsExport(file: string, venues: Venues): Promise<VerifiedExport> {
  return verifyStatsExportSync(file, venues);
}

/** `verifyStatsExport` without a promise, for the merge's worker threads, which check one file at a time. */
export function verifyStatsExportSync(file: string, venues: Venues): VerifiedExport {
  const sigFile = `${file}.sig`;
  const sigText = readOrRefuse(sigFile, 'missing-signature', 'its signature file').toString('utf8');
  const signature = parseManifestSignature(sigText);
  if (!signature) {
    throw new ExportRefusedError('malformed-signature', file, `${path.basename(sigFile)} is not a signature file`);
  }
  const venue = venues.get(signature.keyId);
  if (!venue) {
    throw new ExportRefusedError(
      'unknown-venue',
      file,
      `signed by ${signature.keyId}, which is not a venue in the registry: add it to venues.json with the public ` +
        `key its staff screen shows`,
    );
  }
  const bytes = readOrRefuse(file, 'unreadable', 'the export');
  if (!signatureMatches(bytes, signature.signature, keyOf(venue))) {
    throw new ExportRefusedError(
      'bad-signature',
      file,
      `the signature does not match the file's bytes with the key of ${venue.venueId} (${venue.name}): ` +
        `the file was changed after the kiosk signed it`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ExportRefusedError('malformed', file, `signed, but not JSON: ${(error as Error).message}`);
  }
  const parsed = parseStatsExport(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportRefusedError(
      'malformed',
      file,
      `signed, but not a usage export: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const content = parsed.data;
  if (content.venueId !== signature.keyId || content.keyId !== signature.keyId) {
    throw new ExportRefusedError(
      'mismatch',
      file,
      `the export says venue ${content.venueId}, key ${content.keyId}, but is signed by ${signature.keyId}`,
    );
  }
  const name = exportFileNamePattern.exec(path.basename(file));
  if (!name || name[1] !== content.venueId || Number(name[2]) !== content.sequence) {
    throw new ExportRefusedError(
      'mismatch',
      file,
      `the file's name does not match its content (${content.venueId}-${content.sequence}.json)`,
    );
  }
  return { file, venue, content, bytes: bytes.length };
}
