/** The catalog worker thread: owns the SQLite connection so the main thread never waits on it. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveInWorker } from '../workers/worker-rpc.ts';
import { CatalogStore } from './catalog-store.ts';

const { path } = workerData as { path: string };
serveInWorker(new CatalogStore(path), parentPort!);
