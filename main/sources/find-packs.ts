/**
 * Finds pack folders (holding manifest.json and manifest.sig) on a mounted stick with a shallow, bounded
 * search: a stick with a million files or a link loop costs a few hundred directory reads, not minutes.
 */
import type { Dirent } from 'node:fs';
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../packs/pack-layout.ts';

export interface FindLimits {
  /** Levels below the mount's root to look in (0: the root only). */
  depth: number;
  /** Entries read from any one folder. */
  entriesPerFolder: number;
  /** Folders read in all. */
  folders: number;
  packs: number;
}

export const defaultFindLimits: FindLimits = { depth: 2, entriesPerFolder: 500, folders: 200, packs: 20 };

/** Folders an OS keeps on removable media: never packs. */
const skippedNames = /^(\..*|System Volume Information|\$RECYCLE\.BIN|lost\+found)$/i;

export async function findPacks(root: string, limits: FindLimits = defaultFindLimits): Promise<string[]> {
  const found: string[] = [];
  let queue = [root];
  let foldersRead = 0;
  for (let level = 0; level <= limits.depth && queue.length > 0; level++) {
    const next: string[] = [];
    for (const folder of queue) {
      if (foldersRead >= limits.folders || found.length >= limits.packs) return found;
      foldersRead += 1;
      const entries = await readEntries(folder, limits.entriesPerFolder);
      const names = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
      if (names.has(MANIFEST_FILE) && names.has(SIGNATURE_FILE)) {
        found.push(folder);
        continue;
      }
      // Dirent says "directory" only for real folders, so links (and link loops) are never followed.
      for (const entry of entries) {
        if (entry.isDirectory() && !skippedNames.test(entry.name)) next.push(path.join(folder, entry.name));
      }
    }
    queue = next.sort();
  }
  return found;
}

async function readEntries(folder: string, limit: number): Promise<Dirent[]> {
  const entries: Dirent[] = [];
  try {
    const dir = await opendir(folder);
    try {
      for (let entry = await dir.read(); entry && entries.length < limit; entry = await dir.read()) entries.push(entry);
    } finally {
      await dir.close().catch(() => undefined);
    }
  } catch {
    // An unreadable folder (or a stick pulled mid-search) simply holds no packs.
  }
  return entries;
}
