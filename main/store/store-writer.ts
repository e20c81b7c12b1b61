/**
 * Copies files into the content store, synchronously, inside the import worker: each source byte is
 * read once, hashed and written to a temp file in the store's filesystem; a file gets its final name
 * only after its size and SHA-256 match the manifest and its bytes are on disk. A temp file an interrupted
 * import left complete is hashed where it lies and adopted instead of copied again. Blocking calls are
 * right here: they block only the worker, and they are much faster than async I/O for many small files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contentPath, contentRoot } from './content-paths.ts';
import { incomingDir, type StoredFile } from './content-store.ts';

export const copyFailureCodes = [
  'missing-file',
  'size-mismatch',
  'hash-mismatch',
  'unsafe-path',
  'source-removed',
  'disk-full',
  'cancelled',
  'copy-failed',
] as const;
export type CopyFailureCode = (typeof copyFailureCodes)[number];

/** Slots of the shared progress array the worker writes and the main thread reads. */
export const progressSlot = { bytesDone: 0, filesDone: 1, bytesRead: 2 } as const;
export const progressSlots = 3;

export interface CopyJob {
  /** The folder holding the pack's files, each named by its SHA-256. */
  filesDir: string;
  /** A file whose disappearance means the source itself went away (the pack's manifest). */
  sourceMarker: string;
  dataDir: string;
  files: StoredFile[];
  /** Float64Array slots, see `progressSlot`. */
  progress: SharedArrayBuffer;
  /** Int32Array slot 0: set to 1 to stop after the current chunk. */
  cancel: SharedArrayBuffer;
  /** Caps the copy rate, so a kiosk can copy quietly while visitors read; unlimited when absent. */
  bytesPerSecond?: number | undefined;
  /** Files are made durable and given their final names in batches of this many files or bytes. */
  batchFiles?: number;
  batchBytes?: number;
}

/** Counts of files given final names: copied from the source, or adopted from an earlier attempt's leftovers. */
export interface CopyCounts {
  filesCopied: number;
  bytesCopied: number;
  bytesRead: number;
  filesAdopted: number;
  bytesAdopted: number;
}

export type CopyOutcome =
  ({ ok: true } & CopyCounts) | ({ ok: false; code: CopyFailureCode; detail: string } & CopyCounts);

class CopyFailure extends Error {
  readonly code: CopyFailureCode;
  constructor(code: CopyFailureCode, detail: string) {
    super(detail);
    this.code = code;
  }
}

const chunkSize = 1 << 20;
const sourceGoneErrors = new Set(['EIO', 'ENODEV', 'ENXIO', 'ESTALE', 'ENOTCONN', 'ENOMEDIUM', 'EREMOTEIO']);
const noSpaceErrors = new Set(['ENOSPC', 'EDQUOT']);

interface Verified {
  temp: string;
  hash: string;
  size: number;
  adopted: boolean;
}

export function copyIntoStore(job: CopyJob): CopyOutcome {
  const progress = new Float64Array(job.progress);
  const cancel = new Int32Array(job.cancel);
  const incoming = incomingDir(job.dataDir);
  realFolder(contentRoot(job.dataDir));
  realFolder(incoming);
  const batchFiles = job.batchFiles ?? 4000;
  const batchBytes = job.batchBytes ?? 512 * 1024 * 1024;
  const buffer = Buffer.allocUnsafe(chunkSize);
  const started = performance.now();
  let pending: Verified[] = [];
  let pendingBytes = 0;
  const counts = { filesCopied: 0, bytesCopied: 0, filesAdopted: 0, bytesAdopted: 0 };

  const shards = new Set<string>();
  const commit = () => {
    if (pending.length === 0) return;
    commitBatch(pending, job.dataDir, incoming, shards);
    for (const { adopted, size } of pending) {
      if (adopted) {
        counts.filesAdopted += 1;
        counts.bytesAdopted += size;
      } else {
        counts.filesCopied += 1;
        counts.bytesCopied += size;
      }
    }
    pending = [];
    pendingBytes = 0;
  };
  const checkCancelled = () => {
    if (Atomics.load(cancel, 0) !== 0) throw new CopyFailure('cancelled', 'the import was cancelled');
  };
  const afterChunk = () => {
    if (job.bytesPerSecond) {
      const due = (progress[progressSlot.bytesRead]! / job.bytesPerSecond) * 1000 - (performance.now() - started);
      // Sleeps on the cancel flag, so a cancel wakes the copy at once.
      if (due > 1) Atomics.wait(cancel, 0, 0, due);
    }
    checkCancelled();
  };

  try {
    for (const file of job.files) {
      checkCancelled();
      const temp = path.join(incoming, `${file.sha256}.part`);
      const verified =
        adoptLeftover(file, temp, buffer, checkCancelled, progress) ??
        copyOne(file, job, temp, buffer, afterChunk, progress);
      pending.push(verified);
      pendingBytes += verified.size;
      progress[progressSlot.filesDone]! += 1;
      if (pending.length >= batchFiles || pendingBytes >= batchBytes) commit();
    }
    commit();
    syncNames(incoming, shards);
    return { ok: true, ...counts, bytesRead: progress[progressSlot.bytesRead]! };
  } catch (cause) {
    // Files verified before the failure are kept, so a later attempt copies only what is still missing.
    try {
      commit();
      syncNames(incoming, shards);
    } catch {
      for (const { temp } of pending) fs.rmSync(temp, { force: true });
    }
    const failure = cause instanceof CopyFailure ? cause : classify(cause, 'writing into the content store');
    return {
      ok: false,
      code: failure.code,
      detail: failure.message,
      ...counts,
      bytesRead: progress[progressSlot.bytesRead]!,
    };
  }
}

