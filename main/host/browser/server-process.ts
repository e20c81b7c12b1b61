/**
 * The browser host's server process: the kiosk's services and its HTTP server, started by the
 * supervisor (`supervisor.ts`) with a fork. It opens no socket of its own: the supervisor hands it
 * the pairing and each accepted connection, so when this process dies (a crash, an out-of-memory
 * kill) the supervisor starts another that serves the same page on the same port.
 */
import type { Socket } from 'node:net';
import { readAppVersion, rendererDir, resourcesDir } from '../../app-paths.ts';
import { clockStartingAt, systemClock } from '../../clock.ts';
import { demoCollectionEnabled } from '../../demo/demo-collection.ts';
import { createKioskServices } from '../../services.ts';
import { parseHostArguments } from './host-arguments.ts';
import type { HostPairing } from './pairing.ts';
import { startBrowserHost, type BrowserHost } from './server.ts';
import { isStartMessage, type ToSupervisor } from './supervisor-protocol.ts';

const send = (message: ToSupervisor, done?: () => void) => process.send!(message, undefined, undefined, () => done?.());

if (!process.send) {
  console.error('The server process is started by the browser host (main/host/browser/cli.ts), not by hand.');
  process.exit(2);
}

const parsed = parseHostArguments(process.argv.slice(2));
if ('error' in parsed) {
  console.error(parsed.error);
  process.exit(2);
}

/** Set once the services are up; the supervisor sends no connection before `ready`, and one after closing is dropped. */
let host: BrowserHost | undefined;
let closing = false;

let starting = false;

process.on('message', (message: unknown, handle: unknown) => {
  if (isStartMessage(message)) {
    if (starting) return;
    starting = true;
    start(message.origin, message.pairing).catch((error: unknown) => {
      // Exit non-zero: the supervisor reports a first start that fails, and starts a later one again.
      console.error('The kiosk server could not start:', error);
      process.exit(1);
    });
    return;
  }
  if ((message as { type?: unknown } | null)?.type === 'connection' && handle) {
    const socket = handle as Socket;
    if (host && !closing) host.accept(socket);
    else socket.destroy();
  }
});
// The supervisor is gone (killed, or stopping): nobody can reach this process any more.
process.on('disconnect', () => void shutdown(1));
// Exit 0 tells the supervisor the kiosk was asked to stop, which ends it too.
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));

let services: Awaited<ReturnType<typeof createKioskServices>> | undefined;

async function start(origin: string, pairing: HostPairing): Promise<void> {
  if ('error' in parsed) return;
  services = await createKioskServices({
    dataDir: parsed.dataDir,
    resourcesDir,
    host: 'browser',
    version: await readAppVersion(),
    clock: parsed.clockStart === undefined ? systemClock : clockStartingAt(parsed.clockStart),
    demoCollection: demoCollectionEnabled(process.env),
    // Staff closed the kiosk: exit 0 tells the supervisor this was asked for, not a crash.
    exitKiosk: () => void shutdown(0),
    ...(parsed.idleSeconds === undefined ? {} : { idleSeconds: parsed.idleSeconds }),
    ...(parsed.mediaRoots === undefined ? {} : { mediaRoots: parsed.mediaRoots }),
    ...(parsed.copyBytesPerSecond === undefined ? {} : { copyBytesPerSecond: parsed.copyBytesPerSecond }),
    ...(parsed.systemKeysDir === undefined ? {} : { systemKeysDir: parsed.systemKeysDir }),
  });
  host = await startBrowserHost({
    services,
    rendererDir,
    dataDir: parsed.dataDir,
    supervised: {
      origin,
      pairing,
      launched: () => new Promise((resolve) => send({ type: 'launched' }, resolve)),
    },
  });
  send({ type: 'ready' });
}

async function shutdown(code: number): Promise<void> {
  if (closing) return;
  closing = true;
  await host?.close();
  await services?.close();
  process.exit(code);
}
