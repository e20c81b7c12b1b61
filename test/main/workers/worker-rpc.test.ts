import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/api/service-error.ts';
import { startWorker, type StartWorkerOptions, type WorkerClient } from '../../../main/workers/worker-rpc.ts';

interface Sample {
  add(a: number, b: number): number;
  fail(code: boolean): never;
  exit(): void;
  sleep(ms: number): Promise<number>;
  unclonable(): () => string;
}

const sampleWorker = new URL('./sample.worker.ts', import.meta.url);
let client: WorkerClient<Sample> | undefined;

afterEach(async () => {
  await client?.close();
  client = undefined;
});

/** A sample worker whose log is kept for the test to read, instead of reaching the console. */
function startSample(options: StartWorkerOptions<Sample> = {}): { api: WorkerClient<Sample>['api']; logged: string[] } {
  const logged: string[] = [];
  client = startWorker<Sample>(sampleWorker, { log: (message) => logged.push(message), ...options });
  return { api: client.api, logged };
}

describe('worker rpc', () => {
  it('calls methods on the worker and returns their values', async () => {
    const { api } = startSample();
    expect(await Promise.all([api.add(1, 2), api.add(40, 2)])).toEqual([3, 42]);
  });

  it('carries a service error code across the thread boundary', async () => {
    const { api } = startSample();
    await expect(api.fail(true)).rejects.toBeInstanceOf(ServiceError);
    await expect(api.fail(true)).rejects.toMatchObject({ code: 'not-found', message: 'nothing here' });
    await expect(api.fail(false)).rejects.toThrow('plain failure');
  });

  it('answers calls still waiting at close as unavailable, not as a crash', async () => {
    const closing = startWorker<Sample>(sampleWorker);
    const pending = closing.api.add(1, 2).catch((error: unknown) => error);
    await closing.close();
    expect(await pending).toMatchObject({ code: 'unavailable' });
    await expect(closing.api.add(1, 1)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('fails pending and later calls when the worker dies', async () => {
    const { api } = startSample();
    await expect(api.exit()).rejects.toThrow(/exited with code 3/);
    await expect(api.add(1, 1)).rejects.toThrow(/exited/);
  });

  it('is not thenable, so an async function can return the proxy and awaiting it gives the proxy back', async () => {
    const { api } = startSample();
    const returned = await (async () => api)();
    expect(returned).toBe(api);
    expect(await Promise.resolve(api)).toBe(api);
    expect(await returned.add(2, 3)).toBe(5);
  });

  it('answers what any object is asked (printing, JSON) itself, without calling the worker', async () => {
    const { api } = startSample();
    expect(String(api)).toBe('[object Object]');
    expect(JSON.stringify({ api })).toBe('{"api":{}}');
    expect(api.constructor).toBe(Object);
    expect(await api.add(1, 1)).toBe(2);
  });

  it('rejects a call whose arguments cannot be sent, and later calls still work', async () => {
    const { api } = startSample();
    const unclonable = (() => 1) as unknown as number;
    await expect(api.add(unclonable, 1)).rejects.toThrow(
      /the arguments of add cannot be sent to worker sample\.worker\.ts/,
    );
    expect(await api.add(1, 2)).toBe(3);
  });

  it('rejects a call whose result cannot be sent back, and later calls still work', async () => {
    const { api } = startSample();
    await expect(api.unclonable()).rejects.toThrow(/the result of unclonable cannot be sent back/);
    expect(await api.add(1, 2)).toBe(3);
  });

  it('fails a call that outlasts its timeout as unavailable, naming worker, method and time', async () => {
    const { api, logged } = startSample({ methodTimeoutsMs: { sleep: 50 } });
    const failure = await api.sleep(2_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceError);
    expect(failure).toMatchObject({
      code: 'unavailable',
      message: 'worker sample.worker.ts did not answer sleep within 50 ms',
    });
    expect(logged).toEqual(['worker sample.worker.ts did not answer sleep within 50 ms']);
    expect(await api.add(1, 2)).toBe(3);
  });

  it('applies the worker-wide timeout to every method without its own', async () => {
    const { api } = startSample({ callTimeoutMs: 50, methodTimeoutsMs: { add: 30_000 } });
    await expect(api.sleep(2_000)).rejects.toThrow('worker sample.worker.ts did not answer sleep within 50 ms');
    expect(await api.add(1, 2)).toBe(3);
  });

  it('refuses a timeout a timer cannot hold', () => {
    expect(() => startWorker<Sample>(sampleWorker, { callTimeoutMs: 0 })).toThrow(RangeError);
    expect(() => startWorker<Sample>(sampleWorker, { methodTimeoutsMs: { sleep: 2 ** 31 } })).toThrow(RangeError);
  });

  it('logs a call that takes longer than 100 ms in the worker, and not a quick one', async () => {
    const { api, logged } = startSample();
    expect(await api.add(1, 2)).toBe(3);
    expect(await api.sleep(300)).toBe(300);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^worker sample\.worker\.ts: sleep took \d+ ms$/);
    expect(Number(/(\d+) ms/.exec(logged[0]!)![1])).toBeGreaterThan(100);
  });

  it('does not log a slow call of a method its starter lets run without limit', async () => {
    const { api, logged } = startSample({ methodTimeoutsMs: { sleep: Infinity } });
    expect(await api.sleep(300)).toBe(300);
    expect(logged).toEqual([]);
  });
});
