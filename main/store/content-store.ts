/**
 * The content store seen from the main thread: which files it already holds, how much room is left,
 * and removing files no installed pack references. Writing happens in the import worker (`store-writer.ts`).
 */
import type { Stats } from 'node:fs';
import { lstat, mkdir, readdir, rm, statfs, unlink } from 'node:fs/promises';
import path from 'node:path';
import { contentPath, contentRoot, isContentHash } from './content-paths.ts';

/** Where files being copied wait until they are verified and durable; inside the store, so a rename is atomic. */
export function incomingDir(dataDir: string): string {
  return path.join(contentRoot(dataDir), '.incoming');
}

/**
 * The stats of the stored file `hash`, or undefined unless the content folder, its shard folder and the file
 * are each real (no level a link): a link planted anywhere on the path would make the store serve, or
 * garbage collection delete, a file outside the data folder.
 */
export async function lstatStored(dataDir: string, hash: string): Promise<Stats | undefined> {
  const file = contentPath(dataDir, hash);
  try {
    const [root, shard, info] = await Promise.all([
      lstat(contentRoot(dataDir)),
      lstat(path.dirname(file)),
      lstat(file),
    ]);
    return root.isDirectory() && shard.isDirectory() && info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The shard folders under the content folder that are real folders; links and stray names are ignored. */
async function shardDirs(dataDir: string): Promise<string[]> {
  const root = contentRoot(dataDir);
  if (!(await lstat(root).catch(() => undefined))?.isDirectory()) return [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name)).map((entry) => entry.name);
}

export interface StoredFile {
  sha256: string;
  size: number;
}

export class ContentStore {
  readonly dataDir: string;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  /** True when the store holds `hash` under its final name (only ever complete, verified files do). */
  async has(hash: string, size?: number): Promise<boolean> {
    const info = await lstatStored(this.dataDir, hash);
    return info !== undefined && (size === undefined || info.size === size);
  }

  /**
   * The files of `files` the store lacks, or holds with a size other than listed, each once. Reads each
   * shard folder once instead of asking for every file, which matters for packs of thousands of files.
   */
  async missing<T extends StoredFile>(files: readonly T[]): Promise<T[]> {
    const unique = [...new Map(files.map((file) => [file.sha256, file])).values()];
    const real = new Set(await shardDirs(this.dataDir));
    const shards = new Map<string, Set<string>>();
    for (const shard of new Set(unique.map((file) => file.sha256.slice(0, 2)))) {
      const names = real.has(shard)
        ? await readdir(path.join(contentRoot(this.dataDir), shard)).catch(() => [] as string[])
        : [];
      shards.set(shard, new Set(names));
    }
    const listed = unique.filter((file) => shards.get(file.sha256.slice(0, 2))!.has(file.sha256));
    const present = await mapLimited(listed, 16, (file) => this.has(file.sha256, file.size));
    const whole = new Set(listed.filter((_, index) => present[index]).map((file) => file.sha256));
    return unique.filter((file) => !whole.has(file.sha256));
  }

  /**
   * Bytes available to this process on the store's filesystem, and its block size: on disk a file takes
   * its size rounded up to whole blocks, which matters for packs of many small files.
   */
  async space(): Promise<{ freeBytes: number; blockSize: number }> {
    await mkdir(contentRoot(this.dataDir), { recursive: true });
    const info = await statfs(contentRoot(this.dataDir));
    return { freeBytes: info.bavail * info.bsize, blockSize: info.bsize };
  }

  /**
   * Bytes held by what an earlier import left in the incoming folder (killed or cut off by a power cut
   * before its batch got final names). All of it is free space to the next import: each leftover is
   * either adopted as one of the files it needs, which it then need not copy, or deleted.
   */
  async leftoverBytes(): Promise<number> {
    const entries = await realIncomingEntries(this.dataDir);
    const sizes = await Promise.all(
      entries.map(
        async (name) => (await lstat(path.join(incomingDir(this.dataDir), name)).catch(() => undefined))?.size ?? 0,
      ),
    );
    return sizes.reduce((sum, size) => sum + size, 0);
  }

  /**
   * Makes the incoming folder a real folder holding only leftovers worth hashing: regular files named
   * `<sha256>.part` for a file in `wanted`, at its size. Everything else goes. A link or file planted in
   * the folder's place is removed, never followed, so nothing is listed, deleted or written outside the store.
   * The copy worker decides by hash whether a kept leftover is adopted; a size says nothing of its bytes.
   */
  async pruneIncoming(wanted: readonly StoredFile[]): Promise<void> {
    const incoming = incomingDir(this.dataDir);
    await realFolder(contentRoot(this.dataDir));
    await realFolder(incoming);
    const sizes = new Map(wanted.map((file) => [`${file.sha256}.part`, file.size]));
    for (const entry of await readdir(incoming, { withFileTypes: true })) {
      const target = path.join(incoming, entry.name);
      const size = sizes.get(entry.name);
      if (size !== undefined && entry.isFile() && (await lstat(target)).size === size) continue;
      await rm(target, { recursive: true, force: true });
    }
  }

  /** The hash of every file under a final name, in real shard folders only. */
  async list(): Promise<string[]> {
    const root = contentRoot(this.dataDir);
    const found: string[] = [];
    for (const shard of await shardDirs(this.dataDir)) {
      for (const name of await readdir(path.join(root, shard))) {
        if (isContentHash(name) && name.startsWith(shard)) found.push(name);
      }
    }
    return found;
  }

  /** The stored files not in `keep`, with their sizes. */
  async unreferenced(keep: ReadonlySet<string>): Promise<StoredFile[]> {
    const hashes = (await this.list()).filter((hash) => !keep.has(hash));
    const sizes = await mapLimited(hashes, 16, async (hash) => (await lstatStored(this.dataDir, hash))?.size ?? 0);
    return hashes.map((sha256, index) => ({ sha256, size: sizes[index]! }));
  }

  /** Deletes stored files; sizes as `unreferenced` gave them, for the account of bytes freed. */
  async remove(files: readonly StoredFile[]): Promise<{ filesRemoved: number; bytesFreed: number }> {
    for (const { sha256 } of files) await unlink(contentPath(this.dataDir, sha256)).catch(() => undefined);
    return { filesRemoved: files.length, bytesFreed: files.reduce((sum, file) => sum + file.size, 0) };
  }

  /**
   * Removes every stored file not in `referenced`. Run only after a catalog switch succeeded, or at the
   * start of an import with the files that import needs among `referenced`, and never while an import is
   * copying: files copied for a pack not yet switched to are unreferenced too.
   */
  async collectGarbage(referenced: ReadonlySet<string>): Promise<{ filesRemoved: number; bytesFreed: number }> {
    return this.remove(await this.unreferenced(referenced));
  }
}

/** The names in the incoming folder, or none unless it and the content folder are real (a link is never read through). */
async function realIncomingEntries(dataDir: string): Promise<string[]> {
  const levels = await Promise.all(
    [contentRoot(dataDir), incomingDir(dataDir)].map((dir) => lstat(dir).catch(() => undefined)),
  );
  if (!levels.every((info) => info?.isDirectory())) return [];
  return readdir(incomingDir(dataDir)).catch(() => []);
}

/** Makes `dir` a real folder, removing a link or file planted in its place rather than following it. */
async function realFolder(dir: string): Promise<void> {
  const info = await lstat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) await unlink(dir);
  await mkdir(dir, { recursive: true });
}

async function mapLimited<T, R>(values: readonly T[], limit: number, task: (value: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(values.length);
  let next = 0;
  const run = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await task(values[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, run));
  return results;
}
