/**
 * The browser host's supervisor with a stand-in server: it starts the server again when it dies, with the
 * same pairing and on the same port, which it never lets go meanwhile; connections that come while no
 * server is up wait for the next; a server that exits 0 ends the kiosk; one that never starts is a failure.
 */
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startSupervisor, type Supervisor, type SupervisorOptions } from '../../../../main/host/browser/supervisor.ts';

const standIn = new URL('./fixtures/stand-in-server.ts', import.meta.url);
let supervisor: Supervisor | undefined;

afterEach(async () => {
  await supervisor?.close(2_000);
  supervisor = undefined;
});

function start(options: Partial<SupervisorOptions> = {}): Promise<Supervisor> {
  return startSupervisor({
    serverModule: standIn,
    serverArguments: () => [],
    onExitAsked: () => undefined,
    report: () => undefined,
    backoff: { firstMs: 50, maxMs: 200, healthyAfterMs: 60_000 },
    ...options,
  });
}

async function ask(origin: string): Promise<{ pid: number; session: string }> {
  const response = await fetch(origin, { headers: { connection: 'close' } });
  return (await response.json()) as { pid: number; session: string };
}

async function waitForExit(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`process ${pid} did not exit`);
}

it('starts a killed server again with the same pairing, holding the port and the waiting connections', async () => {
  supervisor = await start();
  const first = await ask(supervisor.origin);
  expect(first.pid).toBe(supervisor.serverPid());
  expect(new URL(supervisor.launchUrl).searchParams.get('key')).toMatch(/^[\w-]{43}$/);

  process.kill(first.pid, 'SIGKILL');
  await waitForExit(first.pid);
  // Nobody else can listen on the port while no server is up…
  const squatter = net.createServer();
  const bound = await new Promise<string>((resolve) => {
    squatter.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    squatter.listen(Number(new URL(supervisor!.origin).port), '127.0.0.1', () => resolve('listening'));
  });
  squatter.close();
  expect(bound).toBe('EADDRINUSE');
  // …and a request made meanwhile is answered by the next server, which has the same pairing.
  const second = await ask(supervisor.origin);
  expect(second.pid).not.toBe(first.pid);
  expect(second.session).toBe(first.session);
});

it('waits longer between restarts while the server keeps dying', async () => {
  const reports: string[] = [];
  supervisor = await start({ report: (line) => reports.push(line) });
  for (let crash = 0; crash < 3; crash++) {
    const { pid } = await ask(supervisor.origin);
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid);
  }
  await ask(supervisor.origin);
  expect(reports.map((line) => /again in (\d+) ms/.exec(line)?.[1])).toEqual(['0', '50', '100']);
});

it('ends the kiosk when the server exits by itself with 0 (staff closed it)', async () => {
  let asked = 0;
  supervisor = await start({ onExitAsked: () => asked++ });
  const { pid } = await ask(supervisor.origin);
  process.kill(pid, 'SIGTERM');
  await waitForExit(pid);
  await expect.poll(() => asked).toBe(1);
  expect(supervisor.serverPid()).toBeUndefined();
});

it('fails to start when the server stops before it was ever ready', async () => {
  await expect(start({ serverArguments: () => ['--fail-start'] })).rejects.toThrow(/before it was ready/);
});
