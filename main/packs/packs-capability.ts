/**
 * The packs capability: the one entrance to the collection. Every source (a USB stick, later a feed)
 * hands a pack folder to `importFolder`, which runs the import pipeline with the kiosk's clock and
 * trust, reports progress to the screens, and announces a changed catalog. On first start it installs
 * the demo collection the same way, with the demo's own trust (which no other pack is checked against).
 */
import path from 'node:path';
import type { Capability } from '../api/capability.ts';
import type { EventHub } from '../api/event-hub.ts';
import type { CatalogCapability } from '../catalog/catalog-capability.ts';
import type { Clock } from '../clock.ts';
import { installDemoCollection } from '../demo/demo-collection.ts';
import { importPack, type ImportResult } from './import/import-pack.ts';
import { SYSTEM_KEYS_DIR, loadTrustStore, type TrustStore } from './trust-store.ts';

export interface PacksCapability extends Capability {
  importFolder(dir: string): Promise<ImportResult>;
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
}

export function createPacksCapability(options: PacksOptions): PacksCapability {
  const { catalog, events } = options;
  const loadTrust = () =>
    loadTrustStore({
      rootKeysFile: path.join(options.resourcesDir, 'keys', 'root-keys.json'),
      systemKeysDir: options.systemKeysDir ?? SYSTEM_KEYS_DIR,
      dataKeysDir: path.join(options.dataDir, 'keys'),
    });
  const importWith = async (dir: string, trust: TrustStore) => {
    const result = await importPack(dir, {
      dataDir: options.dataDir,
      catalogPath: catalog.path,
      catalog: catalog.api,
      trust,
      now: () => options.clock.now(),
      onProgress: (progress) => events.emit('import.progress', progress),
    });
    await catalog.announceChange();
    return result;
  };
  return {
    handlers: {},
    importFolder: async (dir) => importWith(dir, await loadTrust()),
    loadTrust,
    installDemo: async () => {
      if (options.demoCollection) await installDemoCollection(catalog.api, options.resourcesDir, importWith);
    },
  };
}
