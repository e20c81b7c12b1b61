/**
 * One check of the update feed, start to end: fetch the feed (conditionally: an unchanged one costs a few hundred
 * bytes and is taken from the copy kept in `<data>/updates/`), verify it, plan what the venue's channels lack,
 * and, inside the download window, stage each pack from the site and hand it to the import queue that sticks
 * use too. What was accepted is remembered (`state.json`), so an older feed is refused even after a restart.
 * A pack that fails leaves the others to go on; the failures are returned for the staff screen and the log.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DownloadWindow } from '../../preload/contract/settings.ts';
import type { ImportResult } from '../packs/import/import-pack.ts';
import { importFailure } from '../packs/import/import-error.ts';
import type { TrustStore } from '../packs/trust-store.ts';
import { boundedGet } from './bounded-get.ts';
import type { Pace } from './download-file.ts';
import { inWindow, nextWindowStart } from './download-window.ts';
import { FEED_FILE, FEED_SIGNATURE_FILE, MAX_FEED_BYTES, MAX_FEED_SIGNATURE_BYTES } from './feed.ts';
import { FeedError } from './feed-error.ts';
import { stagePack } from './stage-pack.ts';
import { planUpdates, type PlannedUpdate } from './update-plan.ts';
import { verifyFeed } from './verify-feed.ts';

export interface FeedCheckContext {
  dataDir: string;
  feedUrl: string;
  channels: readonly string[];
  window: DownloadWindow | null;
  /** Bytes a second, 0 for no cap; read as downloads go. */
  bytesPerSecond: () => number;
  now: () => Date;
  trust: () => Promise<TrustStore>;
  installed: () => Promise<{ id: string; version: number }[]>;
  /** The content store's path of a file it holds. */
  stored: (sha256: string) => Promise<string | undefined>;
  /** Throws `disk-full` when `bytes` more cannot be downloaded and then imported. */
  checkRoom: (bytes: number) => Promise<void>;
  importFolder: (dir: string) => Promise<ImportResult>;
  pace?: Pace;
  /** Downloads' progress, per pack: bytes received of those to fetch (files held already are not counted). */
  onProgress?: (progress: { packId: string; receivedBytes: number; totalBytes: number }) => void;
}

export interface PackFailure {
  packId: string;
  version: number;
  code: string;
  detail: string;
}

export type FeedCheckOutcome =
  | { state: 'up-to-date'; feedVersion: number }
  | { state: 'waiting-window'; feedVersion: number; pending: PlannedUpdate[]; opensAt: string }
  | {
      state: 'updated';
      feedVersion: number;
      loaded: { packId: string; version: number; fetchedBytes: number; filesLinked: number }[];
      failed: PackFailure[];
    };

const UpdateState = z.object({
  format: z.literal(1),
  accepted: z.object({ version: z.number().int(), sha256: z.string() }).optional(),
  etag: z.string().optional(),
});
type UpdateState = z.infer<typeof UpdateState>;

export const updatesDir = (dataDir: string) => path.join(dataDir, 'updates');

