/**
 * The updates capability: polls the venue's feed (settings) about once an hour, with jitter so hundreds of kiosks
 * do not ask at the same minute, sooner when the download window opens, and when staff tap "check now"; each
 * check is `checkFeed`. It keeps the status the Updates screen shows (state, progress with time left, problems in
 * codes the screen words) and writes every outcome to the kiosk's log.
 */
import type { AppUpdate, UpdatesProblem, UpdatesStatus } from '../../preload/contract/updates.ts';
import type { VenueSettings } from '../../preload/contract/settings.ts';
import type { Capability } from '../api/capability.ts';
import type { EventHub } from '../api/event-hub.ts';
import type { Catalog } from '../catalog/catalog-client.ts';
import type { Clock } from '../clock.ts';
import type { KioskLog } from '../log/kiosk-log.ts';
import type { PacksCapability } from '../packs/packs-capability.ts';
import { contentPath } from '../store/content-paths.ts';
import { ContentStore, lstatStored } from '../store/content-store.ts';
import { checkFeed, type FeedCheckOutcome } from './feed-check.ts';
import { FeedError } from './feed-error.ts';

export interface UpdatesCapability extends Capability<'staff.updates' | 'staff.checkUpdates'> {
  /** Settings were saved: a new feed address or window is taken up at the next check, which comes soon. */
  settingsChanged(): void;
  /** The app updater's news (Electron host only). */
  reportAppUpdate(update: AppUpdate | null): void;
}

export interface UpdatesOptions {
  dataDir: string;
  clock: Clock;
  appVersion: string;
  settings: () => VenueSettings;
  packs: Pick<PacksCapability, 'importFolder' | 'loadTrust'>;
  catalog: Pick<Catalog['api'], 'installedPacks'>;
  events: EventHub;
  log: KioskLog;
  /** Between checks, before jitter (60 by default). */
  intervalMinutes?: number;
  random?: () => number;
}

/** Room kept free beyond a download and its copy into the store. */
const reserveBytes = 64 * 1024 * 1024;
const firstCheckMs = 60_000;
const soonMs = 10_000;

