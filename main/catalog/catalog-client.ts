/** Starts the catalog worker and hands back its asynchronous interface. */
import { siblingModule, startWorker, type WorkerClient } from '../workers/worker-rpc.ts';
import type { CatalogStore } from './catalog-store.ts';

export type Catalog = WorkerClient<CatalogStore>;

export function startCatalog(path: string): Catalog {
  return startWorker<CatalogStore>(siblingModule(import.meta.url, 'catalog.worker'), { workerData: { path } });
}
