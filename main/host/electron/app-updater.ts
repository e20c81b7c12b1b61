/**
 * App updates through electron-updater (generic provider, the release folder beside the content feed), with
 * the kiosk's own signed release statement as the authority: nothing is downloaded before the statement
 * checks out, and nothing installed until the downloaded file is hashed again against it while no visitor
 * is at the screen and no import runs. The decisions are `decideRelease`'s; this only wires it to the updater.
 */
import type { App } from 'electron';
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { Clock } from '../../clock.ts';
import type { AppUpdate } from '../../../preload/contract/updates.ts';
import {
  decideRelease,
  type OfferedFile,
  type ReleaseDecision,
  type WaitReason,
} from '../../updates/release-decision.ts';
import { artifactFacts } from '../../updates/release-artifact.ts';
import { fetchRelease, releaseFolderUrl } from '../../updates/release-fetch.ts';
import type { ReleaseServices } from '../../updates/release-services.ts';
import type { ArtifactFacts } from '../../updates/release-statement.ts';

export type UpdaterLike = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowDowngrade'
  | 'isUserWithinRollout'
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'downloadUpdate'
  | 'quitAndInstall'
> & { on(event: 'error', listener: (error: Error) => void): unknown };

export interface AppUpdaterOptions {
  autoUpdater: UpdaterLike;
  app: Pick<App, 'getVersion'>;
  services: ReleaseServices;
  /** Seconds since the last touch anywhere on the machine (Electron's `powerMonitor.getSystemIdleTime`). */
  systemIdleSeconds: () => number;
  clock: Clock;
  fetchRelease?: (folderUrl: string) => Promise<{ text: string; signature: string }>;
  hashFile?: (file: string) => Promise<ArtifactFacts>;
}

export type AppUpdateOutcome =
  | { state: 'no-feed' | 'up-to-date' | 'nothing-pending' }
  | { state: 'downloaded' | 'installing'; version: string }
  | { state: 'waiting'; reason: WaitReason; version: string }
  | { state: 'refused'; code: string; detail: string }
  | { state: 'failed'; detail: string };

/** A download waiting for its moment: the statement it was checked against and what the feed offered. */
interface Pending {
  folder: string;
  offered: { version: string; files: OfferedFile[] };
  release: { text: string; signature: string };
  file: string;
  /** As hashed right after the download; hashed again just before installing. */
  facts: ArtifactFacts;
}

/** A visit ends `idleSeconds` after the last touch; the margin covers the screens' own timer running late. */
const idleMarginSeconds = 30;

