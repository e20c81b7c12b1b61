/** The quiz worker: owns the boards' and contests' SQLite connection, off the main thread like the usage counts. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveInWorker } from '../workers/worker-rpc.ts';
import { QuizStore } from './quiz-store.ts';

const { path } = workerData as { path: string };
serveInWorker(new QuizStore(path), parentPort!);
