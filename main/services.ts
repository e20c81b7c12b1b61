/**
 * The composition root: builds the kiosk's capabilities and merges their handlers into the one
 * table the hosts serve. Electron-free: both hosts call this, so everything a visitor or staff
 * member can do is testable in Node. Nothing else lives here.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../preload/contract/schemas.ts';
import { VenueSettings } from '../preload/contract/settings.ts';
import { appCapability } from './app/app-capability.ts';
import type { Capability } from './api/capability.ts';
import type { Handlers, StaffGate } from './api/dispatch.ts';
import { EventHub } from './api/event-hub.ts';
import { startCatalogCapability } from './catalog/catalog-capability.ts';
import { defaultNewForDays } from './catalog/recency.ts';
import type { Clock } from './clock.ts';
import { openKioskLog, type KioskLog } from './log/kiosk-log.ts';
import { logCapability } from './log/log-capability.ts';
import { isChangeRunning } from './packs/import/import-pack.ts';
import { createPacksCapability } from './packs/packs-capability.ts';
import { RELEASE_CHANNEL } from './packs/trust-store.ts';
import { startQuizCapability } from './quiz/quiz-capability.ts';
import { loadSettingsCapability } from './settings/settings-capability.ts';
import { createSourcesCapability } from './sources/sources-capability.ts';
import { createStaffCapability } from './staff/staff-capability.ts';
import { openKioskKey } from './stats/kiosk-key.ts';
import { readRemovableMounts } from './sources/usb-watcher.ts';
import { startStatsCapability } from './stats/stats-capability.ts';
import type { ReleaseServices } from './updates/release-services.ts';
import { createUpdatesCapability } from './updates/updates-capability.ts';

export interface ServiceOptions {
  /** Where the kiosk keeps its catalog and content store. */
  dataDir: string;
  /** The app's bundled resources (demo collection, root keys). */
  resourcesDir: string;
  host: 'electron' | 'browser';
  version: string;
  /** Where every service takes "now" from: the system clock in the hosts, a chosen one in tests. */
  clock: Clock;
  defaultLocale?: Locale;
  /** Seconds without a touch before a visit ends (default 120). */
  idleSeconds?: number;
  /** Extra root key sets (see `SYSTEM_KEYS_DIR`, the default), for systems that keep them elsewhere. */
  systemKeysDir?: string;
  /** Where USB sticks are mounted, for systems that mount them elsewhere than /media, /run/media or /mnt. */
  mediaRoots?: readonly string[];
  /** Caps an import's copy rate in bytes a second (unlimited by default). */
  copyBytesPerSecond?: number;
  /** Closes the app for staff (`staff.exitKiosk`); absent where the host cannot quit. */
  exitKiosk?: () => void;
  /** Whether an empty kiosk installs the demo collection (default true; hosts read `demoCollectionEnabled`). */
  demoCollection?: boolean;
}

export interface KioskServices {
  readonly handlers: Handlers;
  readonly events: EventHub;
  /** The data folder's log, which the hosts write their own failures to as well. */
  readonly log: KioskLog;
  /** Asked by `dispatch` before every staff call: does this caller hold a staff session? */
  readonly gate: StaffGate;
  close(): Promise<void>;
}

/** What the Electron host's app updater reads and does (`main/host/electron/app-updater.ts`). */
export interface ServicesWithReleases extends KioskServices {
  readonly releases: ReleaseServices;
}

