/**
 * The import pipeline both sources use (a USB stick's folder, a downloaded feed pack): verify the
 * signed manifest, check free space, copy each missing file once while hashing it, then switch the
 * catalog to the pack's complete new state in one transaction and drop files nothing uses any more.
 * Verifying, copying and the switch run in a worker (see import.worker.ts); the main thread only
 * coordinates. A failure at any step leaves the catalog as it was; files already copied stay for the
 * next attempt, which skips them, and so do complete files a killed attempt left in the incoming folder,
 * which it adopts once their hash is checked.
 */
import path from 'node:path';
import type { ImportProgress } from '../../../preload/contract/packs.ts';
import { ContentStore, type StoredFile } from '../../store/content-store.ts';
import { progressSlot, progressSlots, type CopyCounts, type CopyOutcome } from '../../store/store-writer.ts';
import { siblingModule, startWorker, type StartWorkerOptions, type WorkerClient } from '../../workers/worker-rpc.ts';
import { PackError } from '../pack-error.ts';
import { FILES_DIR, MANIFEST_FILE } from '../pack-layout.ts';
import { ensureRoom, spaceNeeded } from './import-space.ts';
import type { TrustStore } from '../trust-store.ts';
import { ImportError, importErrorOf } from './import-error.ts';
import type { ImportWorker, WorkerResult } from './import.worker.ts';

/** What the main thread asks of the catalog worker; the switch itself runs on the import worker's connection. */
export interface ImportCatalog {
  installedPacks(): Promise<{ id: string; channel: string; version: number }[]>;
  referencedHashes(): Promise<string[]>;
}

/** The contract's progress event is what the pipeline reports, so the two cannot drift apart. */
export type { ImportProgress };
export type ImportPhase = ImportProgress['phase'];

export interface ImportOptions {
  dataDir: string;
  /** The catalog's SQLite file, which the import worker opens for the switch. */
  catalogPath: string;
  catalog: ImportCatalog;
  trust: TrustStore;
  /** The kiosk's clock: what expiry is checked against, and when the pack's new items arrive. */
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Caps the copy rate (see CopyJob); unlimited when absent. */
  bytesPerSecond?: number;
  /** Room kept free beyond the pack's files and the catalog's share, for everything else on the disk. */
  spaceMarginBytes?: number;
  /** Files are made durable and named in batches of this many files or bytes (see CopyJob). */
  copyBatch?: { files: number; bytes: number };
  progressIntervalMs?: number;
  /**
   * How many files are copied at once (default 2): while one thread hashes, the other's read is in
   * flight, which keeps a disk busy the way `cp` does. Each thread costs a worker's start-up.
   */
  copyThreads?: number;
}

export interface ImportResult {
  packId: string;
  channel: string;
  version: number;
  kind: 'full' | 'delta';
  filesCopied: number;
  bytesCopied: number;
  /** Files the store already held (from other packs or an interrupted attempt): not copied again. */
  filesSkipped: number;
  /** Complete files an interrupted attempt left in the incoming folder, hashed again and kept. */
  filesAdopted: number;
  /** Bytes read from the source while copying. */
  bytesRead: number;
  /** Stored files deleted: owed by an earlier clean-up, reclaimed for room, and left unused by this switch. */
  garbage: { filesRemoved: number; bytesFreed: number };
}

/**
 * Verifying and the catalog switch grow with the pack, minutes at worst on a slow stick. A copy lasts as
 * long as its bytes take at the stick's (or the cap's) rate and stops on cancel, so it has no limit.
 * Disposing is quick: a worker still stuck in a call that timed out is terminated soon after.
 */
const workerTimeouts = {
  callTimeoutMs: 10 * 60_000,
  methodTimeoutsMs: { copy: Infinity, dispose: 30_000 },
} satisfies StartWorkerOptions<ImportWorker>;

const busyDataDirs = new Set<string>();

/**
 * Runs `task` with `threads` import workers while no other change (an import, a removal) runs on the
 * same data folder: the catalog has one writer at a time, and garbage collection must not meet a copy.
 */
export async function withImportWorkers<T>(
  dataDir: string,
  threads: number,
  task: (workers: WorkerClient<ImportWorker>[]) => Promise<T>,
): Promise<T> {
  const key = path.resolve(dataDir);
  if (busyDataDirs.has(key)) throw new ImportError('busy', `a change to ${key} is running`);
  busyDataDirs.add(key);
  const workers: WorkerClient<ImportWorker>[] = [];
  try {
    // All workers start together, so the copy threads are ready by the time verification is done.
    for (let started = 0; started < Math.max(1, threads); started++) {
      workers.push(startWorker<ImportWorker>(siblingModule(import.meta.url, 'import.worker'), workerTimeouts));
    }
    return await task(workers);
  } finally {
    for (const worker of workers) {
      await worker.api.dispose().catch(() => undefined);
      await worker.close();
    }
    busyDataDirs.delete(key);
  }
}

