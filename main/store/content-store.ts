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

  /** Bytes available to this process on the store's filesystem. */
  async freeBytes(): Promise<number> {
    await mkdir(contentRoot(this.dataDir), { recursive: true });
    const info = await statfs(contentRoot(this.dataDir));
    return info.bavail * info.bsize;
  }

  /** Drops half-copied files left by an import that was killed; they never had a final name. */
  async clearIncoming(): Promise<void> {
    await rm(incomingDir(this.dataDir), { recursive: true, force: true });
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

  /**
   * Removes every stored file not in `referenced`. Run only after a catalog switch succeeded, and never
   * while an import is copying: files copied for a pack not yet switched to are unreferenced too.
   */
  async collectGarbage(referenced: ReadonlySet<string>): Promise<{ filesRemoved: number; bytesFreed: number }> {
    let filesRemoved = 0;
    let bytesFreed = 0;
    for (const hash of await this.list()) {
      if (referenced.has(hash)) continue;
      const file = contentPath(this.dataDir, hash);
      const size = (await lstatStored(this.dataDir, hash))?.size ?? 0;
      await unlink(file).catch(() => undefined);
      filesRemoved += 1;
      bytesFreed += size;
    }
    return { filesRemoved, bytesFreed };
  }
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
