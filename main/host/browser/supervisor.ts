/**
 * The browser host's supervisor: a small process that owns what must outlive a crash of the server —
 * the listening socket on 127.0.0.1 and the launch's pairing — and runs the server (`server-process.ts`)
 * as its child, starting it again when it dies. The page keeps its origin, its cookie and its header
 * token, so it comes back by itself; the port is never free meanwhile, so no other local program can
 * take it and collect the page's secrets, and the secrets are never written anywhere.
 * It reads nothing from a connection: each one is handed over to the server as it is accepted.
 */
import { fork, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import type { Clock } from '../../clock.ts';
import { launchedPairing, newPairing, type HostPairing } from './pairing.ts';
import { restartBackoff, type RestartBackoffOptions } from './restart-backoff.ts';
import { isToSupervisor, type ToServer } from './supervisor-protocol.ts';

export interface SupervisorOptions {
  port?: number;
  /** The server process's arguments for a start at the kiosk's time `now` (undefined: the system's). */
  serverArguments(now: Date | undefined): string[];
  /** The kiosk's clock when it is not the system's (`--clock-start`), so a restart carries on from it. */
  clock?: Clock;
  launchTokenTtlMs?: number;
  backoff?: RestartBackoffOptions;
  /** The server's module; tests pass a small stand-in. */
  serverModule?: URL;
  /** Staff closed the kiosk (the server exited 0 by itself). */
  onExitAsked(): void;
  /** A line for the operator's log (stderr under systemd, the journal). */
  report(line: string): void;
}

export interface Supervisor {
  readonly origin: string;
  /** Opening this URL once, within a minute, signs the browser in for this launch; keep it private. */
  readonly launchUrl: string;
  /** The running server process's id, when one runs (tests kill it to play a crash). */
  serverPid(): number | undefined;
  /** Stops the server (SIGTERM, then SIGKILL after `graceMs`) and closes the port. */
  close(graceMs?: number): Promise<void>;
}

/** Connections held while the server restarts; the page needs a few (a call, the event stream). */
const maxWaiting = 32;

const serverModule = new URL(`./server-process${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Starts listening and the first server; resolves once that server is ready, or rejects if it
 * stops before it ever was (a start that fails is a fault to report, not a crash to recover from).
 */
export async function startSupervisor(options: SupervisorOptions): Promise<Supervisor> {
  let pairing: HostPairing = newPairing(Date.now(), options.launchTokenTtlMs ?? 60_000);
  const backoff = restartBackoff(options.backoff);
  let child: ChildProcess | undefined;
  let ready = false;
  let everReady = false;
  let closing = false;
  let restartTimer: NodeJS.Timeout | undefined;

  /**
   * Connections that came while no server was ready, oldest first: handed over once one is, so the
   * page's first try after a crash is answered as soon as the server is back. Bounded; past the bound
   * the oldest is dropped (the page tries again on its own), and none is read meanwhile.
   */
  const waiting = new Set<net.Socket>();
  const handOver = (socket: net.Socket) => {
    const current = child;
    if (closing || socket.destroyed) return void socket.destroy();
    if (!current?.connected || !ready) {
      waiting.add(socket);
      socket.once('close', () => waiting.delete(socket));
      if (waiting.size > maxWaiting) {
        const oldest = waiting.values().next().value!;
        waiting.delete(oldest);
        oldest.destroy();
      }
      return;
    }
    current.send({ type: 'connection' } satisfies ToServer, socket, { keepOpen: false }, (error) => {
      if (error) socket.destroy();
    });
  };
  // pauseOnConnect: the supervisor never reads a byte; the socket goes to the server untouched.
  const listener = net.createServer({ pauseOnConnect: true }, handOver);
  listener.on('error', (error) => options.report(`The kiosk's listening socket failed: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen({ port: options.port ?? 0, host: '127.0.0.1', exclusive: true }, () => resolve());
  });
  const origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  const launchUrl = `${origin}/launch?key=${pairing.launchToken!}`;

  let firstReady!: { resolve: () => void; reject: (error: Error) => void };
  const firstStart = new Promise<void>((resolve, reject) => (firstReady = { resolve, reject }));

  function startServer(): void {
    restartTimer = undefined;
    if (closing) return;
    const startedAt = Date.now();
    // The server's stdout is the supervisor's stderr: stdout carries only what the supervisor prints (--json).
    const started = fork(options.serverModule ?? serverModule, options.serverArguments(options.clock?.now()), {
      stdio: ['ignore', 2, 2, 'ipc'],
      serialization: 'json',
    });
    child = started;
    started.on('message', (message: unknown) => {
      if (!isToSupervisor(message)) return;
      if (message.type === 'launched') pairing = launchedPairing(pairing);
      else {
        ready = true;
        everReady = true;
        firstReady.resolve();
        const held = [...waiting];
        waiting.clear();
        for (const socket of held) handOver(socket);
      }
    });
    started.on('error', (error) => options.report(`The kiosk's server process failed: ${error.message}`));
    started.once('exit', (code, signal) => {
      if (child === started) {
        child = undefined;
        ready = false;
      }
      if (closing) return;
      if (!everReady) {
        closing = true;
        listener.close();
        firstReady.reject(new Error(`the kiosk's server stopped before it was ready (${signal ?? `exit ${code}`})`));
        return;
      }
      if (code === 0) return options.onExitAsked();
      const wait = backoff.afterExit(startedAt, Date.now());
      options.report(`The kiosk's server stopped (${signal ?? `exit ${code}`}); starting it again in ${wait} ms.`);
      restartTimer = setTimeout(startServer, wait);
    });
    started.send({ type: 'start', origin, pairing } satisfies ToServer);
  }

  startServer();
  await firstStart;

  return {
    origin,
    launchUrl,
    serverPid: () => (ready ? child?.pid : undefined),
    async close(graceMs = 10_000) {
      closing = true;
      clearTimeout(restartTimer);
      for (const socket of waiting) socket.destroy();
      waiting.clear();
      // Not awaited: a server that was handed sockets counts its receivers as "workers", and once every
      // one of them has exited its 'close' never comes. The port is let go when the handle closes.
      listener.close();
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
        running.kill('SIGTERM');
        const timer = setTimeout(() => running.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
