/** A worker served over worker-rpc, for the worker-rpc tests. */
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import { ServiceError } from '../../../main/api/service-error.ts';
import { serveInWorker } from '../../../main/workers/worker-rpc.ts';

serveInWorker(
  {
    add: (a: number, b: number) => a + b,
    fail: (withCode: boolean) => {
      throw withCode ? new ServiceError('not-found', 'nothing here') : new Error('plain failure');
    },
    exit: () => process.exit(3),
    // Asynchronous, so the worker answers other calls while one sleeps.
    sleep: async (ms: number) => {
      await sleep(ms);
      return ms;
    },
    unclonable: () => () => 'a function cannot cross threads',
  },
  parentPort!,
);
