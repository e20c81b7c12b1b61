/**
 * `publish delta`: the changes from one full pack to a newer one as a signed delta pack, carrying only the
 * files the old version lacks. A kiosk with the old version installed applies it instead of the full pack.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeltaManifest, FullManifest, ManifestItem } from '../../main/packs/manifest.ts';
import { MANIFEST_FILE, packFilePath } from '../../main/packs/pack-layout.ts';
import { writePack } from '../../main/packs/pack-writer.ts';
import { keyMaySign } from '../../main/packs/trust-store.ts';
import { parseManifest, verifyPackContents } from '../../main/packs/verify-pack.ts';
import { readPrivateKey } from './key-files.ts';

export interface DeltaOptions {
  fromDir: string;
  toDir: string;
  keyFile: string;
  outDir: string;
  now?: Date;
}

async function readFullPack(dir: string): Promise<FullManifest> {
  const manifest = parseManifest(await readFile(path.join(dir, MANIFEST_FILE)));
  if (manifest.kind !== 'full') throw new Error(`${dir} is a delta pack; a delta is made between two full packs`);
  await verifyPackContents(dir, manifest);
  return manifest;
}

export async function buildDelta(options: DeltaOptions): Promise<DeltaManifest> {
  const from = await readFullPack(options.fromDir);
  const to = await readFullPack(options.toDir);
  if (from.id !== to.id || from.channel !== to.channel) {
    throw new Error(`the packs differ in id or channel (${from.id}/${from.channel} and ${to.id}/${to.channel})`);
  }
  if (to.version <= from.version) throw new Error(`--to (v${to.version}) must be newer than --from (v${from.version})`);
  const key = await readPrivateKey(options.keyFile);
  if (!keyMaySign(key, to.channel)) throw new Error(`key "${key.keyId}" may not sign channel "${to.channel}"`);

  const before = new Map(from.items.map((item) => [item.id, JSON.stringify(item)]));
  const after = new Set(to.items.map((item) => item.id));
  const addItems: ManifestItem[] = [];
  const replaceItems: ManifestItem[] = [];
  for (const item of to.items) {
    const old = before.get(item.id);
    if (old === undefined) addItems.push(item);
    else if (old !== JSON.stringify(item)) replaceItems.push(item);
  }
  const oldFiles = new Set(from.files.map((file) => file.sha256));
  const newFiles = new Set(to.files.map((file) => file.sha256));
  const carried = to.files.filter((file) => !oldFiles.has(file.sha256));
  const now = options.now ?? new Date();
  const manifest: DeltaManifest = {
    format: 1,
    id: to.id,
    channel: to.channel,
    version: to.version,
    createdAt: now.toISOString(),
    expiresAt: to.expiresAt,
    keyId: key.keyId,
    kind: 'delta',
    baseVersion: from.version,
    subjects: to.subjects,
    files: carried,
    changes: {
      addItems,
      replaceItems,
      removeItems: from.items.filter((item) => !after.has(item.id)).map((item) => item.id),
      removeFiles: [...oldFiles].filter((hash) => !newFiles.has(hash)),
    },
  };
  const sources = new Map(carried.map((file) => [file.sha256, packFilePath(options.toDir, file.sha256)]));
  await writePack(options.outDir, { manifest, key, sources });
  return manifest;
}
