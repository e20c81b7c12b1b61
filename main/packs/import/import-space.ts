/**
 * The import's space check: what an import will take on the data folder's disk (the files the store
 * lacks, the catalog's growth and WAL, a reserve) against what it can use (free space, what an earlier
 * attempt left in the incoming folder and, only when that is short, stored files nothing references).
 * The catalog is assumed to live on the store's filesystem, as `catalog.sqlite` in the data folder does.
 */
import type { ContentStore, StoredFile } from '../../store/content-store.ts';
import { ImportError } from './import-error.ts';

/**
 * Bytes the catalog takes at the switch per byte of the pack's record as JSON: the file's growth plus
 * the WAL at its largest, before the checkpoint that follows the switch. Measured 3.6–4.2 for a pack's
 * first install and 1.6–2.1 for a new version replacing one of the same size, depending on how many
 * distinct words its texts hold (`bench/catalog-growth.bench.ts`, docs/benchmarks.md). 5 covers the worst
 * measured case by a fifth; a replacement is overcounted by about half, the price of one simple rule.
 */
export const catalogBytesPerRecordByte = 5;

/** Room kept free beyond what the import itself takes, for the logs and everything else on the disk. */
export const defaultReserve = (contentBytes: number) => 16 * 1024 * 1024 + Math.ceil(contentBytes / 100);

export interface SpaceNeed {
  /** The missing files' sizes, each rounded up to whole blocks, as the filesystem stores them. */
  contentBytes: number;
  catalogBytes: number;
  reserveBytes: number;
  neededBytes: number;
}

export function spaceNeeded(
  missing: readonly StoredFile[],
  recordBytes: number,
  blockSize: number,
  reserveBytes?: number,
): SpaceNeed {
  const block = Math.max(1, blockSize);
  const contentBytes = missing.reduce((sum, file) => sum + Math.ceil(file.size / block) * block, 0);
  const catalogBytes = recordBytes * catalogBytesPerRecordByte;
  const reserve = reserveBytes ?? defaultReserve(contentBytes);
  return { contentBytes, catalogBytes, reserveBytes: reserve, neededBytes: contentBytes + catalogBytes + reserve };
}

/**
 * Makes sure `need.neededBytes` can be had, or refuses with `disk-full` and both figures, having changed nothing.
 * Leftovers in the incoming folder count as free: the copy adopts or overwrites them. When that is not
 * enough, stored files outside `keep` (the catalog's references and this pack's files) count too, and are
 * deleted: they are files a killed import committed for a version never switched to, or an old version's
 * files whose clean-up was cut short. Imports run one at a time per data folder, so none of them is being
 * copied; the cost is that a later import of that other version copies them again, which is why they are
 * only deleted when the room is needed.
 */
export async function ensureRoom(
  store: ContentStore,
  need: SpaceNeed,
  keep: ReadonlySet<string>,
): Promise<{ filesRemoved: number; bytesFreed: number }> {
  const { neededBytes } = need;
  const { freeBytes } = await store.space();
  const usable = freeBytes + (await store.leftoverBytes());
  if (neededBytes <= usable) return { filesRemoved: 0, bytesFreed: 0 };
  const reclaimable = await store.unreferenced(keep);
  const reclaimableBytes = reclaimable.reduce((sum, file) => sum + file.size, 0);
  if (neededBytes > usable + reclaimableBytes) {
    const room = usable + reclaimableBytes;
    // The log says which share made the difference: a text-heavy pack can be refused for its catalog alone.
    const shares = `files ${need.contentBytes}, catalog ${need.catalogBytes}, reserve ${need.reserveBytes}`;
    throw ImportError.diskFull(neededBytes, room, shares);
  }
  return store.remove(reclaimable);
}
