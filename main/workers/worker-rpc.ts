/**
 * A minimal request/response protocol over a worker thread: the worker serves a synchronous
 * object, the main thread gets an asynchronous proxy of the same interface. Writing the
 * interface once keeps the two sides from drifting apart.
 */
import { Worker, type MessagePort, type WorkerOptions } from 'node:worker_threads';
import { ServiceError } from '../api/service-error.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';

type AnyFunction = (...args: never[]) => unknown;

export type AsyncOf<T> = {
  [K in keyof T as T[K] extends AnyFunction ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

interface Request {
  id: number;
  method: string;
  args: unknown[];
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: ErrorCode } };

/** In the worker: answer each request by calling the same-named method of `target`. */
export function serveInWorker(target: object, port: MessagePort): void {
  port.on('message', async (request: Request) => {
    let reply: Reply;
    try {
      const method = (target as Record<string, unknown>)[request.method];
      if (typeof method !== 'function') throw new Error(`no method ${request.method}`);
      const value: unknown = await method.apply(target, request.args);
      reply = { id: request.id, ok: true, value };
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      reply = {
        id: request.id,
        ok: false,
        error: {
          name: error.name,
          message: error.message,
          ...(error instanceof ServiceError ? { code: error.code } : {}),
        },
      };
    }
    port.postMessage(reply);
  });
}

export interface WorkerClient<T> {
  readonly api: AsyncOf<T>;
  close(): Promise<void>;
}

/** On the main thread: start `url` as a worker and return a typed proxy of what it serves. */
export function startWorker<T>(url: URL, options: WorkerOptions = {}): WorkerClient<T> {
  const worker = new Worker(url, options);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;

  const failAll = (error: Error) => {
    // The first cause stands: a worker that is closed also exits, and that is not news.
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else {
      const { code, message, name } = reply.error;
      const error = code ? new ServiceError(code, message) : Object.assign(new Error(message), { name });
      waiter.reject(error);
    }
  });
  worker.on('error', failAll);
  worker.on('exit', (exitCode) => failAll(new Error(`worker ${url.pathname} exited with code ${exitCode}`)));

  const api = new Proxy({} as AsyncOf<T>, {
    get(_target, method) {
      if (typeof method !== 'string') return undefined;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          if (failure) return reject(failure);
          const id = nextId++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, method, args } satisfies Request);
        });
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
