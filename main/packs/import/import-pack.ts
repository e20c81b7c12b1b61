/**
 * The import pipeline both sources use (a USB stick's folder, a downloaded feed pack): verify the
 * signed manifest, check free space, copy each missing file once while hashing it (in a worker),
 * then switch the catalog to the pack's complete new state in one transaction and drop unused files.
 * A failure at any step leaves the catalog as it was; files already copied stay for the next attempt.
 */
import path from 'node:path';
import type { PackRecord } from '../../catalog/catalog-store.ts';
import { ContentStore, type StoredFile } from '../../store/content-store.ts';
import { progressSlot, progressSlots, type CopyOutcome } from '../../store/store-writer.ts';
import { siblingModule, startWorker } from '../../workers/worker-rpc.ts';
import { PackError } from '../pack-error.ts';
import { FILES_DIR, MANIFEST_FILE } from '../pack-layout.ts';
import type { TrustStore } from '../trust-store.ts';
import { verifyPack } from '../verify-pack.ts';
import type { CopyWorker } from './copy.worker.ts';
import { ImportError } from './import-error.ts';
import { packRecordOf } from './pack-record.ts';

/** What the pipeline needs of the catalog: the async catalog client satisfies it. */
export interface ImportCatalog {
  installedPacks(): Promise<{ id: string; channel: string; version: number }[]>;
  /** The complete installed state of a pack, to apply a delta to. */
  packRecord(id: string): Promise<PackRecord | undefined>;
  installPack(record: PackRecord): Promise<void>;
  referencedHashes(): Promise<string[]>;
}

export const importPhases = ['verifying', 'checking-space', 'copying', 'switching', 'cleaning', 'done'] as const;
export type ImportPhase = (typeof importPhases)[number];

export interface ImportProgress {
  packId: string;
  phase: ImportPhase;
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  /** Estimated from the copy rate so far; null until there is a rate to go by. */
  secondsLeft: number | null;
}

export interface ImportOptions {
  dataDir: string;
  catalog: ImportCatalog;
  trust: TrustStore;
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Caps the copy rate (see CopyJob); unlimited when absent. */
  bytesPerSecond?: number;
  /** Room kept free beyond the pack's own bytes, for the catalog and everything else on the disk. */
  spaceMarginBytes?: number;
  progressIntervalMs?: number;
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
  /** Bytes read from the source while copying. */
  bytesRead: number;
  garbage: { filesRemoved: number; bytesFreed: number };
}

const defaultMargin = (needed: number) => 16 * 1024 * 1024 + Math.ceil(needed / 100);
const busyDataDirs = new Set<string>();

export async function importPack(packDir: string, options: ImportOptions): Promise<ImportResult> {
  const key = path.resolve(options.dataDir);
  if (busyDataDirs.has(key)) throw new ImportError('busy', `an import into ${key} is running`);
  busyDataDirs.add(key);
  try {
    return await runImport(packDir, options);
  } finally {
    busyDataDirs.delete(key);
  }
}

