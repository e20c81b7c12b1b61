/**
 * The server as the supervisor runs it, on real loopback sockets: it opens no port of its own, serves
 * the connections handed to it, and a server started again with the same pairing knows the page's
 * session while the spent launch token stays spent. A new pairing (a new launch) knows none of it.
 * Its time limits hold for handed-over connections as for its own.
 */
import http from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Handlers } from '../../../../main/api/dispatch.ts';
import { EventHub } from '../../../../main/api/event-hub.ts';
import { launchedPairing, newPairing, type HostPairing } from '../../../../main/host/browser/pairing.ts';
import { startBrowserHost, type BrowserHost } from '../../../../main/host/browser/server.ts';
import { testLog } from './test-log.ts';

let base: string;
let rendererDir: string;
let dataDir: string;
let front: net.Server;
let origin: string;
let current: BrowserHost | undefined;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'browser-host-supervised-'));
  rendererDir = path.join(base, 'renderer');
  dataDir = path.join(base, 'data');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  // What the supervisor does: accept without reading, hand over to whichever server runs now.
  front = net.createServer({ pauseOnConnect: true }, (socket) => (current ? current.accept(socket) : socket.destroy()));
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await current?.close();
  await new Promise((resolve) => front.close(resolve));
  await rm(base, { recursive: true, force: true });
});

function serve(
  pairing: HostPairing,
  launched: (pairing: HostPairing) => void = () => undefined,
  limits: Parameters<typeof startBrowserHost>[0]['limits'] = {},
) {
  const handlers = {
    'app.info': () => ({ version: '9.9.9', host: 'browser', defaultLocale: 'en', idleSeconds: 60, venueName: '' }),
  } as unknown as Handlers;
  return startBrowserHost({
    services: {
      handlers,
      events: new EventHub(),
      log: testLog(dataDir),
      gate: { admits: () => false },
      close: () => Promise.resolve(),
    },
    rendererDir,
    dataDir,
    limits,
    supervised: {
      origin,
      pairing,
      launched: () => {
        launched(launchedPairing(pairing));
        return Promise.resolve();
      },
    },
  });
}

function send(requestPath: string, headers: Record<string, string> = {}, method = 'GET') {
  const { port } = new URL(origin);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: requestPath,
        agent: false,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on('error', reject);
    request.end(method === 'POST' ? '{}' : undefined);
  });
}

const call = (headers: Record<string, string>) => send('/api/call/app.info', headers, 'POST').then((a) => a.status);

it('keeps the page’s session across a restart with the same pairing, and the spent launch token spent', async () => {
  let pairing = newPairing(Date.now(), 60_000);
  const launchPath = `/launch?key=${pairing.launchToken!}`;
  current = await serve(pairing, (spent) => (pairing = spent));
  expect(current.origin).toBe(origin);

  const launch = await send(launchPath);
  expect(launch.status).toBe(303);
  expect(pairing.launched).toBe(true);
  const cookie = String(launch.headers['set-cookie']?.[0]).split(';')[0]!;
  const token = /<meta name="kiosk-session" content="([\w-]+)">/.exec((await send('/', { cookie })).body)?.[1] ?? '';
  expect(token).toBe(pairing.session.header);
  expect(await call({ cookie, 'x-kiosk-session': token })).toBe(200);

  // The server dies; the supervisor starts another with the pairing as it is now.
  await current.close();
  current = await serve(pairing);
  expect(await call({ cookie, 'x-kiosk-session': token })).toBe(200);
  expect((await send('/', { cookie })).body).toContain(`content="${token}"`);
  expect((await send(launchPath)).status).toBe(401);
  expect(await call({})).toBe(401);
  expect(await call({ cookie })).toBe(403);
  expect(await call({ cookie, 'x-kiosk-session': 'x'.repeat(43) })).toBe(403);

  // A new launch (the supervisor itself started anew) is a new pairing: the old session is worth nothing.
  await current.close();
  current = await serve(newPairing(Date.now(), 60_000));
  expect(await call({ cookie, 'x-kiosk-session': token })).toBe(401);
  expect((await send('/', { cookie })).body).toContain('content=""');
});

it('drops a client that sends its headers too slowly, as the listening server does', async () => {
  await current?.close();
  current = await serve(newPairing(Date.now(), 60_000), undefined, { headersTimeoutMs: 300, checkIntervalMs: 100 });
  const slow = net.connect(Number(new URL(origin).port), '127.0.0.1');
  slow.write(`GET / HTTP/1.1\r\nHost: ${new URL(origin).host}\r\n`);
  const answer: Buffer[] = [];
  slow.on('data', (chunk: Buffer) => answer.push(chunk));
  const closed = await Promise.race([
    new Promise<boolean>((resolve) => slow.once('close', () => resolve(true))),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000)),
  ]);
  slow.destroy();
  expect(closed, 'dropped within 3 s').toBe(true);
  expect(Buffer.concat(answer).toString()).toMatch(/^HTTP\/1\.1 408/);
});
