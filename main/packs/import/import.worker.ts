/** The import's copy worker: hashes and writes pack files into the content store off the main thread. */
import { parentPort } from 'node:worker_threads';
import { copyIntoStore, type CopyJob, type CopyOutcome } from '../../store/store-writer.ts';
import { serveInWorker } from '../../workers/worker-rpc.ts';

export interface CopyWorker {
  copy(job: CopyJob): CopyOutcome;
}

const worker: CopyWorker = { copy: copyIntoStore };
serveInWorker(worker, parentPort!);