async function runImport(packDir: string, options: ImportOptions): Promise<ImportResult> {
  const { catalog } = options;
  const store = new ContentStore(options.dataDir);
  let report: Omit<ImportProgress, 'phase' | 'secondsLeft'> = {
    packId: '',
    bytesDone: 0,
    bytesTotal: 0,
    filesDone: 0,
    filesTotal: 0,
  };
  const emit = (phase: ImportPhase, secondsLeft: number | null = null) =>
    options.onProgress?.({ ...report, phase, secondsLeft });
  emit('verifying');

  const installed = await catalog.installedPacks();
  const verified = await verifyPack(packDir, {
    trust: options.trust,
    now: options.now?.() ?? new Date(),
    installedVersion: (id) => installed.find((pack) => pack.id === id)?.version,
  });
  const { manifest } = verified;
  const current = installed.find((pack) => pack.id === manifest.id);
  if (current && current.channel !== manifest.channel) {
    // A key for one channel must not replace a pack another channel published under the same id.
    throw new PackError(
      'channel-not-allowed',
      `pack "${manifest.id}" is installed from channel "${current.channel}", this one is from "${manifest.channel}"`,
    );
  }
  const record = packRecordOf(manifest, manifest.kind === 'delta' ? await catalog.packRecord(manifest.id) : undefined);
  if (options.signal?.aborted) throw new ImportError('cancelled', 'cancelled before copying');

  emit('checking-space');
  const carried = new Map(manifest.files.map((file) => [file.sha256, file]));
  const needed = new Map<string, StoredFile>();
  for (const file of [...(record.files ?? []), ...manifest.files]) needed.set(file.sha256, file);
  const missing = await store.missing([...needed.values()]);
  const uncarried = missing.find((file) => !carried.has(file.sha256));
  if (uncarried) {
    throw new PackError('missing-file', `file ${uncarried.sha256} is neither in this update nor in the kiosk's store`);
  }
  const bytesTotal = missing.reduce((sum, file) => sum + file.size, 0);
  const freeBytes = await store.freeBytes();
  const requiredBytes = bytesTotal + (options.spaceMarginBytes ?? defaultMargin(bytesTotal));
  if (missing.length > 0 && requiredBytes > freeBytes) throw ImportError.diskFull(requiredBytes, freeBytes);
  report = { packId: manifest.id, bytesDone: 0, bytesTotal, filesDone: 0, filesTotal: missing.length };

  emit('copying');
  await store.clearIncoming();
  const outcome = await copyInWorker(verified.dir, options, missing, (done) => {
    report = { ...report, ...done };
    emit('copying', done.secondsLeft);
  });
  if (!outcome.ok) throw copyError(outcome);
  report = { ...report, bytesDone: bytesTotal, filesDone: missing.length };

  emit('switching');
  await catalog.installPack(record);

  emit('cleaning');
  const garbage = await store.collectGarbage(new Set(await catalog.referencedHashes()));
  emit('done');
  return {
    packId: manifest.id,
    channel: manifest.channel,
    version: manifest.version,
    kind: manifest.kind,
    filesCopied: outcome.filesCopied,
    bytesCopied: outcome.bytesCopied,
    filesSkipped: needed.size - missing.length,
    bytesRead: outcome.bytesRead,
    garbage,
  };
}

type CopyProgress = Pick<ImportProgress, 'bytesDone' | 'filesDone' | 'secondsLeft'>;

/** Runs the copy in a worker and reads its progress from shared memory, so the main thread only polls. */
async function copyInWorker(
  packDir: string,
  options: ImportOptions,
  files: StoredFile[],
  onProgress: (progress: CopyProgress) => void,
): Promise<CopyOutcome> {
  if (files.length === 0) return { ok: true, filesCopied: 0, bytesCopied: 0, bytesRead: 0 };
  const progress = new SharedArrayBuffer(progressSlots * Float64Array.BYTES_PER_ELEMENT);
  const cancel = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const counters = new Float64Array(progress);
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  const started = performance.now();
  const poll = setInterval(() => {
    const bytesDone = counters[progressSlot.bytesDone]!;
    const seconds = (performance.now() - started) / 1000;
    const rate = bytesDone / seconds;
    onProgress({
      bytesDone,
      filesDone: counters[progressSlot.filesDone]!,
      secondsLeft: rate > 0 && seconds > 0.5 ? Math.ceil((bytesTotal - bytesDone) / rate) : null,
    });
  }, options.progressIntervalMs ?? 250);
  const stop = () => {
    Atomics.store(new Int32Array(cancel), 0, 1);
    Atomics.notify(new Int32Array(cancel), 0);
  };
  options.signal?.addEventListener('abort', stop);
  const worker = startWorker<CopyWorker>(siblingModule(import.meta.url, 'copy.worker'));
  try {
    return await worker.api.copy({
      filesDir: path.join(packDir, FILES_DIR),
      sourceMarker: path.join(packDir, MANIFEST_FILE),
      dataDir: options.dataDir,
      files: files.map(({ sha256, size }) => ({ sha256, size })),
      progress,
      cancel,
      bytesPerSecond: options.bytesPerSecond,
    });
  } finally {
    clearInterval(poll);
    options.signal?.removeEventListener('abort', stop);
    await worker.close();
  }
}

function copyError(outcome: Extract<CopyOutcome, { ok: false }>): Error {
  const detail = `${outcome.detail} (${outcome.filesCopied} files copied before)`;
  switch (outcome.code) {
    case 'missing-file':
    case 'size-mismatch':
    case 'hash-mismatch':
    case 'unsafe-path':
      return new PackError(outcome.code, detail);
    default:
      return new ImportError(outcome.code, detail);
  }
}
