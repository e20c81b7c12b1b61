import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/api/service-error.ts';
import { startWorker, type WorkerClient } from '../../../main/workers/worker-rpc.ts';

interface Sample {
  add(a: number, b: number): number;
  fail(code: boolean): never;
  exit(): void;
}

const sampleWorker = new URL('./sample.worker.ts', import.meta.url);
let client: WorkerClient<Sample> | undefined;

afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('worker rpc', () => {
  it('calls methods on the worker and returns their values', async () => {
    client = startWorker<Sample>(sampleWorker);
    expect(await Promise.all([client.api.add(1, 2), client.api.add(40, 2)])).toEqual([3, 42]);
  });

  it('carries a service error code across the thread boundary', async () => {
    client = startWorker<Sample>(sampleWorker);
    await expect(client.api.fail(true)).rejects.toBeInstanceOf(ServiceError);
    await expect(client.api.fail(true)).rejects.toMatchObject({ code: 'not-found', message: 'nothing here' });
    await expect(client.api.fail(false)).rejects.toThrow('plain failure');
  });

  it('answers calls still waiting at close as unavailable, not as a crash', async () => {
    const closing = startWorker<Sample>(sampleWorker);
    const pending = closing.api.add(1, 2).catch((error: unknown) => error);
    await closing.close();
    expect(await pending).toMatchObject({ code: 'unavailable' });
    await expect(closing.api.add(1, 1)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('fails pending and later calls when the worker dies', async () => {
    client = startWorker<Sample>(sampleWorker);
    await expect(client.api.exit()).rejects.toThrow(/exited with code 3/);
    await expect(client.api.add(1, 1)).rejects.toThrow(/exited/);
  });
});
