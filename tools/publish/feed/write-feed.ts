/**
 * `publish feed`: turns pack folders into a static update site (docs/feed-format.md). Each pack's files are
 * copied once into `files/<sha256>` (shared by every version and delta that carries them), each pack form's
 * manifest, signature and key statements into `packs/<manifest sha256>/`, and a feed naming the newest version
 * of every pack with its full form and the deltas to it is signed last. Files already on the site are kept, so
 * publishing again copies only what is new, and kiosks mid-download keep finding the files they were fetching.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackManifest } from '../../../main/packs/manifest.ts';
import { KEYS_DIR, MANIFEST_FILE, SIGNATURE_FILE, packFilePath } from '../../../main/packs/pack-layout.ts';
import { manifestSignatureText, parseManifestSignature } from '../../../main/packs/signing-keys.ts';
import { keyMaySign } from '../../../main/packs/trust-store.ts';
import { parseManifest, verifyPackContents } from '../../../main/packs/verify-pack.ts';
import {
  FEED_FILE,
  FEED_FILES_DIR,
  FEED_PACKS_DIR,
  FEED_SIGNATURE_FILE,
  Feed,
  type FeedForm,
  type FeedPack,
} from '../../../main/updates/feed.ts';
import { readPrivateKey } from '../key-files.ts';

export interface FeedOptions {
  /** Pack folders, or folders holding pack folders. */
  packDirs: readonly string[];
  keyFile: string;
  outDir: string;
  /** How long kiosks may act on this feed; publish again before it runs out (default 48). */
  expiresHours?: number;
  now?: Date;
}

export interface WrittenFeed {
  feed: Feed;
  /** Files copied this time (the rest were on the site already). */
  filesCopied: number;
  /** Pack forms left out, with why (an older version than another folder's, no full form of the newest). */
  skipped: string[];
}

interface FoundPack {
  dir: string;
  manifest: PackManifest;
  manifestBytes: Buffer;
  signature: string;
  statements: { name: string; bytes: Buffer }[];
}

export async function writeFeed(options: FeedOptions): Promise<WrittenFeed> {
  const key = await readPrivateKey(options.keyFile);
  const now = options.now ?? new Date();
  const found = await findPacks(options.packDirs);
  if (found.length === 0) throw new Error('no pack folder (with a manifest.json) under the folders given');
  const skipped: string[] = [];
  const byId = Map.groupBy(found, (pack) => pack.manifest.id);
  const chosen: { entry: FeedPack; forms: FoundPack[] }[] = [];
  for (const [id, versions] of byId) {
    const newest = Math.max(...versions.map((pack) => pack.manifest.version));
    const full = versions.find((pack) => pack.manifest.kind === 'full' && pack.manifest.version === newest);
    for (const pack of versions) {
      if (pack.manifest.version !== newest)
        skipped.push(`${pack.dir}: ${id} v${pack.manifest.version} is older than v${newest}`);
    }
    if (!full) {
      skipped.push(`${id} v${newest}: no full pack of the newest version, so the pack is left out`);
      continue;
    }
    const channels = new Set(versions.map((pack) => pack.manifest.channel));
    if (channels.size > 1) throw new Error(`pack ${id} comes in several channels: ${[...channels].join(', ')}`);
    if (!keyMaySign(key, full.manifest.channel))
      throw new Error(`key "${key.keyId}" may not sign a feed for channel "${full.manifest.channel}"`);
    const deltas = versions.filter((pack) => pack.manifest.kind === 'delta' && pack.manifest.version === newest);
    chosen.push({
      entry: {
        id,
        channel: full.manifest.channel,
        version: newest,
        full: form(full),
        deltas: deltas.map((delta) => ({
          ...form(delta),
          baseVersion: delta.manifest.kind === 'delta' ? delta.manifest.baseVersion : 0,
        })),
      },
      forms: [full, ...deltas],
    });
  }

  let filesCopied = 0;
  const filesDir = path.join(options.outDir, FEED_FILES_DIR);
  await mkdir(filesDir, { recursive: true });
  for (const { forms } of chosen) {
    for (const pack of forms) {
      for (const file of pack.manifest.files) {
        if (await copyOnce(packFilePath(pack.dir, file.sha256), path.join(filesDir, file.sha256), file.size))
          filesCopied++;
      }
      await writeForm(options.outDir, pack);
    }
  }

  const previous = await previousVersion(path.join(options.outDir, FEED_FILE));
  const feed = Feed.parse({
    format: 1,
    keyId: key.keyId,
    version: previous + 1,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (options.expiresHours ?? 48) * 3_600_000).toISOString(),
    packs: chosen.map(({ entry }) => entry).sort((a, b) => (a.id < b.id ? -1 : 1)),
  });
  const bytes = Buffer.from(JSON.stringify(feed, null, 1) + '\n');
  // The signature goes first: a kiosk that reads between the two renames sees a mismatch and tries again later,
  // never a feed it could mistake for signed.
  await writeAtomically(path.join(options.outDir, FEED_SIGNATURE_FILE), manifestSignatureText(bytes, key));
  await writeAtomically(path.join(options.outDir, FEED_FILE), bytes);
  return { feed, filesCopied, skipped };
}

