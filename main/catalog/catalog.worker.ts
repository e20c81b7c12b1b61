/**
 * The catalog worker thread: owns the read-only connection that answers visitors, so the main thread
 * never waits on SQLite. A read-only connection can neither create the file nor migrate it, so the
 * worker first does both on a connection it closes again. It is started before any import can run;
 * an import that opened the file at the same moment would migrate it too, which is safe to race.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveInWorker } from '../workers/worker-rpc.ts';
import { CatalogReader } from './catalog-reader.ts';
import { migrateCatalog } from './database.ts';

const { path } = workerData as { path: string };
migrateCatalog(path);
serveInWorker(new CatalogReader(path), parentPort!);
