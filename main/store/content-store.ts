/**
 * The content store seen from the main thread: which files it already holds, how much room is left,
 * and removing files no installed pack references. Writing happens in the import worker (`store-writer.ts`).
 */
import { mkdir, readdir, rm, stat, statfs, unlink } from 'node:fs/promises';
import path from 'node:path';
import { contentPath, contentRoot, isContentHash } from './content-paths.ts';

/** Where files being copied wait until they are verified and durable; inside the store, so a rename is atomic. */
export function incomingDir(dataDir: string): string {
  return path.join(contentRoot(dataDir), '.incoming');
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
    try {
      const info = await stat(contentPath(this.dataDir, hash));
      return info.isFile() && (size === undefined || info.size === size);
    } catch {
      return false;
    }
  }

  /**
   * The files of `files` the store lacks, or holds with a size other than listed, each once. Reads each
   * shard folder once instead of asking for every file, which matters for packs of thousands of files.
   */
  async missing<T extends StoredFile>(files: readonly T[]): Promise<T[]> {
    const unique = [...new Map(files.map((file) => [file.sha256, file])).values()];
    const shards = new Map<string, Set<string>>();
    for (const shard of new Set(unique.map((file) => file.sha256.slice(0, 2)))) {
      const names = await readdir(path.join(contentRoot(this.dataDir), shard)).catch(() => [] as string[]);
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

  /** The hash of every file under a final name. */
  async list(): Promise<string[]> {
    const root = contentRoot(this.dataDir);
    const found: string[] = [];
    const shards = await readdir(root).catch(() => [] as string[]);
    for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
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
      const size = (await stat(file).catch(() => undefined))?.size ?? 0;
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
