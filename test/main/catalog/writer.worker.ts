/** A catalog writer on its own thread, as the import worker holds one, for tests that write while the catalog worker reads. */
import { parentPort, workerData } from 'node:worker_threads';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import { serveInWorker } from '../../../main/workers/worker-rpc.ts';

const { path } = workerData as { path: string };
serveInWorker(new CatalogWriter(path), parentPort!);