export function createAppUpdater(options: AppUpdaterOptions) {
  const { autoUpdater, services } = options;
  const { log } = services;
  const getRelease = options.fetchRelease ?? ((folder: string) => fetchRelease(folder));
  const hashFile = options.hashFile ?? artifactFacts;
  // Only the statement decides: no download unasked, no install on an ordinary quit, no older version, and
  // electron-updater's own rollout (a random id of its own) never overrules the statement's.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.isUserWithinRollout = () => true;
  // An 'error' with no listener would be thrown by the emitter, out of the main process.
  autoUpdater.on('error', (error) => log.write({ level: 'warn', area: 'updates', message: error.message }));

  let pending: Pending | undefined;

  const decide = async (release: Pending['release'], offered: Pending['offered'], downloaded?: ArtifactFacts) =>
    decideRelease({
      release,
      trust: await services.trust(),
      runningVersion: options.app.getVersion(),
      kioskId: await services.kioskId(),
      offered,
      ...(downloaded ? { downloaded } : {}),
      visitorActive: options.systemIdleSeconds() < services.idleSeconds() + idleMarginSeconds,
      importRunning: services.importRunning(),
      now: options.clock.now(),
    });

  const check = async (): Promise<AppUpdateOutcome> => {
    const feedUrl = services.feedUrl();
    if (feedUrl === '') return { state: 'no-feed' };
    const folder = releaseFolderUrl(feedUrl);
    autoUpdater.setFeedURL({ provider: 'generic', url: folder });
    const result = await autoUpdater.checkForUpdates();
    if (!result?.isUpdateAvailable) return { state: 'up-to-date' };
    const offered = offerOf(result.updateInfo);
    if (pending?.offered.version === offered.version) return { state: 'downloaded', version: offered.version };
    const release = await getRelease(folder);
    const decision = await decide(release, offered);
    if (decision.action !== 'download') return outcomeOf(decision, offered.version);
    const [file] = await autoUpdater.downloadUpdate();
    if (file === undefined) return { state: 'failed', detail: 'electron-updater downloaded no file' };
    const facts = await hashFile(file);
    const checked = await decide(release, offered, facts);
    if (checked.action === 'refuse') return outcomeOf(checked, offered.version);
    pending = { folder, offered, release, file, facts };
    log.write({ level: 'info', area: 'updates', message: `Downloaded app ${offered.version}: ${file}` });
    return { state: 'downloaded', version: offered.version };
  };

  const tryInstall = async (): Promise<AppUpdateOutcome> => {
    if (!pending) return { state: 'nothing-pending' };
    const current = pending;
    // A fresh statement may lower the rollout (a halted release) or bring a revocation; offline, the one
    // the download was checked against is checked again.
    const release = await getRelease(current.folder).catch(() => current.release);
    let decision = await decide(release, current.offered, current.facts);
    // Hashed again only once the moment has come, not every minute a visitor reads.
    if (decision.action === 'install') decision = await decide(release, current.offered, await hashFile(current.file));
    if (decision.action !== 'install') {
      if (decision.action === 'refuse') pending = undefined;
      return outcomeOf(decision, current.offered.version);
    }
    log.write({ level: 'info', area: 'updates', message: `Installing app ${decision.statement.version}` });
    await services.closeForInstall();
    // Silent, and started again afterwards (the kiosk's unit restarts it as well, should this not).
    autoUpdater.quitAndInstall(true, true);
    return { state: 'installing', version: decision.statement.version };
  };

  function outcomeOf(decision: ReleaseDecision, version: string): AppUpdateOutcome {
    if (decision.action === 'refuse') {
      const { code, staffMessage, detail } = decision.error;
      log.write({ level: 'error', area: 'updates', message: staffMessage, code, detail });
      return { state: 'refused', code, detail };
    }
    if (decision.action === 'wait') return { state: 'waiting', reason: decision.reason, version };
    return { state: 'downloaded', version };
  }

  // One step at a time: a check never meets an install halfway.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = (step: () => Promise<AppUpdateOutcome>) => (): Promise<AppUpdateOutcome> => {
    const run = queue.then(step).catch((error: unknown): AppUpdateOutcome => {
      const detail = error instanceof Error ? error.message : String(error);
      log.write({ level: 'warn', area: 'updates', message: 'The app update check failed', detail });
      return { state: 'failed', detail };
    });
    queue = run;
    return run;
  };

  return { check: reported(serialised(check)), tryInstall: reported(serialised(tryInstall)) };

  /** Tells staff's Updates screen what the last step left: a version waiting, installing, or nothing. */
  function reported(step: () => Promise<AppUpdateOutcome>): () => Promise<AppUpdateOutcome> {
    return async () => {
      const outcome = await step();
      const update = appUpdateOf(outcome);
      if (update !== undefined) services.report(update);
      return outcome;
    };
  }
}

/** What staff see of an outcome; undefined when it changes nothing they see (a failed check keeps the last news). */
function appUpdateOf(outcome: AppUpdateOutcome): AppUpdate | null | undefined {
  switch (outcome.state) {
    case 'downloaded':
    case 'installing':
      return { version: outcome.version, state: outcome.state };
    case 'waiting':
      return { version: outcome.version, state: outcome.reason };
    case 'failed':
      return undefined;
    case 'no-feed':
    case 'up-to-date':
    case 'nothing-pending':
    case 'refused':
      return null;
  }
}

/** The files electron-updater may download, named as it saves them (the last part of their address). */
function offerOf(info: UpdateInfo): Pending['offered'] {
  return {
    version: info.version,
    files: info.files.map((file) => ({
      name: decodeURIComponent(file.url.split(/[?#]/)[0]!.split('/').at(-1) ?? ''),
      sha512: file.sha512,
      ...(file.size === undefined ? {} : { size: file.size }),
    })),
  };
}

export interface AppUpdateSchedule {
  /** The first check, after start-up has settled. */
  firstCheckMs: number;
  checkEveryMs: number;
  /** How often a downloaded update looks for a moment without visitors. */
  installEveryMs: number;
}

export const defaultSchedule: AppUpdateSchedule = {
  firstCheckMs: 5 * 60_000,
  checkEveryMs: 6 * 3_600_000,
  installEveryMs: 60_000,
};

/** Runs the updater on timers; returns what stops them. */
export function scheduleAppUpdates(
  updater: ReturnType<typeof createAppUpdater>,
  schedule: AppUpdateSchedule = defaultSchedule,
): () => void {
  const timers = [
    setTimeout(() => void updater.check(), schedule.firstCheckMs),
    setInterval(() => void updater.check(), schedule.checkEveryMs),
    setInterval(() => void updater.tryInstall(), schedule.installEveryMs),
  ];
  for (const timer of timers) timer.unref();
  return () => timers.forEach((timer) => clearTimeout(timer));
}
