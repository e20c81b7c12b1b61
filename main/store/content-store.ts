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

  /** The files of `files` the store lacks, or holds with a size other than listed, each once. */
  async missing<T extends StoredFile>(files: readonly T[]): Promise<T[]> {
    const unique = [...new Map(files.map((file) => [file.sha256, file])).values()];
    const present = await mapLimited(unique, 32, (file) => this.has(file.sha256, file.size));
    return unique.filter((_, index) => !present[index]);
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

  /** Every file under a final name, as hash → size. */
  async list(): Promise<Map<string, number>> {
    const root = contentRoot(this.dataDir);
    const found = new Map<string, number>();
    const shards = await readdir(root).catch(() => [] as string[]);
    for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      for (const name of await readdir(path.join(root, shard))) {
        if (!isContentHash(name) || !name.startsWith(shard)) continue;
        found.set(name, (await stat(path.join(root, shard, name))).size);
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
    for (const [hash, size] of await this.list()) {
      if (referenced.has(hash)) continue;
      await unlink(contentPath(this.dataDir, hash)).catch(() => undefined);
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