/**
 * The temp file an earlier attempt left for `file`, if it is a regular file of the listed size whose bytes
 * hash to the file's name; it is hashed here, from the local disk, never taken on its name or size: after
 * a power cut a file of the right size may hold zeros or stale blocks. Anything else is left for the copy
 * to overwrite. Its data is synced with its batch like a copied file's.
 */
function adoptLeftover(
  file: StoredFile,
  temp: string,
  buffer: Buffer,
  checkCancelled: () => void,
  progress: Float64Array,
): Verified | undefined {
  let fd: number;
  try {
    const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
    fd = fs.openSync(temp, O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const info = fs.fstatSync(fd);
    if (!info.isFile() || info.size !== file.size) return undefined;
    const hash = createHash('sha256');
    let total = 0;
    for (let read = 1; read > 0 && total < file.size; total += read) {
      read = fs.readSync(fd, buffer, 0, Math.min(buffer.length, file.size - total), null);
      hash.update(buffer.subarray(0, read));
      checkCancelled();
    }
    if (total !== file.size || hash.digest('hex') !== file.sha256) return undefined;
    progress[progressSlot.bytesDone]! += file.size;
    return { temp, hash: file.sha256, size: file.size, adopted: true };
  } finally {
    fs.closeSync(fd);
  }
}

function copyOne(
  file: StoredFile,
  job: CopyJob,
  temp: string,
  buffer: Buffer,
  afterChunk: () => void,
  progress: Float64Array,
): Verified {
  const source = path.join(job.filesDir, file.sha256);
  let sourceFd: number | undefined;
  let tempFd: number | undefined;
  try {
    sourceFd = openSource(source, job.sourceMarker, file.sha256);
    const info = fs.fstatSync(sourceFd);
    if (!info.isFile()) throw new CopyFailure('unsafe-path', `files/${file.sha256} is not a regular file`);
    if (info.size !== file.size) {
      throw new CopyFailure(
        'size-mismatch',
        `files/${file.sha256} has ${info.size} bytes, the manifest says ${file.size}`,
      );
    }
    tempFd = openTemp(temp);
    const hash = createHash('sha256');
    let total = 0;
    // Never read past the listed size: bytes a file gained since fstat are not the pack's, and a file
    // that keeps growing cannot make the kiosk read endlessly. The digest decides what was read.
    while (total < file.size) {
      const read = readSource(
        sourceFd,
        buffer,
        Math.min(buffer.length, file.size - total),
        job.sourceMarker,
        file.sha256,
      );
      if (read === 0) break;
      total += read;
      progress[progressSlot.bytesRead]! += read;
      const chunk = buffer.subarray(0, read);
      hash.update(chunk);
      writeAll(tempFd, chunk);
      progress[progressSlot.bytesDone]! += read;
      afterChunk();
    }
    if (total !== file.size) {
      throw new CopyFailure('size-mismatch', `files/${file.sha256} has ${total} bytes, the manifest says ${file.size}`);
    }
    const digest = hash.digest('hex');
    if (digest !== file.sha256) {
      throw new CopyFailure('hash-mismatch', `files/${file.sha256} has SHA-256 ${digest}`);
    }
    return { temp, hash: file.sha256, size: file.size, adopted: false };
  } catch (error) {
    closeQuietly(tempFd);
    tempFd = undefined;
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    // The stick must be free to pull at any moment: no source descriptor outlives its file.
    closeQuietly(sourceFd);
    if (tempFd !== undefined) fs.closeSync(tempFd);
  }
}

function openSource(source: string, marker: string, hash: string): number {
  const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
  try {
    if (O_NOFOLLOW === undefined) {
      if (fs.lstatSync(source).isSymbolicLink()) throw new CopyFailure('unsafe-path', `files/${hash} is a link`);
      return fs.openSync(source, O_RDONLY);
    }
    // O_NONBLOCK keeps a FIFO planted in a pack from blocking the open; it changes nothing for regular files.
    return fs.openSync(source, O_RDONLY | O_NOFOLLOW | (O_NONBLOCK ?? 0));
  } catch (error) {
    if (error instanceof CopyFailure) throw error;
    const code = errorCode(error);
    if (code === 'ELOOP') throw new CopyFailure('unsafe-path', `files/${hash} is a link`);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (!fs.existsSync(marker))
        throw new CopyFailure('source-removed', `${marker} is gone while opening files/${hash}`);
      throw new CopyFailure('missing-file', `files/${hash} is listed in the manifest but not in the pack`);
    }
    throw classify(error, `opening files/${hash}`);
  }
}

