/**
 * Builds real signed packs for the import tests and benchmark: random file contents, a manifest naming
 * them, signed with a key generated here by the publisher's own code (generateKey + writePack).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DeltaManifest, FullManifest, ManifestItem } from '../../../main/packs/manifest.ts';
import { writePack } from '../../../main/packs/pack-writer.ts';
import { generateKey, publicEntry, type PrivateKeyFile } from '../../../main/packs/signing-keys.ts';
import { trustStoreFrom, type TrustStore } from '../../../main/packs/trust-store.ts';

export interface TestKey {
  key: PrivateKeyFile;
  trust: TrustStore;
}

export function testKey(keyId = 'test-key', channels: [string, ...string[]] = ['science']): TestKey {
  const key = generateKey(keyId, channels);
  return { key, trust: trustStoreFrom([{ set: { format: 1, keys: [publicEntry(key)] }, origin: 'test' }]) };
}

export interface FixtureFile {
  sha256: string;
  size: number;
  mediaType: string;
  bytes: Buffer;
}

export function randomFile(size: number): FixtureFile {
  return fileOf(randomBytes(size), 'application/pdf');
}

export function fileOf(bytes: Buffer, mediaType: string): FixtureFile {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mediaType, bytes };
}

export function itemFor(id: string, files: readonly FixtureFile[], title = `Item ${id}`): ManifestItem {
  return {
    id,
    kind: 'pdf',
    addedAt: '2026-11-01T10:00:00.000Z',
    subjects: ['energy'],
    texts: {
      en: { title, summary: `About ${id}.`, body: `The full text of ${id}.` },
      ko: { title: `항목 ${id}`, summary: '', body: '' },
    },
    files: files.map((file) => ({ role: 'main' as const, hash: file.sha256 })),
  };
}

/**
 * Prose-like text of about `length` characters, the same for the same seed: words drawn from a vocabulary
 * of 30,000 made-up words, common ones far more often than rare ones (as in real text), so a search index
 * built from it grows the way one built from a real book's text does.
 */
export function proseText(length: number, seed: number): string {
  const random = seededRandom(seed);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'tu', 'ra', 'si', 'vo', 'pe', 'du', 'gan', 'tor', 'lim', 'ses', 'qua'];
  const word = (index: number) => {
    let text = '';
    for (let rest = index + 1; rest > 0; rest = Math.floor(rest / syllables.length)) {
      text += syllables[rest % syllables.length]!;
    }
    return text;
  };
  const words: string[] = [];
  let size = 0;
  while (size < length) {
    const next = word(Math.floor(30_000 * random() ** 3));
    words.push(next);
    size += next.length + 1;
  }
  return words.join(' ').slice(0, length);
}

/** mulberry32: a small seeded generator, so fixtures built from it are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** An item whose texts are long (a book's extracted text in two languages): the catalog's share of a pack. */
export function textHeavyItem(
  id: string,
  files: readonly FixtureFile[],
  bodyLength: number,
  seed: number,
): ManifestItem {
  const item = itemFor(id, files);
  return {
    ...item,
    texts: {
      en: { title: `Item ${id}`, summary: proseText(400, seed), body: proseText(bodyLength, seed + 1) },
      ko: { title: `항목 ${id}`, summary: proseText(200, seed + 2), body: proseText(bodyLength / 4, seed + 3) },
    },
  };
}

const subjects = [{ id: 'energy', names: { en: 'Energy', ko: '에너지' } }];

export interface FullPackSpec {
  id?: string;
  channel?: string;
  version?: number;
  /** One item per file, unless `items` is given. */
  files: FixtureFile[];
  items?: ManifestItem[];
  expiresAt?: string;
  createdAt?: string;
}

export function fullManifest(key: PrivateKeyFile, spec: FullPackSpec): FullManifest {
  return {
    format: 1,
    kind: 'full',
    id: spec.id ?? 'science',
    channel: spec.channel ?? 'science',
    version: spec.version ?? 1,
    createdAt: spec.createdAt ?? '2026-11-01T00:00:00.000Z',
    expiresAt: spec.expiresAt ?? '2036-11-01T00:00:00.000Z',
    keyId: key.keyId,
    subjects,
    files: spec.files.map(({ sha256, size, mediaType }) => ({ sha256, size, mediaType })),
    items: spec.items ?? spec.files.map((file, index) => itemFor(`item-${index + 1}`, [file])),
  };
}

export interface DeltaPackSpec {
  id?: string;
  channel?: string;
  baseVersion: number;
  version: number;
  files: FixtureFile[];
  addItems?: ManifestItem[];
  replaceItems?: ManifestItem[];
  removeItems?: string[];
  removeFiles?: string[];
}

export function deltaManifest(key: PrivateKeyFile, spec: DeltaPackSpec): DeltaManifest {
  return {
    format: 1,
    kind: 'delta',
    id: spec.id ?? 'science',
    channel: spec.channel ?? 'science',
    version: spec.version,
    baseVersion: spec.baseVersion,
    createdAt: '2026-11-02T00:00:00.000Z',
    expiresAt: '2036-11-01T00:00:00.000Z',
    keyId: key.keyId,
    subjects,
    files: spec.files.map(({ sha256, size, mediaType }) => ({ sha256, size, mediaType })),
    changes: {
      addItems: spec.addItems ?? [],
      replaceItems: spec.replaceItems ?? [],
      removeItems: spec.removeItems ?? [],
      removeFiles: spec.removeFiles ?? [],
    },
  };
}

/** Signs `manifest` and writes the pack with `files`' bytes into `outDir` (created; must be empty). */
export async function writeTestPack(
  outDir: string,
  key: PrivateKeyFile,
  manifest: FullManifest | DeltaManifest,
  files: readonly FixtureFile[],
): Promise<string> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'pack-src-'));
  try {
    const sources = new Map<string, string>();
    for (const file of files) {
      const source = path.join(staging, file.sha256);
      await writeFile(source, file.bytes);
      sources.set(file.sha256, source);
    }
    await mkdir(outDir, { recursive: true });
    await writePack(outDir, { manifest, key, sources });
    return outDir;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