/** Whether an import or a removal is changing the collection in `dataDir` now (the app waits to update). */
export function isChangeRunning(dataDir: string): boolean {
  return busyDataDirs.has(path.resolve(dataDir));
}

export function importPack(packDir: string, options: ImportOptions): Promise<ImportResult> {
  return withImportWorkers(options.dataDir, options.copyThreads ?? 2, (workers) =>
    runImport(packDir, options, workers),
  );
}

async function runImport(
  packDir: string,
  options: ImportOptions,
  workers: WorkerClient<ImportWorker>[],
): Promise<ImportResult> {
  const { catalog } = options;
  const now = options.now ?? (() => new Date());
  const worker = workers[0]!;
  const store = new ContentStore(options.dataDir);
  let report = { packId: '', bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: 0 };
  const emit = (phase: ImportPhase, secondsLeft: number | null = null) =>
    options.onProgress?.({ ...report, phase, secondsLeft });
  emit('verifying');

  const plan = unwrap(
    await worker.api.prepare({
      packDir: path.resolve(packDir),
      catalogPath: options.catalogPath,
      dataDir: options.dataDir,
      trust: options.trust,
      keysDir: path.join(options.dataDir, 'keys'),
      installed: (await catalog.installedPacks()).map(({ id, channel, version }) => ({ id, channel, version })),
      now: now().toISOString(),
    }),
  );
  if (options.signal?.aborted) throw new ImportError('cancelled', 'cancelled before copying');

  emit('checking-space');
  const carried = new Set(plan.carried);
  const needed = new Set(plan.needed.map((file) => file.sha256));
  const keep = new Set([...(await catalog.referencedHashes()), ...needed]);
  let garbage = { filesRemoved: 0, bytesFreed: 0 };
  if (plan.garbageOwed) {
    // Before the space check, so the room it frees counts; this pack's files are kept for its own resume.
    garbage = await store.collectGarbage(keep);
    unwrap(await worker.api.garbageCollected());
  }
  const missing = await store.missing(plan.needed);
  const uncarried = missing.find((file) => !carried.has(file.sha256));
  if (uncarried) {
    throw new PackError('missing-file', `file ${uncarried.sha256} is neither in this update nor in the kiosk's store`);
  }
  await store.pruneIncoming(missing);
  const space = spaceNeeded(missing, plan.recordBytes, (await store.space()).blockSize, options.spaceMarginBytes);
  garbage = addUp(garbage, await ensureRoom(store, space, keep));
  const bytesTotal = missing.reduce((sum, file) => sum + file.size, 0);
  report = { packId: plan.packId, bytesDone: 0, bytesTotal, filesDone: 0, filesTotal: missing.length };

  emit('copying');
  const outcome = await copyInWorkers(workers, plan.packDir, options, missing, (done) => {
    report = { ...report, ...done };
    emit('copying', done.secondsLeft);
  });
  if (!outcome.ok) {
    throw importErrorOf({
      code: outcome.code,
      detail: `${outcome.detail} (${outcome.filesCopied} files copied before)`,
    });
  }
  report = { ...report, bytesDone: bytesTotal, filesDone: missing.length };

  emit('switching');
  // Read at the switch, not at the start: an item arrives when visitors can first see it.
  unwrap(await worker.api.install(now().toISOString()));

  emit('cleaning');
  garbage = addUp(garbage, await store.collectGarbage(new Set(await catalog.referencedHashes())));
  unwrap(await worker.api.garbageCollected());
  emit('done');
  return {
    packId: plan.packId,
    channel: plan.channel,
    version: plan.version,
    kind: plan.kind,
    filesCopied: outcome.filesCopied,
    bytesCopied: outcome.bytesCopied,
    filesSkipped: plan.needed.length - missing.length,
    filesAdopted: outcome.filesAdopted,
    bytesRead: outcome.bytesRead,
    garbage,
  };
}

function addUp(
  a: { filesRemoved: number; bytesFreed: number },
  b: { filesRemoved: number; bytesFreed: number },
): { filesRemoved: number; bytesFreed: number } {
  return { filesRemoved: a.filesRemoved + b.filesRemoved, bytesFreed: a.bytesFreed + b.bytesFreed };
}