export async function createKioskServices(options: ServiceOptions): Promise<ServicesWithReleases> {
  mkdirSync(options.dataDir, { recursive: true });
  const { dataDir, clock } = options;
  const events = new EventHub();
  const log = openKioskLog({ dir: path.join(dataDir, 'logs'), clock });
  const settings = await loadSettingsCapability({
    dataDir,
    defaults: VenueSettings.parse({
      venueName: '',
      defaultLocale: options.defaultLocale ?? 'en',
      idleSeconds: options.idleSeconds ?? 120,
      newForDays: defaultNewForDays,
    }),
    events,
    log,
    knownChannels: async () => [
      // The release channel carries the app, never content a venue could subscribe to.
      ...[...(await packs.loadTrust()).keys.values()].flatMap((key) =>
        key.channels.filter((channel) => channel !== '*' && channel !== RELEASE_CHANNEL),
      ),
      ...(await catalog.api.packSummaries()).map((pack) => pack.channel),
    ],
    knownSubjects: (locale) => catalog.api.subjects(locale),
    afterSave: async (saved) => {
      if (!saved.keepSearchWords) await stats.forgetSearchWords();
      updates.settingsChanged();
    },
  });
  const app = appCapability({ version: options.version, host: options.host }, settings.current, {
    exitKiosk: options.exitKiosk,
    log,
  });
  const catalog = startCatalogCapability({
    dataDir,
    clock,
    events,
    newForDays: () => settings.current().newForDays,
    hiddenSubjects: () => settings.current().hiddenSubjects,
  });
  const packs = createPacksCapability({
    dataDir,
    resourcesDir: options.resourcesDir,
    ...(options.systemKeysDir === undefined ? {} : { systemKeysDir: options.systemKeysDir }),
    demoCollection: options.demoCollection ?? true,
    ...(options.copyBytesPerSecond === undefined ? {} : { copyBytesPerSecond: options.copyBytesPerSecond }),
    catalog,
    clock,
    events,
    log,
  });
  const sources = createSourcesCapability({
    catalog: catalog.api,
    catalogPath: catalog.path,
    dataDir,
    packs,
    clock,
    events,
    log,
    ...(options.mediaRoots === undefined ? {} : { mediaRoots: options.mediaRoots }),
  });
  // The sticks inserted now: where a PIN reset is looked for and where usage is exported to.
  const sticks = async () =>
    (await readRemovableMounts(process.platform, ...(options.mediaRoots ? [options.mediaRoots] : []))).map(
      (mount) => mount.path,
    );
  const staff = createStaffCapability({
    dataDir,
    clock,
    log,
    pinReset: {
      sticks,
      trust: () => packs.loadTrust(),
      venueId: async () => (await openKioskKey(dataDir, clock.now())).venueId,
    },
  });
  const logView = logCapability(log);
  const stats = startStatsCapability({
    dataDir,
    clock,
    catalog: catalog.api,
    sticks,
    venueName: () => settings.current().venueName,
    keepSearchWords: () => settings.current().keepSearchWords,
    log,
  });
  const quiz = startQuizCapability({
    dataDir,
    clock,
    catalog: catalog.api,
    stats,
    settings: settings.current,
    events,
    log,
  });
  const updates = createUpdatesCapability({
    dataDir,
    clock,
    appVersion: options.version,
    settings: settings.current,
    packs,
    catalog: catalog.api,
    events,
    log,
  });
  // Closed in reverse: updates and sources stop importing before the catalog they write to goes away.
  const capabilities: Capability<never>[] = [
    app,
    settings,
    catalog,
    packs,
    sources,
    staff,
    logView,
    stats,
    quiz,
    updates,
  ];
  const close = async () => {
    for (const capability of capabilities.toReversed()) await capability.close?.();
  };

  try {
    await packs.installDemo();
  } catch (error) {
    await close();
    throw error;
  }
  const handlers = {
    ...app.handlers,
    ...catalog.handlers,
    ...packs.handlers,
    ...sources.handlers,
    ...staff.handlers,
    ...logView.handlers,
    ...settings.handlers,
    ...stats.handlers,
    ...quiz.handlers,
    ...updates.handlers,
  } satisfies Handlers;
  for (const capability of capabilities) capability.start?.();
  const releases: ReleaseServices = {
    feedUrl: () => settings.current().feedUrl,
    idleSeconds: () => settings.current().idleSeconds,
    trust: () => packs.loadTrust(),
    kioskId: async () => (await openKioskKey(dataDir, clock.now())).venueId,
    importRunning: () => isChangeRunning(dataDir),
    log,
    closeForInstall: close,
    report: (update) => updates.reportAppUpdate(update),
  };
  return { handlers, events, log, gate: staff.gate, releases, close };
}
