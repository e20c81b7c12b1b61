/** The stats worker: owns the usage counts' SQLite connection, so a visitor's taps never write on the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveInWorker } from '../workers/worker-rpc.ts';
import { StatsStore } from './stats-store.ts';

const { path } = workerData as { path: string };
serveInWorker(new StatsStore(path), parentPort!);
