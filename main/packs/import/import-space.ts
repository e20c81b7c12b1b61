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
 * The room an import may use: free space, plus leftovers in the incoming folder (the copy adopts or
 * overwrites them) and, as a last resort, stored files outside `keep` (the catalog's references and this
 * pack's files): files a killed import committed for a version never switched to, or an old version's
 * files whose clean-up was cut short.
 */
export interface Room {
  freeBytes: number;
  leftoverBytes: number;
  reclaimable: StoredFile[];
  reclaimableBytes: number;
}

/** Lists the store's files (one `lstat` each) only when free space and leftovers fall short of `neededBytes`. */
export async function usableRoom(store: ContentStore, keep: ReadonlySet<string>, neededBytes: number): Promise<Room> {
  const { freeBytes } = await store.space();
  const leftoverBytes = await store.leftoverBytes();
  const reclaimable = neededBytes <= freeBytes + leftoverBytes ? [] : await store.unreferenced(keep);
  return { freeBytes, leftoverBytes, reclaimable, reclaimableBytes: reclaimable.reduce((sum, f) => sum + f.size, 0) };
}

/** `disk-full` with both figures when `need` does not fit in `room`; the log's detail says which share made the difference. */
export function roomRefusal(need: SpaceNeed, room: Room): ImportError | undefined {
  const total = room.freeBytes + room.leftoverBytes + room.reclaimableBytes;
  if (need.neededBytes <= total) return undefined;
  const shares = `files ${need.contentBytes}, catalog ${need.catalogBytes}, reserve ${need.reserveBytes}`;
  return ImportError.diskFull(need.neededBytes, total, shares);
}

/**
 * Makes sure `need.neededBytes` can be had, or refuses having changed nothing. Reclaimable files are
 * deleted only when free space and leftovers fall short: imports run one at a time per data folder, so
 * none of them is being copied, and keeping them otherwise spares a later import of that other version
 * copying them again.
 */
export async function ensureRoom(
  store: ContentStore,
  need: SpaceNeed,
  keep: ReadonlySet<string>,
): Promise<{ filesRemoved: number; bytesFreed: number }> {
  const room = await usableRoom(store, keep, need.neededBytes);
  const refusal = roomRefusal(need, room);
  if (refusal) throw refusal;
  if (need.neededBytes <= room.freeBytes + room.leftoverBytes) return { filesRemoved: 0, bytesFreed: 0 };
  return store.remove(room.reclaimable);
}
