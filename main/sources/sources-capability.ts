/**
 * The USB sources capability: watches for sticks, offers the packs found on them to staff, and
 * imports the one staff choose through the packs capability.
 */
import type { Capability } from '../api/capability.ts';
import type { EventHub } from '../api/event-hub.ts';
import type { Clock } from '../clock.ts';
import type { KioskLog } from '../log/kiosk-log.ts';
import type { ImportCatalog } from '../packs/import/import-pack.ts';
import type { PacksCapability } from '../packs/packs-capability.ts';
import { PackSources } from './pack-sources.ts';
import { readRemovableMounts } from './usb-watcher.ts';

export interface SourcesOptions {
  catalog: Pick<ImportCatalog, 'installedPacks'>;
  catalogPath: string;
  dataDir: string;
  packs: PacksCapability;
  clock: Clock;
  events: EventHub;
  log: KioskLog;
  /** Where sticks are mounted (Linux); the system's usual places by default. */
  mediaRoots?: readonly string[];
}

export function createSourcesCapability(
  options: SourcesOptions,
): Capability<'staff.packs' | 'staff.import' | 'staff.cancelImport'> {
  const { events } = options;
  const sources = new PackSources({
    catalog: options.catalog,
    catalogPath: options.catalogPath,
    dataDir: options.dataDir,
    loadTrust: options.packs.loadTrust,
    importFolder: options.packs.importFolder,
    clock: options.clock,
    ...(options.mediaRoots
      ? { watcher: { readMounts: () => readRemovableMounts(process.platform, options.mediaRoots) } }
      : {}),
    onPacks: (packs) => events.emit('sources.packs', { packs }),
    onFinished: (outcome) => events.emit('import.finished', outcome),
    onError: (error) =>
      options.log.write({
        level: 'warn',
        area: 'sources',
        message: 'Checking the USB sticks failed; the next check tries again',
        detail: error instanceof Error ? error.message : String(error),
      }),
  });
  return {
    handlers: {
      'staff.packs': async () => ({ packs: await sources.list() }),
      'staff.import': ({ source }) => sources.importFrom(source),
      'staff.cancelImport': () => ({ cancelled: sources.cancel() }),
    },
    start: () => sources.start(),
    close: () => sources.stop(),
  };
}
