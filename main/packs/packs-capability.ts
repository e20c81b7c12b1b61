/**
 * The packs capability: the one entrance to the collection. Every source (a USB stick, later a feed)
 * hands a pack folder to `importFolder`, which runs the import pipeline with the kiosk's clock and
 * trust, reports progress to the screens, and announces a changed catalog. On first start it installs
 * the demo collection the same way, with the demo's own trust (which no other pack is checked against).
 * Staff see what is installed and remove packs through it too.
 */
import path from 'node:path';
import type { Capability } from '../api/capability.ts';
import { ServiceError } from '../api/service-error.ts';
import type { EventHub } from '../api/event-hub.ts';
import type { CatalogCapability } from '../catalog/catalog-capability.ts';
import type { Clock } from '../clock.ts';
import { installDemoCollection } from '../demo/demo-collection.ts';
import type { KioskLog } from '../log/kiosk-log.ts';
import { importFailure } from './import/import-error.ts';
import { importPack, type ImportResult } from './import/import-pack.ts';
import { removePack } from './import/remove-pack.ts';
import { ContentStore } from '../store/content-store.ts';
import { SYSTEM_KEYS_DIR, loadTrustStore, type TrustStore } from './trust-store.ts';

export interface PacksCapability extends Capability<'staff.collection' | 'staff.removePack'> {
  /** Loads one pack after the loads asked for before it; `signal` cancels it, and what was copied stays for the next attempt. */
  importFolder(dir: string, signal?: AbortSignal): Promise<ImportResult>;
  /** Read anew each time, so keys staff add take effect without a restart. */
  loadTrust(): Promise<TrustStore>;
  /** Installs the demo collection when the catalog is empty, unless the host turned it off. */
  installDemo(): Promise<void>;
}

export interface PacksOptions {
  dataDir: string;
  /** The app's bundled resources: the root keys and the demo collection. */
  resourcesDir: string;
  /** Extra root key sets, trusted only while root alone can write them; `SYSTEM_KEYS_DIR` by default. */
  systemKeysDir?: string;
  /** False on kiosks that must never show the demo collection (see `demoCollectionEnabled`). */
  demoCollection: boolean;
  catalog: CatalogCapability;
  clock: Clock;
  events: EventHub;
  /** Caps the copy rate (bytes a second), so a load leaves the disk to visitors' reading; unlimited by default. */
  copyBytesPerSecond?: number;
  /** Every import's outcome goes here with its detail, and key files the trust store skipped. */
  log: KioskLog;
}

export function createPacksCapability(options: PacksOptions): PacksCapability {
  const { catalog, events, log } = options;
  // The trust store is read at every stick check: a skipped key file is logged when it first shows up,
  // not at every poll.
  let loggedProblems = new Set<string>();
  const loadTrust = async () => {
    const trust = await loadTrustStore({
      rootKeysFile: path.join(options.resourcesDir, 'keys', 'root-keys.json'),
      systemKeysDir: options.systemKeysDir ?? SYSTEM_KEYS_DIR,
      dataKeysDir: path.join(options.dataDir, 'keys'),
    });
    for (const problem of trust.problems) {
      if (!loggedProblems.has(problem)) log.write({ level: 'warn', area: 'keys', message: problem });
    }
    loggedProblems = new Set(trust.problems);
    return trust;
  };
  const importWith = async (dir: string, trust: TrustStore, signal?: AbortSignal) => {
    let result: ImportResult;
    try {
      result = await importPack(dir, {
        dataDir: options.dataDir,
        catalogPath: catalog.path,
        catalog: catalog.api,
        trust,
        now: () => options.clock.now(),
        onProgress: (progress) => events.emit('import.progress', progress),
        ...(signal ? { signal } : {}),
        ...(options.copyBytesPerSecond ? { bytesPerSecond: options.copyBytesPerSecond } : {}),
      });
    } catch (error) {
      const { code, detail } = importFailure(error);
      log.write({ level: 'error', area: 'packs', message: `The pack in ${dir} was not loaded`, code, detail });
      throw error;
    }
    log.write({
      level: 'info',
      area: 'packs',
      message:
        `Loaded ${result.kind} pack ${result.packId} version ${result.version} from ${dir}: ` +
        `${result.filesCopied} files (${result.bytesCopied} bytes) copied, ${result.filesSkipped} already held, ` +
        `${result.garbage.filesRemoved} no longer used removed`,
    });
    await catalog.announceChange();
    return result;
  };
  // One import queue for sticks and the feed: a load waits for the one before it instead of being refused as busy.
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = last.then(work, work);
    last = turn.catch(() => undefined);
    return turn;
  };
  const remove = async (packId: string) => {
    let result;
    try {
      result = await removePack(packId, { dataDir: options.dataDir, catalogPath: catalog.path, catalog: catalog.api });
    } catch (error) {
      const failure = importFailure(error);
      const { code, detail } = failure;
      log.write({ level: 'error', area: 'packs', message: `Removing pack ${packId} failed`, code, detail });
      return { ok: false, error: failure } as const;
    }
    if (!result.removed) throw new ServiceError('not-found', `No pack "${packId}" is installed.`);
    log.write({
      level: 'info',
      area: 'packs',
      message: `Removed pack ${packId}: ${result.filesRemoved} files (${result.bytesFreed} bytes) no longer used deleted`,
    });
    await catalog.announceChange();
    return { ok: true, filesRemoved: result.filesRemoved, bytesFreed: result.bytesFreed } as const;
  };
  return {
    handlers: {
      'staff.collection': async () => ({
        packs: await catalog.api.packSummaries(),
        freeBytes: (await new ContentStore(options.dataDir).space()).freeBytes,
      }),
      'staff.removePack': ({ packId }) => remove(packId),
    },
    importFolder: (dir, signal) => inTurn(async () => importWith(dir, await loadTrust(), signal)),
    loadTrust,
    installDemo: async () => {
      if (options.demoCollection) await installDemoCollection(catalog.api, options.resourcesDir, importWith);
    },
  };
}