export function createUpdatesCapability(options: UpdatesOptions): UpdatesCapability {
  const random = options.random ?? Math.random;
  const intervalMs = (options.intervalMinutes ?? 60) * 60_000;
  const store = new ContentStore(options.dataDir);
  let status: UpdatesStatus = {
    state: options.settings().feedUrl ? 'idle' : 'off',
    lastCheckAt: null,
    nextCheckAt: null,
    windowOpensAt: null,
    feedVersion: null,
    pending: [],
    loaded: [],
    problems: [],
    progress: null,
    appVersion: options.appVersion,
    appUpdate: null,
  };
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const change = (next: Partial<UpdatesStatus>) => {
    status = { ...status, ...next };
    options.events.emit('updates.changed', {});
  };
  const schedule = (delayMs: number) => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), delayMs);
    timer.unref();
    status = { ...status, nextCheckAt: new Date(options.clock.now().getTime() + delayMs).toISOString() };
  };
  /** The next check: an interval on, give or take a fifth, or just after the window opens when packs wait for it. */
  const scheduleNext = (windowOpensAt: string | null) => {
    let delay = intervalMs * (0.8 + 0.4 * random());
    if (windowOpensAt) {
      const untilWindow = Date.parse(windowOpensAt) - options.clock.now().getTime() + random() * 10 * 60_000;
      delay = Math.min(delay, Math.max(soonMs, untilWindow));
    }
    schedule(delay);
  };

  const check = (): Promise<void> => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };

  async function run(): Promise<void> {
    const settings = options.settings();
    if (!settings.feedUrl) {
      change({ state: 'off', progress: null, pending: [], problems: [] });
      return;
    }
    change({ state: 'checking', problems: [], progress: null });
    const started = options.clock.now();
    let downloadStart: { at: number; received: number } | undefined;
    let outcome: FeedCheckOutcome | undefined;
    try {
      outcome = await checkFeed({
        dataDir: options.dataDir,
        feedUrl: settings.feedUrl,
        channels: settings.channels,
        window: settings.downloadWindow,
        bytesPerSecond: () => options.settings().downloadKilobytesPerSecond * 1024,
        now: () => options.clock.now(),
        trust: () => options.packs.loadTrust(),
        installed: () => options.catalog.installedPacks(),
        stored: async (sha256) =>
          (await lstatStored(options.dataDir, sha256)) ? contentPath(options.dataDir, sha256) : undefined,
        checkRoom: async (bytes) => {
          const { freeBytes } = await store.space();
          if (freeBytes < 2 * bytes + reserveBytes)
            throw new FeedError(
              'disk-full',
              `downloading needs ${2 * bytes + reserveBytes} bytes free (the files, their copy into the collection and a reserve); ${freeBytes} are free`,
            );
        },
        importFolder: (dir) => options.packs.importFolder(dir),
        onProgress: ({ packId, receivedBytes, totalBytes }) => {
          const now = options.clock.now().getTime();
          if (!downloadStart || status.progress?.packId !== packId)
            downloadStart = { at: now, received: receivedBytes };
          const seconds = (now - downloadStart.at) / 1000;
          const rate = seconds >= 2 ? (receivedBytes - downloadStart.received) / seconds : 0;
          change({
            state: 'downloading',
            progress: {
              packId,
              receivedBytes,
              totalBytes,
              secondsLeft: rate > 0 ? Math.max(0, (totalBytes - receivedBytes) / rate) : null,
            },
          });
        },
      });
    } catch (error) {
      const problem: UpdatesProblem =
        error instanceof FeedError
          ? { code: error.code, detail: error.message.slice(0, 2000) }
          : { code: 'failed', detail: (error instanceof Error ? error.message : String(error)).slice(0, 2000) };
      options.log.write({
        level: 'error',
        area: 'updates',
        message: 'Checking the update feed failed',
        code: problem.code,
        detail: problem.detail,
      });
      change({ state: 'failed', lastCheckAt: started.toISOString(), problems: [problem], progress: null });
      scheduleNext(null);
      return;
    }
    record(outcome, started);
  }

  function record(outcome: FeedCheckOutcome, started: Date): void {
    const common = { lastCheckAt: started.toISOString(), feedVersion: outcome.feedVersion, progress: null };
    switch (outcome.state) {
      case 'up-to-date':
        change({ ...common, state: 'up-to-date', pending: [], windowOpensAt: null, problems: [] });
        scheduleNext(null);
        return;
      case 'waiting-window':
        options.log.write({
          level: 'info',
          area: 'updates',
          message: `${outcome.pending.length} pack(s) wait for the download window, which opens at ${outcome.opensAt}`,
        });
        change({
          ...common,
          state: 'waiting-window',
          windowOpensAt: outcome.opensAt,
          pending: outcome.pending.map((update) => ({
            packId: update.packId,
            version: update.version,
            bytes: update.form.fileBytes,
          })),
          problems: [],
        });
        scheduleNext(outcome.opensAt);
        return;
      case 'updated': {
        for (const loaded of outcome.loaded)
          options.log.write({
            level: 'info',
            area: 'updates',
            message: `Loaded ${loaded.packId} version ${loaded.version} from the feed: ${loaded.fetchedBytes} bytes downloaded, ${loaded.filesLinked} files already held`,
          });
        for (const failure of outcome.failed)
          options.log.write({
            level: failure.code === 'paused' ? 'info' : 'error',
            area: 'updates',
            message: `${failure.packId} version ${failure.version} from the feed was not loaded`,
            code: failure.code,
            detail: failure.detail,
          });
        change({
          ...common,
          state: outcome.failed.length > 0 ? 'failed' : 'updated',
          windowOpensAt: null,
          pending: [],
          loaded: outcome.loaded.map(({ packId, version, fetchedBytes }) => ({ packId, version, fetchedBytes })),
          problems: outcome.failed.map(({ packId, code, detail }) => ({ packId, code, detail: detail.slice(0, 2000) })),
        });
        // A failed pack is tried again sooner than the hour: a dropped link resumes where it stopped.
        if (outcome.failed.length > 0) schedule(Math.max(soonMs, (intervalMs / 6) * (0.8 + 0.4 * random())));
        else scheduleNext(null);
      }
    }
  }

  return {
    handlers: {
      'staff.updates': () => status,
      'staff.checkUpdates': () => {
        void check();
        return status;
      },
    },
    reportAppUpdate: (appUpdate) => change({ appUpdate }),
    settingsChanged: () => {
      if (!options.settings().feedUrl) change({ state: 'off', pending: [], problems: [], nextCheckAt: null });
      else schedule(soonMs);
    },
    start: () => {
      if (options.settings().feedUrl) schedule(firstCheckMs * (1 + random()));
    },
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
