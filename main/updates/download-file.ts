/**
 * Downloads one content-addressed file into place, resumably: bytes arrive in `<target>.part`, beside
 * `<target>.part.json` holding the server's ETag, so a dropped connection or a restarted kiosk asks only for the
 * rest (Range with If-Match: a file changed on the server starts again rather than mixing two versions). The
 * whole file on disk is hashed at the end, old bytes too, and only then renamed to its name; a wrong hash deletes
 * it. A speed cap paces the reading, and `keepGoing` lets the caller stop at a chunk's end (the download window
 * closed), keeping what arrived.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { FeedError } from './feed-error.ts';

/** The time a download waits on, injected so tests can check the pacing without waiting. */
export interface Pace {
  now(): number;
  wait(ms: number): Promise<void>;
}

export const realPace: Pace = {
  now: () => performance.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface FileToDownload {
  url: string;
  target: string;
  sha256: string;
  size: number;
}

export interface DownloadOptions {
  pace?: Pace;
  /** Bytes a second, read at every chunk so a new cap applies at once; 0 for none. */
  bytesPerSecond?: () => number;
  /** Asked after every chunk; false stops the download there, keeping the bytes for later. */
  keepGoing?: () => boolean;
  /** Told of every chunk written, for the progress staff see. */
  onBytes?: (bytes: number) => void;
  timeoutMs?: number;
}

export interface Downloaded {
  /** Bytes fetched over the network this time. */
  fetchedBytes: number;
  /** Where this download started: what an earlier one left. */
  resumedFrom: number;
}

interface PartInfo {
  etag: string;
}

export async function downloadFile(file: FileToDownload, options: DownloadOptions = {}): Promise<Downloaded> {
  const part = `${file.target}.part`;
  const info = `${part}.json`;
  const done = await stat(file.target).catch(() => undefined);
  if (done) {
    if (done.size === file.size && (await hashOf(file.target)) === file.sha256)
      return { fetchedBytes: 0, resumedFrom: file.size };
    await rm(file.target, { force: true });
  }
  // One retry: a file that changed on the server, or a part the server cannot continue, starts over once.
  for (let attempt = 0; ; attempt++) {
    const offset = await resumableOffset(part, info, file.size);
    const etag = offset > 0 ? (JSON.parse(await readFile(info, 'utf8')) as PartInfo).etag : undefined;
    const headers: Record<string, string> = etag ? { range: `bytes=${offset}-`, 'if-match': etag } : {};
    const outcome = await fetchInto(file, part, info, offset, headers, options);
    if (outcome === 'restart' && attempt === 0) {
      await rm(part, { force: true });
      await rm(info, { force: true });
      continue;
    }
    if (outcome === 'restart') throw new FeedError('http-error', `${file.url} cannot be resumed or fetched whole`);
    const hash = await hashOf(part);
    if (hash !== file.sha256) {
      await rm(part, { force: true });
      await rm(info, { force: true });
      throw new FeedError('hash-mismatch', `${file.url} has SHA-256 ${hash}, not ${file.sha256}`);
    }
    await rename(part, file.target);
    await rm(info, { force: true });
    return { fetchedBytes: outcome.fetched, resumedFrom: offset };
  }
}

/** The bytes an earlier download left, when their ETag is known and they are no more than the file. */
async function resumableOffset(part: string, info: string, size: number): Promise<number> {
  const [bytes, infoText] = await Promise.all([
    stat(part).catch(() => undefined),
    readFile(info, 'utf8').catch(() => undefined),
  ]);
  let usable: boolean;
  try {
    usable =
      bytes !== undefined && infoText !== undefined && typeof (JSON.parse(infoText) as PartInfo).etag === 'string';
  } catch {
    usable = false;
  }
  if (usable && bytes!.size <= size) return bytes!.size;
  await rm(part, { force: true });
  await rm(info, { force: true });
  return 0;
}

async function fetchInto(
  file: FileToDownload,
  part: string,
  info: string,
  offset: number,
  headers: Record<string, string>,
  options: DownloadOptions,
): Promise<'restart' | { fetched: number }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 600_000);
  let fetched = 0;
  try {
    let response: Response;
    try {
      response = await fetch(file.url, { headers, signal: controller.signal, redirect: 'error' });
    } catch (error) {
      throw new FeedError('unreachable', `${file.url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    // 412: the file changed since the part began; 416: the server has fewer bytes than the part.
    if (response.status === 412 || response.status === 416) {
      await response.body?.cancel();
      return 'restart';
    }
    const resumed = response.status === 206;
    if (!resumed && response.status !== 200) {
      await response.body?.cancel();
      throw new FeedError('http-error', `${file.url}: the server answered ${response.status}`);
    }
    if (resumed && !response.headers.get('content-range')?.startsWith(`bytes ${offset}-`)) {
      await response.body?.cancel();
      return 'restart';
    }
    const start = resumed ? offset : 0;
    const etag = response.headers.get('etag');
    // Without an ETag a later resume could not tell a changed file; such a part is fetched whole next time.
    if (etag) await writeFile(info, JSON.stringify({ etag } satisfies PartInfo));
    const handle = await open(part, resumed ? 'a' : 'w');
    const pace = options.pace ?? realPace;
    const began = pace.now();
    let stopped = false;
    try {
      for await (const chunk of response.body ?? []) {
        if (start + fetched + chunk.byteLength > file.size) {
          controller.abort();
          throw new FeedError('size-mismatch', `${file.url} is longer than the ${file.size} bytes the manifest gives`);
        }
        await handle.write(chunk);
        fetched += chunk.byteLength;
        options.onBytes?.(chunk.byteLength);
        const rate = options.bytesPerSecond?.() ?? 0;
        if (rate > 0) {
          const due = (fetched / rate) * 1000 - (pace.now() - began);
          if (due > 0) await pace.wait(due);
        }
        if (options.keepGoing && !options.keepGoing()) {
          // Leaving the loop cancels the body; aborting first would fail the read instead.
          stopped = true;
          break;
        }
      }
    } catch (error) {
      if (error instanceof FeedError) throw error;
      throw new FeedError('unreachable', `${file.url}: the connection broke after ${start + fetched} bytes`);
    } finally {
      await handle.sync().catch(() => undefined);
      await handle.close();
    }
    if (stopped && start + fetched < file.size)
      throw new FeedError(
        'paused',
        `${file.url}: stopped after ${start + fetched} of ${file.size} bytes; the rest is fetched later`,
      );
    if (start + fetched < file.size)
      throw new FeedError(
        'unreachable',
        `${file.url}: ${start + fetched} of ${file.size} bytes arrived; the rest is fetched later`,
      );
    return { fetched };
  } finally {
    clearTimeout(timer);
  }
}

async function hashOf(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