function form(pack: FoundPack): FeedForm {
  return {
    manifest: sha256(pack.manifestBytes),
    manifestSize: pack.manifestBytes.length,
    signatureSize: Buffer.byteLength(pack.signature),
    statements: pack.statements.map(({ name, bytes }) => ({ name, sha256: sha256(bytes), size: bytes.length })),
    fileBytes: pack.manifest.files.reduce((sum, file) => sum + file.size, 0),
  };
}

async function findPacks(dirs: readonly string[]): Promise<FoundPack[]> {
  const found: FoundPack[] = [];
  for (const dir of dirs) {
    const hasManifest = await stat(path.join(dir, MANIFEST_FILE)).then(
      () => true,
      () => false,
    );
    const packDirs = hasManifest
      ? [dir]
      : (await readdir(dir, { withFileTypes: true }))
          .filter((entry) => entry.isDirectory())
          .map((entry) => path.join(dir, entry.name))
          .sort();
    for (const packDir of packDirs) {
      const manifestBytes = await readFile(path.join(packDir, MANIFEST_FILE)).catch(() => undefined);
      if (!manifestBytes) continue;
      const manifest = parseManifest(manifestBytes);
      const signature = await readFile(path.join(packDir, SIGNATURE_FILE), 'utf8');
      if (!parseManifestSignature(signature)) throw new Error(`${packDir}: manifest.sig is not a signature file`);
      await verifyPackContents(packDir, manifest);
      const names = (await readdir(path.join(packDir, KEYS_DIR)).catch(() => [] as string[])).sort();
      const statements = await Promise.all(
        names.map(async (name) => ({ name, bytes: await readFile(path.join(packDir, KEYS_DIR, name)) })),
      );
      found.push({ dir: packDir, manifest, manifestBytes, signature, statements });
    }
  }
  return found;
}

/** `packs/<manifest sha256>/`: the manifest, its signature and the pack's key statements, as the pack has them. */
async function writeForm(outDir: string, pack: FoundPack): Promise<void> {
  const formDir = path.join(outDir, FEED_PACKS_DIR, sha256(pack.manifestBytes));
  await mkdir(formDir, { recursive: true });
  await writeAtomically(path.join(formDir, MANIFEST_FILE), pack.manifestBytes);
  await writeAtomically(path.join(formDir, SIGNATURE_FILE), pack.signature);
  if (pack.statements.length > 0) {
    await mkdir(path.join(formDir, KEYS_DIR), { recursive: true });
    for (const { name, bytes } of pack.statements) await writeAtomically(path.join(formDir, KEYS_DIR, name), bytes);
  }
}

/** Copies a file unless the site has it at that size already (its name is its hash); true when copied. */
async function copyOnce(from: string, to: string, size: number): Promise<boolean> {
  const there = await stat(to).catch(() => undefined);
  if (there?.size === size) return false;
  const temp = `${to}.${randomBytes(6).toString('hex')}.tmp`;
  await copyFile(from, temp);
  await rename(temp, to);
  return true;
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

async function previousVersion(feedFile: string): Promise<number> {
  const text = await readFile(feedFile, 'utf8').catch(() => undefined);
  if (text === undefined) return 0;
  const parsed = Feed.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${feedFile} is there but is not a feed; move it away to start a new site`);
  return parsed.data.version;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
