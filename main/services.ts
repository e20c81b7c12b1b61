/**
 * Builds the kiosk's services and the contract handlers over them. Electron-free: both hosts
 * call this, so everything a visitor or staff member can do is testable in Node.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../preload/contract/schemas.ts';
import type { Handlers } from './api/dispatch.ts';
import { EventHub } from './api/event-hub.ts';
import { ServiceError } from './api/service-error.ts';
import { startCatalog } from './catalog/catalog-client.ts';
import { DEFAULT_NEW_DAYS, newSince } from './catalog/recency.ts';
import { installDemoCollection } from './demo/demo-collection.ts';
import { importPack } from './packs/import/import-pack.ts';
import { loadTrustStore } from './packs/trust-store.ts';
import { PackSources } from './sources/pack-sources.ts';

export interface ServiceOptions {
  /** Where the kiosk keeps its catalog and content store. */
  dataDir: string;
  /** The app's bundled resources (demo collection, root keys). */
  resourcesDir: string;
  host: 'electron' | 'browser';
  version: string;
  defaultLocale?: Locale;
  /** Seconds without a touch before a visit ends (default 120). */
  idleSeconds?: number;
}

export interface KioskServices {
  readonly handlers: Handlers;
  readonly events: EventHub;
  close(): Promise<void>;
}

export async function createKioskServices(options: ServiceOptions): Promise<KioskServices> {
  mkdirSync(options.dataDir, { recursive: true });
  const catalogPath = path.join(options.dataDir, 'catalog.sqlite');
  const catalog = startCatalog(catalogPath);
  const events = new EventHub();
  const loadTrust = () =>
    loadTrustStore({
      rootKeysFile: path.join(options.resourcesDir, 'keys', 'root-keys.json'),
      extraKeysDir: path.join(options.dataDir, 'keys'),
    });
  const packSources = new PackSources({
    dataDir: options.dataDir,
    catalogPath,
    catalog: catalog.api,
    loadTrust,
    onPacks: (packs) => events.emit('sources.packs', { packs }),
    onProgress: (progress) => events.emit('import.progress', progress),
    onError: (error) => console.error('USB pack sources:', error),
    onFinished: (outcome, installed) => {
      events.emit('import.finished', outcome);
      if (installed) void catalog.api.revision().then((revision) => events.emit('catalog.changed', { revision }));
    },
  });
  try {
    await installDemoCollection(catalog.api, options.resourcesDir, async (packDir) =>
      importPack(packDir, { dataDir: options.dataDir, catalogPath, catalog: catalog.api, trust: await loadTrust() }),
    );
  } catch (error) {
    await catalog.close();
    throw error;
  }
  const defaultLocale = options.defaultLocale ?? 'en';
  // At each call: what counts as new moves on with the clock.
  const recency = () => ({ newSince: newSince(new Date(), DEFAULT_NEW_DAYS) });

  const handlers: Handlers = {
    'app.info': () => ({
      version: options.version,
      host: options.host,
      defaultLocale,
      idleSeconds: options.idleSeconds ?? 120,
    }),
    'catalog.subjects': async ({ locale }) => ({ subjects: await catalog.api.subjects(locale) }),
    'catalog.list': ({ locale, subject, arrivedSince, featured, page }) =>
      catalog.api.listItems({ locale, subject, arrivedSince, featured, ...recency(), ...page }),
    'catalog.search': ({ locale, query, subject, language, page }) =>
      catalog.api.search({ locale, query, subject, language, ...recency(), ...page }),
    'catalog.item': async ({ locale, id }) => {
      const item = await catalog.api.item({ locale, id, ...recency() });
      if (!item) throw new ServiceError('not-found', `There is no item "${id}" in the catalog.`);
      return item;
    },
    'staff.packs': async () => ({ packs: await packSources.list() }),
    'staff.import': ({ source }) => packSources.importFrom(source),
  };
  packSources.start();

  return {
    handlers,
    events,
    close: () => {
      packSources.stop();
      return catalog.close();
    },
  };
}