/** Creates the temp file afresh: an exclusive create never writes through a link planted under its name. */
function openTemp(temp: string): number {
  fs.rmSync(temp, { force: true });
  return fs.openSync(temp, 'wx', 0o644);
}

function readSource(fd: number, buffer: Buffer, length: number, marker: string, hash: string): number {
  try {
    return fs.readSync(fd, buffer, 0, length, null);
  } catch (error) {
    if (!fs.existsSync(marker))
      throw new CopyFailure('source-removed', `${marker} is gone while reading files/${hash}`);
    throw classify(error, `reading files/${hash}`);
  }
}

function writeAll(fd: number, chunk: Buffer): void {
  let offset = 0;
  while (offset < chunk.length) offset += fs.writeSync(fd, chunk, offset, chunk.length - offset);
}

/**
 * Makes a batch durable, then names it: the data reaches the disk before any final name does, so even a
 * power cut leaves no partial file under a final name. One filesystem sync per batch costs far less than
 * one fsync per file when a pack holds thousands of small files. The names themselves are made durable
 * once, by `syncNames`, before the catalog may point at them; a lost rename only means a copy again.
 */
function commitBatch(batch: readonly Verified[], dataDir: string, incoming: string, shards: Set<string>): void {
  if (!syncFilesystem(incoming)) for (const { temp } of batch) fsyncPath(temp, 'r+');
  for (const { temp, hash } of batch) {
    const final = contentPath(dataDir, hash);
    const shard = path.dirname(final);
    if (!shards.has(shard)) realFolder(shard);
    shards.add(shard);
    fs.renameSync(temp, final);
  }
}

/**
 * Makes `dir` (the content folder, the incoming folder, a shard folder) a real folder. A link or file planted
 * in its place is removed, not followed: the store never serves through it, so a file written or renamed
 * into it would land outside the data folder and be lost to the store.
 */
function realFolder(dir: string): void {
  const info = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (info && !info.isDirectory()) fs.unlinkSync(dir);
  fs.mkdirSync(dir, { recursive: true });
}

function syncNames(incoming: string, shards: ReadonlySet<string>): void {
  if (shards.size === 0 || syncFilesystem(incoming)) return;
  for (const shard of shards) fsyncPath(shard, 'r');
  fsyncPath(path.dirname([...shards][0]!), 'r');
}

let syncfsWorks = process.platform === 'linux';

/** syncfs(2) through coreutils' `sync -f`, which Node does not expose; false when unavailable. */
function syncFilesystem(dir: string): boolean {
  if (!syncfsWorks) return false;
  try {
    execFileSync('sync', ['-f', dir], { stdio: 'ignore' });
    return true;
  } catch {
    syncfsWorks = false;
    return false;
  }
}

function fsyncPath(target: string, flags: 'r' | 'r+'): void {
  const fd = fs.openSync(target, flags);
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    // Windows cannot fsync a directory; the rename is still atomic there.
    if (!(flags === 'r' && ['EPERM', 'EISDIR', 'EBADF'].includes(errorCode(error) ?? ''))) throw error;
  } finally {
    fs.closeSync(fd);
  }
}

function classify(error: unknown, doing: string): CopyFailure {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code && noSpaceErrors.has(code)) return new CopyFailure('disk-full', `${doing}: ${message}`);
  if (code && sourceGoneErrors.has(code)) return new CopyFailure('source-removed', `${doing}: ${message}`);
  return new CopyFailure('copy-failed', `${doing}: ${message}`);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function closeQuietly(fd: number | undefined): void {
  if (fd === undefined) return;
  try {
    fs.closeSync(fd);
  } catch {
    // Closing a descriptor of a vanished device can fail; it is released all the same.
  }
}
