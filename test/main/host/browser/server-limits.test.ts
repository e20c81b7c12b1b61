/**
 * The browser host under floods, tested against the real server on real loopback sockets with its
 * limits turned down so a handful of sockets reach them: past the cap a new connection pushes out the
 * oldest one without the session cookie (so idle sockets cannot keep the page out), idle ones time
 * out, a large body is refused without being read, a refused request loses its connection, a
 * malformed request target is a plain 400, an unknown kind of stored file is not served, and the
 * launch token expires.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../../main/api/dispatch.ts';
import { EventHub } from '../../../../main/api/event-hub.ts';
import { startBrowserHost, type BrowserHost, type ConnectionLimits } from '../../../../main/host/browser/server.ts';
import { contentPath } from '../../../../main/store/content-paths.ts';
import { testLog } from './test-log.ts';

let base: string;
let rendererDir: string;
let dataDir: string;
const hosts: BrowserHost[] = [];

const handlers = {
  'app.info': () => ({ version: '9.9.9', host: 'browser', defaultLocale: 'en', idleSeconds: 60, venueName: '' }),
} as unknown as Handlers;

async function start(limits: Partial<ConnectionLimits> = {}) {
  const host = await startBrowserHost({
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
  });
  hosts.push(host);
  const port = Number(new URL(host.origin).port);
  const launch = await raw(
    port,
    `GET ${new URL(host.launchUrl).pathname}${new URL(host.launchUrl).search} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
  );
  const cookie = /Set-Cookie: ([^;]+);/i.exec(launch.text)?.[1] ?? '';
  const page = await raw(
    port,
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
  );
  const token = /name="kiosk-session" content="([\w-]+)"/.exec(page.text)?.[1] ?? '';
  return { host, port, cookie, token };
}

interface RawAnswer {
  text: string;
  /** Whether the server closed the connection (rather than this test giving up waiting). */
  closedByServer: boolean;
}

/** Writes `request` as is, reads until the server closes or `waitMs` passes with the socket open. */
function raw(port: number, request: string | Buffer, waitMs = 2_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(request));
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, waitMs);
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedByServer: true });
    });
  });
}

const status = (answer: RawAnswer) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer.text)?.[1]);

