/** Starts the catalog worker and hands back its asynchronous, read-only interface. */
import { siblingModule, startWorker, type WorkerClient } from '../workers/worker-rpc.ts';
import type { CatalogReader } from './catalog-reader.ts';

export type Catalog = WorkerClient<CatalogReader>;

export function startCatalog(path: string): Catalog {
  return startWorker<CatalogReader>(siblingModule(import.meta.url, 'catalog.worker'), { workerData: { path } });
}
