/**
 * The packs staff can load from USB: watches for sticks, checks every pack found on them with the import's
 * own checks before copying (nothing copied), and imports one on request through the shared import pipeline,
 * telling the renderer about detections, progress and outcomes through the callbacks it is given.
 */
import { createHash } from 'node:crypto';
import type { ImportOutcome } from '../../preload/contract/packs.ts';
import type { DetectedPack } from '../../preload/contract/sources.ts';
import { importFailure } from '../packs/import/import-error.ts';
import type { ImportCatalog, ImportResult } from '../packs/import/import-pack.ts';
import type { Clock } from '../clock.ts';
import type { TrustStore } from '../packs/trust-store.ts';
import { siblingModule, startWorker } from '../workers/worker-rpc.ts';
import type { PackChecker } from './pack-check.worker.ts';
import { UsbWatcher, type DetectedMount, type UsbWatcherOptions } from './usb-watcher.ts';

export interface PackSourcesOptions {
  /** What the checks compare a pack's version and channel against. */
  catalog: Pick<ImportCatalog, 'installedPacks'>;
  /** The catalog's file, read by the checks for the item ids installed packs hold. */
  catalogPath: string;
  /** The data folder, whose store's free space the checks compare a pack's missing files against. */
  dataDir: string;
  /** Read again for every check, so keys staff add take effect without a restart. */
  loadTrust: () => Promise<TrustStore>;
  /** The import pipeline's entrance, shared with every other source. */
  importFolder: (dir: string, signal?: AbortSignal) => Promise<ImportResult>;
  onPacks: (packs: DetectedPack[]) => void;
  /** After every import attempt, whatever its outcome. */
  onFinished: (outcome: ImportOutcome) => void;
  /** A poll or check that failed (the catalog closing, an unreadable mount table); the next poll retries. */
  onError?: (error: unknown) => void;
  /** The watcher's reader and timer, for tests; the platform's own by default. */
  watcher?: Omit<UsbWatcherOptions, 'onChange' | 'onError'>;
  clock: Clock;
}

/** An opaque, stable handle for a folder on a stick (a pack's, or a stick's own), so the renderer never names paths on the kiosk. */
export function sourceHandle(dir: string): string {
  return `usb-${createHash('sha256').update(dir).digest('hex').slice(0, 20)}`;
}

export class PackSources {
  readonly #options: PackSourcesOptions;
  readonly #watcher: UsbWatcher;
  #packs: DetectedPack[] = [];
  #folders = new Map<string, string>();
  /** The import staff started and may cancel; one at a time (a second is refused `busy` by the pipeline). */
  #running: AbortController | undefined;
  /** Counts refreshes, so one that finishes after a later one cannot overwrite its fresher result. */
  #refreshes = 0;

  constructor(options: PackSourcesOptions) {
    this.#options = options;
    this.#watcher = new UsbWatcher({
      ...options.watcher,
      onChange: (mounts) =>
        void this.#refresh(mounts).then(
          () => options.onPacks(this.#packs),
          (error: unknown) => options.onError?.(error),
        ),
      onError: (error) => options.onError?.(error),
    });
  }

  start(): void {
    this.#watcher.start();
  }

  stop(): void {
    this.#watcher.stop();
    this.#running?.abort();
  }

  /** Stops the running import after its current chunk; false when none runs. Copied files stay for a resume. */
  cancel(): boolean {
    if (!this.#running) return false;
    this.#running.abort();
    return true;
  }

  /** Checks the mounts now (instead of at the next poll) and lists their packs with a fresh status. */
  async list(): Promise<DetectedPack[]> {
    await this.#watcher.poll();
    await this.#refresh(this.#watcher.mounts);
    return this.#packs;
  }

  /** Imports the pack behind `source`; never throws: a refusal is an outcome with a code and a message. */
  async importFrom(source: string): Promise<ImportOutcome> {
    const dir = this.#folders.get(source);
    let outcome: ImportOutcome;
    if (!dir) {
      outcome = {
        ok: false,
        source,
        error: { code: 'source-removed', detail: `no pack on a connected stick has the handle ${source}` },
      };
    } else {
      const controller = new AbortController();
      const mine = this.#running === undefined;
      if (mine) this.#running = controller;
      try {
        const result = await this.#options.importFolder(dir, controller.signal);
        outcome = {
          ok: true,
          source,
          packId: result.packId,
          version: result.version,
          filesCopied: result.filesCopied,
          bytesCopied: result.bytesCopied,
        };
      } catch (error) {
        outcome = { ok: false, source, error: importFailure(error) };
      } finally {
        if (mine) this.#running = undefined;
      }
    }
    this.#options.onFinished(outcome);
    try {
      await this.#refresh(this.#watcher.mounts);
      this.#options.onPacks(this.#packs);
    } catch (error) {
      // The import's outcome stands; the list of packs catches up at the next poll.
      this.#options.onError?.(error);
    }
    return outcome;
  }

  async #refresh(mounts: readonly DetectedMount[]): Promise<void> {
    const refresh = ++this.#refreshes;
    const folders = mounts.flatMap((mount) => mount.packs).map((dir) => ({ dir, source: sourceHandle(dir) }));
    let packs: DetectedPack[] = [];
    if (folders.length > 0) {
      const trust = await this.#options.loadTrust();
      const installed = (await this.#options.catalog.installedPacks()).map(({ id, channel, version }) => ({
        id,
        channel,
        version,
      }));
      // One call reads every pack's manifest (up to 16 MB each) and looks up every file it lists,
      // on a stick that may be slow.
      const checker = startWorker<PackChecker>(siblingModule(import.meta.url, 'pack-check.worker'), {
        callTimeoutMs: 5 * 60_000,
      });
      try {
        packs = await checker.api.checkPacks({
          folders,
          trust,
          installed,
          catalogPath: this.#options.catalogPath,
          dataDir: this.#options.dataDir,
          now: this.#options.clock.now().toISOString(),
        });
      } finally {
        await checker.close();
      }
    }
    if (refresh !== this.#refreshes) return;
    this.#folders = new Map(folders.map(({ dir, source }) => [source, dir]));
    this.#packs = packs;
  }
}