export async function checkFeed(context: FeedCheckContext): Promise<FeedCheckOutcome> {
  const dir = updatesDir(context.dataDir);
  await mkdir(dir, { recursive: true });
  const state = await readState(dir);
  const cached = await readCached(dir);
  const answer = await boundedGet(context.feedUrl, {
    maxBytes: MAX_FEED_BYTES,
    headers: cached && state.etag ? { 'if-none-match': state.etag } : {},
    timeoutMs: 120_000,
  });
  let bytes: Buffer;
  let signature: string;
  if (answer.status === 304 && cached) {
    ({ bytes, signature } = cached);
  } else {
    bytes = answer.body;
    const sigUrl = new URL(FEED_SIGNATURE_FILE, context.feedUrl).href;
    signature = (await boundedGet(sigUrl, { maxBytes: MAX_FEED_SIGNATURE_BYTES })).body.toString('utf8');
  }
  const { feed, sha256 } = verifyFeed(bytes, signature, {
    trust: await context.trust(),
    now: context.now(),
    ...(state.accepted ? { last: state.accepted } : {}),
  });
  if (answer.status !== 304) {
    await writeAtomically(path.join(dir, FEED_FILE), bytes);
    await writeAtomically(path.join(dir, FEED_SIGNATURE_FILE), signature);
  }
  await writeState(dir, {
    format: 1,
    accepted: { version: feed.version, sha256 },
    ...(answer.status === 304 ? (state.etag ? { etag: state.etag } : {}) : answer.etag ? { etag: answer.etag } : {}),
  });

  const plan = planUpdates(feed, await context.installed(), context.channels);
  const stagingRoot = path.join(dir, 'staging');
  await dropStale(stagingRoot, new Set(plan.map((update) => update.form.manifest)));
  if (plan.length === 0) return { state: 'up-to-date', feedVersion: feed.version };
  if (!inWindow(context.window, context.now()))
    return {
      state: 'waiting-window',
      feedVersion: feed.version,
      pending: plan,
      opensAt: nextWindowStart(context.window, context.now()).toISOString(),
    };

  const siteUrl = new URL('.', context.feedUrl).href;
  const loaded = [];
  const failed: PackFailure[] = [];
  for (const update of plan) {
    try {
      await context.checkRoom(update.form.fileBytes);
      let receivedBytes = 0;
      let totalBytes = 0;
      const report = () => context.onProgress?.({ packId: update.packId, receivedBytes, totalBytes });
      const staged = await stagePack({
        siteUrl,
        form: update.form,
        stagingRoot,
        stored: context.stored,
        onPlanned: (bytes) => {
          totalBytes = bytes;
          report();
        },
        download: {
          onBytes: (bytes) => {
            receivedBytes += bytes;
            report();
          },
          bytesPerSecond: context.bytesPerSecond,
          keepGoing: () => inWindow(context.window, context.now()),
          ...(context.pace ? { pace: context.pace } : {}),
        },
      });
      await context.importFolder(staged.dir);
      await rm(staged.dir, { recursive: true, force: true });
      loaded.push({
        packId: update.packId,
        version: update.version,
        fetchedBytes: staged.fetchedBytes,
        filesLinked: staged.filesLinked,
      });
    } catch (error) {
      const { code, detail } =
        error instanceof FeedError ? { code: error.code, detail: error.message } : importFailure(error);
      failed.push({ packId: update.packId, version: update.version, code, detail });
    }
  }
  return { state: 'updated', feedVersion: feed.version, loaded, failed };
}

async function readState(dir: string): Promise<UpdateState> {
  const text = await readFile(path.join(dir, 'state.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return { format: 1 };
  try {
    return UpdateState.parse(JSON.parse(text));
  } catch {
    // A damaged state forgets the ETag and the last version: the feed is then fetched whole, and an old one
    // is still refused by the packs' own versions.
    return { format: 1 };
  }
}

async function writeState(dir: string, state: UpdateState): Promise<void> {
  await writeAtomically(path.join(dir, 'state.json'), JSON.stringify(state));
}

async function readCached(dir: string): Promise<{ bytes: Buffer; signature: string } | undefined> {
  const bytes = await readFile(path.join(dir, FEED_FILE)).catch(() => undefined);
  const signature = await readFile(path.join(dir, FEED_SIGNATURE_FILE), 'utf8').catch(() => undefined);
  return bytes && signature !== undefined ? { bytes, signature } : undefined;
}

/** Staging folders of forms the feed no longer asks for (a newer version came) go. */
async function dropStale(stagingRoot: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(stagingRoot).catch(() => [] as string[]);
  for (const name of names)
    if (!keep.has(name)) await rm(path.join(stagingRoot, name), { recursive: true, force: true });
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}
