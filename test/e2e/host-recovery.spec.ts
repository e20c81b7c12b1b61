/**
 * The browser host comes back by itself: its server process is killed outright (SIGKILL, as a crash or
 * the out-of-memory killer would) while a page is open, the supervisor starts it again, and the page
 * works again within seconds with nobody touching it. A local program without the page's secrets is
 * refused after the restart as before, and cannot take the port while the server is down.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { pinnedTest as base, signIn, startHost, type KioskHost } from './fixtures.ts';

interface Supervised {
  host: KioskHost;
  supervisor: ChildProcess;
}

const test = base.extend<object, { supervised: Supervised }>({
  supervised: [
    async ({}, use) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-recovery-'));
      const { host, child } = await startHost(dataDir);
      await use({ host, supervisor: child });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

/** The server process the supervisor runs now: its only child. */
async function serverPid(supervisor: ChildProcess): Promise<number> {
  const children = await readFile(`/proc/${supervisor.pid}/task/${supervisor.pid}/children`, 'utf8');
  const pids = children.trim().split(/\s+/).filter(Boolean).map(Number);
  expect(pids, 'the supervisor runs one server process').toHaveLength(1);
  return pids[0]!;
}

/** Kills the server as a crash would, and waits until it is gone. */
async function crashServer(supervisor: ChildProcess): Promise<number> {
  const pid = await serverPid(supervisor);
  process.kill(pid, 'SIGKILL');
  await expect
    .poll(() =>
      readFile(`/proc/${pid}/stat`, 'utf8').then(
        (stat) => stat.includes(') Z '),
        () => true,
      ),
    )
    .toBe(true);
  return pid;
}

/** A call made as the kiosk page makes it, from Node: the answer's status, or the network error's code. */
async function callFromNode(origin: string, headers: Record<string, string> = {}): Promise<string> {
  try {
    const response = await fetch(`${origin}/api/call/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
    return String(response.status);
  } catch (error) {
    return String((error as { cause?: { code?: string } }).cause?.code ?? 'failed');
  }
}

async function openHome(page: Page): Promise<void> {
  await page.getByTestId('attract').click();
  await expect(page.getByTestId('shelf-energy')).toBeVisible();
}

test('an open page works again within 10 s of its server being killed, without a touch', async ({
  page,
  supervised,
}) => {
  const { host, supervisor } = supervised;
  await signIn(page, host);
  await openHome(page);

  const apiRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(new URL(request.url()).pathname);
  });
  // The home screen loads its shelves again by itself once the service is back: a real call, untouched.
  const shelvesAgain = page.waitForResponse(
    (response) => response.url().endsWith('/api/call/catalog.subjects') && response.status() === 200,
    { timeout: 10_000 },
  );
  const streamAgain = page.waitForRequest((request) => request.url().includes('/api/events'), { timeout: 10_000 });
  const killed = await crashServer(supervisor);
  const killedAt = Date.now();

  // The visitor sees the calm message, not the staff-only one, and nothing to press.
  const notice = page.getByTestId('reconnecting');
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('status')).toContainText('The kiosk is reconnecting');
  await expect(page.getByText('not allowed to talk to the kiosk service')).toHaveCount(0);

  await expect(notice).toBeHidden({ timeout: 10_000 });
  await shelvesAgain;
  expect(Date.now() - killedAt).toBeLessThan(10_000);
  expect(await serverPid(supervisor)).not.toBe(killed);
  await expect(page.getByTestId('shelf-energy')).toBeVisible();
  // The probes backed off: a handful in the seconds the server was away, not one every few milliseconds.
  const probes = apiRequests.filter((pathname) => pathname === '/api/call/app.info').length;
  expect(probes).toBeGreaterThanOrEqual(1);
  expect(probes).toBeLessThanOrEqual(8);

  // The event stream is open again, and a reload finds the same session.
  await streamAgain;
  await page.reload();
  await openHome(page);
});

test('after a restart a local program without the page’s secrets is still refused, and cannot take the port', async ({
  page,
  supervised,
}) => {
  const { host, supervisor } = supervised;
  const { origin, launchUrl } = host;
  const port = Number(new URL(origin).port);
  await signIn(page, host);
  await expect(page.getByTestId('attract')).toBeVisible();
  await crashServer(supervisor);

  // While the server is down the supervisor still holds the port: nobody can listen there and collect
  // the page's cookie and token when it calls again.
  const squatter = net.createServer();
  const bound = await new Promise<string>((resolve) => {
    squatter.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    squatter.listen(port, '127.0.0.1', () => resolve('listening'));
  });
  squatter.close();
  expect(bound).toBe('EADDRINUSE');

  // Back: the page is answered again…
  await expect
    .poll(() => page.evaluate(async () => (await window.kioskBridge.invoke('app.info', {})).ok), { timeout: 10_000 })
    .toBe(true);
  // …and a program without its secrets is not: no cookie, a made-up cookie and token, the spent launch link.
  expect(await callFromNode(origin)).toBe('401');
  expect(
    await callFromNode(origin, { cookie: `kiosk_session=${'A'.repeat(43)}`, 'x-kiosk-session': 'B'.repeat(43) }),
  ).toBe('401');
  expect((await fetch(launchUrl, { redirect: 'manual' })).status).toBe(401);
  // The page's cookie alone, without the header token only the page learned, opens nothing either.
  const cookie = (await page.context().cookies(origin)).find((candidate) => candidate.name === 'kiosk_session')!;
  expect(await callFromNode(origin, { cookie: `kiosk_session=${cookie.value}` })).toBe('403');
  // A browser that was never signed in gets the staff-only refusal, as before.
  const stranger = await page.context().browser()!.newContext();
  try {
    const other = await stranger.newPage();
    await other.goto(origin);
    expect(await other.evaluate(() => window.kioskBridge.invoke('app.info', {}))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  } finally {
    await stranger.close();
  }
});
