/**
 * A minimal request/response protocol over a worker thread: the worker serves a synchronous
 * object, the main thread gets an asynchronous proxy of the same interface. Writing the
 * interface once keeps the two sides from drifting apart.
 */
import path from 'node:path';
import { Worker, type MessagePort, type WorkerOptions } from 'node:worker_threads';
import { ServiceError } from '../api/service-error.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';

type AnyFunction = (...args: never[]) => unknown;

/**
 * Names JavaScript itself looks up on any object: `then` when a promise resolves to it, `toJSON` when
 * it is serialised, and what every object inherits from Object.prototype. The proxy answers these as
 * a plain object would instead of calling the worker, so it can be awaited, returned from an async
 * function, printed and serialised; an interface cannot serve methods of these names.
 */
type ObjectProtocol = 'then' | 'toJSON' | keyof typeof Object.prototype;
const protocolNames: ReadonlySet<string> = new Set(['then', 'toJSON']);

type RemoteName<K, V> = K extends ObjectProtocol ? never : V extends AnyFunction ? K : never;

export type AsyncOf<T> = {
  [K in keyof T as RemoteName<K, T[K]>]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

interface Request {
  id: number;
  method: string;
  args: unknown[];
}

interface ErrorReply {
  name: string;
  message: string;
  code?: ErrorCode;
}

/** `ms` is the time the method took in the worker, for the slow-call log. */
type Reply = { id: number; ms: number } & ({ ok: true; value: unknown } | { ok: false; error: ErrorReply });

function errorReply(cause: unknown): ErrorReply {
  const error = cause instanceof Error ? cause : new Error(String(cause));
  return {
    name: error.name,
    message: error.message,
    ...(error instanceof ServiceError ? { code: error.code } : {}),
  };
}

const messageOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/** In the worker: answer each request by calling the same-named method of `target`. */
export function serveInWorker(target: object, port: MessagePort): void {
  port.on('message', async ({ id, method, args }: Request) => {
    const started = performance.now();
    let outcome: { ok: true; value: unknown } | { ok: false; error: ErrorReply };
    try {
      const fn = (target as Record<string, unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`no method ${method}`);
      outcome = { ok: true, value: await fn.apply(target, args) };
    } catch (cause) {
      outcome = { ok: false, error: errorReply(cause) };
    }
    const ms = performance.now() - started;
    try {
      port.postMessage({ id, ms, ...outcome } satisfies Reply);
    } catch (cause) {
      // A result that cannot be cloned fails its own call; thrown here, it would end the worker and every call.
      const error = new TypeError(`the result of ${method} cannot be sent back from the worker: ${messageOf(cause)}`);
      port.postMessage({ id, ms, ok: false, error: errorReply(error) } satisfies Reply);
    }
  });
}

export interface WorkerClient<T> {
  readonly api: AsyncOf<T>;
  close(): Promise<void>;
}

export interface StartWorkerOptions<T> extends WorkerOptions {
  /**
   * How long a call may wait for its answer before it fails as unavailable (default 30 s). The wait
   * includes the worker's start-up and calls queued ahead. `Infinity` waits for ever.
   */
  callTimeoutMs?: number;
  /** Per-method exceptions to `callTimeoutMs`, for methods whose work grows with their input. */
  methodTimeoutsMs?: { readonly [K in keyof AsyncOf<T>]?: number };
  /** Where slow and timed-out calls are reported (not those of methods without a limit); console.warn by default. */
  log?: (message: string) => void;
}

const defaultCallTimeoutMs = 30_000;
/** Methods that take longer than this in the worker are logged: the kiosk's own calls answer in a few ms. */
const slowCallMs = 100;
/** Node fires a longer timer after 1 ms instead, which would fail every call at once. */
const maxTimerMs = 2 ** 31 - 1;

function checkedTimeout(ms: number, what: string): number {
  if (ms === Infinity || (ms > 0 && ms <= maxTimerMs)) return ms;
  throw new RangeError(`${what} must be a positive number of milliseconds up to ${maxTimerMs}, or Infinity; got ${ms}`);
}

interface Waiter {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
}

/** On the main thread: start `url` as a worker and return a typed proxy of what it serves. */
export function startWorker<T>(url: URL, options: StartWorkerOptions<T> = {}): WorkerClient<T> {
  const { callTimeoutMs = defaultCallTimeoutMs, methodTimeoutsMs = {}, log = console.warn, ...workerOptions } = options;
  const workerName = path.posix.basename(url.pathname);
  const timeouts = new Map<string, number>(
    Object.entries<number | undefined>(methodTimeoutsMs).flatMap(([method, ms]) =>
      ms === undefined ? [] : [[method, checkedTimeout(ms, `the timeout of ${method}`)]],
    ),
  );
  const defaultTimeout = checkedTimeout(callTimeoutMs, 'callTimeoutMs');

  const worker = new Worker(url, workerOptions);
  const pending = new Map<number, Waiter>();
  let nextId = 1;
  let failure: Error | undefined;

  const failAll = (error: Error) => {
    // The first cause stands: a worker that is closed also exits, and that is not news.
    failure ??= error;
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    // A call that timed out is no longer pending: its late answer has no one left to tell.
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    clearTimeout(waiter.timer);
    // A method its starter lets run without limit (an import's copy) is slow by design: not news.
    if (reply.ms > slowCallMs && waiter.timer !== undefined)
      log(`worker ${workerName}: ${waiter.method} took ${Math.round(reply.ms)} ms`);
    if (reply.ok) waiter.resolve(reply.value);
    else {
      const { code, message, name } = reply.error;
      const error = code ? new ServiceError(code, message) : Object.assign(new Error(message), { name });
      waiter.reject(error);
    }
  });
  worker.on('error', failAll);
  worker.on('exit', (exitCode) => failAll(new Error(`worker ${workerName} exited with code ${exitCode}`)));

  const timeOut = (id: number, method: string, ms: number) => {
    const waiter = pending.get(id)!;
    pending.delete(id);
    const error = new ServiceError('unavailable', `worker ${workerName} did not answer ${method} within ${ms} ms`);
    log(error.message);
    waiter.reject(error);
  };
  const call = (method: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      try {
        worker.postMessage({ id, method, args } satisfies Request);
      } catch (cause) {
        // Nothing was sent, so nothing is left waiting for an answer.
        return reject(
          new TypeError(`the arguments of ${method} cannot be sent to worker ${workerName}: ${messageOf(cause)}`, {
            cause,
          }),
        );
      }
      const ms = timeouts.get(method) ?? defaultTimeout;
      const timer = ms === Infinity ? undefined : setTimeout(() => timeOut(id, method, ms), ms);
      pending.set(id, { method, resolve, reject, timer });
    });

  const api = new Proxy({} as AsyncOf<T>, {
    get(target, name) {
      if (typeof name !== 'string' || protocolNames.has(name) || name in target) return Reflect.get(target, name);
      return (...args: unknown[]) => call(name, args);
    },
  });
  return {
    api,
    async close() {
      // Calls still waiting get an answer that says why, rather than the exit code of a terminated thread.
      failAll(new ServiceError('unavailable', 'The kiosk is shutting down.'));
      await worker.terminate();
    },
  };
}

/**
 * The URL of a module beside `callerUrl`. Sources run as `.ts` under Node's type stripping
 * and as `.js` once built, so the extension follows the caller's own.
 */
export function siblingModule(callerUrl: string, baseName: string): URL {
  const extension = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${baseName}${extension}`, callerUrl);
}