type CopyProgress = Pick<ImportProgress, 'bytesDone' | 'filesDone' | 'secondsLeft'>;

/**
 * Runs the copy in the workers, each with its share of the files, and reads their progress from shared
 * memory, so the main thread only polls. The first real failure stops the others after their current
 * chunk; what any of them verified stays in the store for the next attempt.
 */
async function copyInWorkers(
  workers: readonly WorkerClient<ImportWorker>[],
  packDir: string,
  options: ImportOptions,
  files: StoredFile[],
  onProgress: (progress: CopyProgress) => void,
): Promise<CopyOutcome> {
  if (files.length === 0) {
    return { ok: true, filesCopied: 0, bytesCopied: 0, bytesRead: 0, filesAdopted: 0, bytesAdopted: 0 };
  }
  const cancel = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const jobs = shareOut(files, workers.length).map((share, index) => ({
    worker: workers[index]!,
    files: share,
    counters: new Float64Array(new SharedArrayBuffer(progressSlots * Float64Array.BYTES_PER_ELEMENT)),
  }));
  const total = (slot: number) => jobs.reduce((sum, job) => sum + job.counters[slot]!, 0);
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  const started = performance.now();
  const poll = setInterval(() => {
    const bytesDone = total(progressSlot.bytesDone);
    const seconds = (performance.now() - started) / 1000;
    const rate = bytesDone / seconds;
    onProgress({
      bytesDone,
      filesDone: total(progressSlot.filesDone),
      secondsLeft: rate > 0 && seconds > 0.5 ? Math.ceil((bytesTotal - bytesDone) / rate) : null,
    });
  }, options.progressIntervalMs ?? 250);
  const stop = () => {
    Atomics.store(new Int32Array(cancel), 0, 1);
    Atomics.notify(new Int32Array(cancel), 0);
  };
  options.signal?.addEventListener('abort', stop);
  // A cancel that came while space was being checked has no event left to fire.
  if (options.signal?.aborted) stop();
  try {
    const outcomes = await Promise.all(
      jobs.map(async (job) => {
        const outcome = await job.worker.api.copy({
          filesDir: path.join(packDir, FILES_DIR),
          sourceMarker: path.join(packDir, MANIFEST_FILE),
          dataDir: options.dataDir,
          files: job.files,
          progress: job.counters.buffer as SharedArrayBuffer,
          cancel,
          bytesPerSecond: options.bytesPerSecond && options.bytesPerSecond / jobs.length,
          ...(options.copyBatch && { batchFiles: options.copyBatch.files, batchBytes: options.copyBatch.bytes }),
        });
        if (!outcome.ok) stop();
        return outcome;
      }),
    );
    return mergeOutcomes(outcomes);
  } finally {
    clearInterval(poll);
    options.signal?.removeEventListener('abort', stop);
  }
}

/** Splits the files into `parts` shares of about equal bytes, largest files first. */
function shareOut(files: readonly StoredFile[], parts: number): StoredFile[][] {
  const shares = Array.from({ length: Math.min(parts, files.length) }, () => ({ bytes: 0, files: [] as StoredFile[] }));
  for (const file of [...files].sort((a, b) => b.size - a.size)) {
    const lightest = shares.reduce((best, share) => (share.bytes < best.bytes ? share : best));
    lightest.files.push({ sha256: file.sha256, size: file.size });
    lightest.bytes += file.size;
  }
  return shares.map((share) => share.files);
}

/** One outcome for the whole copy: the counts added up, and the failure that stopped the others. */
function mergeOutcomes(outcomes: readonly CopyOutcome[]): CopyOutcome {
  const sum = (count: keyof CopyCounts) => outcomes.reduce((total, outcome) => total + outcome[count], 0);
  const counts: CopyCounts = {
    filesCopied: sum('filesCopied'),
    bytesCopied: sum('bytesCopied'),
    bytesRead: sum('bytesRead'),
    filesAdopted: sum('filesAdopted'),
    bytesAdopted: sum('bytesAdopted'),
  };
  const failures = outcomes.filter((outcome) => !outcome.ok);
  const cause = failures.find((outcome) => outcome.code !== 'cancelled') ?? failures[0];
  return cause ? { ...cause, ...counts } : { ok: true, ...counts };
}

function unwrap<T>(result: WorkerResult<T>): T {
  if (result.ok) return result.value;
  throw importErrorOf(result);
}