function call(port: number, cookie: string, token: string, body = '{}'): Promise<RawAnswer> {
  return raw(
    port,
    `POST /api/call/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nX-Kiosk-Session: ${token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function idleSocket(port: number): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () =>
      resolve({ socket, closed: new Promise((done) => socket.on('close', () => done())) }),
    );
    socket.on('error', () => undefined);
    // Read whatever the server answers (a 408), or 'close' never comes.
    socket.resume();
  });
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'browser-host-limits-'));
  rendererDir = path.join(base, 'renderer');
  dataDir = path.join(base, 'data');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
});

afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  await rm(base, { recursive: true, force: true });
});

describe('connection floods', () => {
  it('drops connections past the cap at once and idle ones after the headers timeout, then serves again', async () => {
    const { port, cookie, token } = await start({ maxConnections: 4, headersTimeoutMs: 500, checkIntervalMs: 100 });
    const idle = await Promise.all(Array.from({ length: 10 }, () => idleSocket(port)));
    const first = await Promise.race([
      Promise.any(idle.map(({ closed }) => closed)).then(() => 'dropped'),
      new Promise((resolve) => setTimeout(() => resolve('none dropped'), 300)),
    ]);
    expect(first).toBe('dropped');
    await Promise.all(idle.map(({ closed }) => closed));
    const answer = await call(port, cookie, token);
    expect(status(answer)).toBe(200);
  }, 15_000);

  it('serves a signed-in call on a new connection while idle sockets fill every slot', async () => {
    const { port, cookie, token } = await start({ maxConnections: 4 });
    const idle = await Promise.all(Array.from({ length: 10 }, () => idleSocket(port)));
    const started = Date.now();
    const answer = await call(port, cookie, token);
    expect(status(answer)).toBe(200);
    // At once, not after the idle sockets' headers timeout (10 s here).
    expect(Date.now() - started).toBeLessThan(1_000);
    // The newest idle sockets still hold their slots: it was the oldest that gave way.
    const stillOpen = idle.map(({ socket }) => !socket.destroyed && socket.readyState === 'open');
    expect(stillOpen.slice(-3)).toEqual([true, true, true]);
    for (const { socket } of idle) socket.destroy();
  }, 10_000);

  it('never pushes out a signed-in connection for a newcomer without the cookie', async () => {
    const { port, cookie, token } = await start({ maxConnections: 4 });
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const ask = () =>
      new Promise<string>((resolve) => {
        socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
        socket.write(
          `POST /api/call/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\n` +
            `X-Kiosk-Session: ${token}\r\nContent-Length: 2\r\n\r\n{}`,
        );
      });
    expect(await ask()).toMatch(/^HTTP\/1\.1 200/);
    const idle = await Promise.all(Array.from({ length: 10 }, () => idleSocket(port)));
    // Give the host time to push out whatever it would.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await ask()).toMatch(/^HTTP\/1\.1 200/);
    socket.destroy();
    for (const { socket: other } of idle) other.destroy();
  }, 10_000);

  it('closes a keep-alive connection left idle after an answer', async () => {
    const { port, cookie, token } = await start({ keepAliveTimeoutMs: 300 });
    const started = Date.now();
    const answer = await raw(
      port,
      `POST /api/call/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nX-Kiosk-Session: ${token}\r\nContent-Length: 2\r\n\r\n{}`,
      5_000,
    );
    expect(status(answer)).toBe(200);
    expect(answer.closedByServer).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
  }, 10_000);
});

describe('bodies and refusals', () => {
  it('answers 413 to a declared 100 MB body without reading it, and closes', async () => {
    const { port, cookie, token } = await start();
    const answer = await raw(
      port,
      `POST /api/call/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nX-Kiosk-Session: ${token}\r\n` +
        `Content-Length: ${100 * 1024 * 1024}\r\n\r\n`,
    );
    expect(status(answer)).toBe(413);
    expect(answer.text).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer.closedByServer).toBe(true);
  });

  it('answers 413 to a chunked body once it passes the cap, and closes', async () => {
    const { port, cookie, token } = await start();
    const chunk = 'x'.repeat(70 * 1024);
    const answer = await raw(
      port,
      `POST /api/call/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nX-Kiosk-Session: ${token}\r\n` +
        `Transfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    );
    expect(status(answer)).toBe(413);
    expect(answer.closedByServer).toBe(true);
  });

  it('closes the connection of a request without the secret, before its body is read', async () => {
    const { port } = await start();
    const answer = await raw(
      port,
      `POST /api/call/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`,
    );
    expect(status(answer)).toBe(401);
    expect(answer.text).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer.closedByServer).toBe(true);
  });

  it('answers a malformed request target with 400 and no stack trace', async () => {
    const { port } = await start();
    const answer = await raw(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(status(answer)).toBe(400);
    expect(answer.text).not.toMatch(/at \S+ \(|TypeError|node:internal/);
  });
});

describe('stored content', () => {
  it('refuses a stored file of a kind the kiosk does not show, rather than let the browser download it', async () => {
    const bytes = Buffer.from('MZ\x90\x00 not a document');
    const hash = createHash('sha256').update(bytes).digest('hex');
    await mkdir(path.dirname(contentPath(dataDir, hash)), { recursive: true });
    await writeFile(contentPath(dataDir, hash), bytes);
    const { port, cookie } = await start();
    const answer = await raw(
      port,
      `GET /content/${hash} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\n\r\n`,
    );
    expect(status(answer)).toBe(415);
    expect(answer.text).not.toContain('not a document');
  });
});

describe('the launch token', () => {
  it('is worth nothing after its time', async () => {
    const host = await startBrowserHost({
      services: {
        handlers,
        events: new EventHub(),
        log: testLog(dataDir),
        gate: { admits: () => false },
        close: () => Promise.resolve(),
      },
      rendererDir,
      dataDir,
      limits: { launchTokenTtlMs: 100 },
    });
    hosts.push(host);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const port = Number(new URL(host.origin).port);
    const url = new URL(host.launchUrl);
    const answer = await raw(port, `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(status(answer)).toBe(401);
    expect(answer.text).not.toMatch(/Set-Cookie/i);
  });
});
