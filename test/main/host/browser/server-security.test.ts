/**
 * The browser host's defences, tested against the real server on a real loopback socket:
 * headers on every answer, loopback only, the launch secret, Host and Origin checks, and no
 * way out of the renderer folder. Requests are written by hand so no client tidies the paths.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../../main/api/dispatch.ts';
import { EventHub } from '../../../../main/api/event-hub.ts';
import { startBrowserHost, type BrowserHost } from '../../../../main/host/browser/server.ts';
import {
  contentSecurityPolicy,
  pdfWorkerContentSecurityPolicy,
  securityHeaders,
} from '../../../../main/host/security-headers.ts';
import { pdfWorkerPath } from '../../../security/pdf-worker-path.ts';
import { contentPath } from '../../../../main/store/content-paths.ts';
import { testLog } from './test-log.ts';

const secretText = 'TOP-SECRET-OUTSIDE-THE-ROOT';
let base: string;
let host: BrowserHost;
let port: number;
let cookie: string;
let setCookie: string;
let sessionToken: string;
let contentUrl: string;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends exactly `path` and `headers` (Host defaults to the kiosk's own). */
function send(
  method: string,
  requestPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method, path: requestPath, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const signedIn = (extra: Record<string, string> = {}) => ({ cookie, 'x-kiosk-session': sessionToken, ...extra });

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'browser-host-security-'));
  const rendererDir = path.join(base, 'renderer');
  const dataDir = path.join(base, 'data');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  await writeFile(path.join(rendererDir, pdfWorkerPath), 'export {};');
  await writeFile(path.join(base, 'outside', 'secret.txt'), secretText);
  await symlink(path.join(base, 'outside', 'secret.txt'), path.join(rendererDir, 'linked.txt'));
  await symlink(path.join(base, 'outside'), path.join(rendererDir, 'linked-dir'));

  const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
  const hash = createHash('sha256').update(pdf).digest('hex');
  await mkdir(path.dirname(contentPath(dataDir, hash)), { recursive: true });
  await writeFile(contentPath(dataDir, hash), pdf);
  contentUrl = `/content/${hash}`;

  const handlers = {
    'app.info': () => ({ version: '9.9.9', host: 'browser', defaultLocale: 'en', idleSeconds: 60, venueName: '' }),
  } as unknown as Handlers;
  host = await startBrowserHost({
    services: {
      handlers,
      events: new EventHub(),
      log: testLog(dataDir),
      gate: { admits: () => false },
      close: () => Promise.resolve(),
    },
    rendererDir,
    dataDir,
  });
  port = Number(new URL(host.origin).port);
  const launch = await send('GET', new URL(host.launchUrl).pathname + new URL(host.launchUrl).search);
  expect(launch.status).toBe(303);
  setCookie = String(launch.headers['set-cookie']?.[0]);
  cookie = setCookie.split(';')[0]!;
  const page = await send('GET', '/', { cookie });
  sessionToken = /<meta name="kiosk-session" content="([\w-]+)">/.exec(page.body)?.[1] ?? '';
  expect(sessionToken).toMatch(/^[\w-]{43}$/);
});

afterAll(async () => {
  await host?.close();
  await rm(base, { recursive: true, force: true });
});

describe('security headers', () => {
  it.each([
    ['GET', '/', {}],
    ['GET', '/index.html', {}],
    ['GET', '/assets/app.js', {}],
    ['GET', '/no-such-file', {}],
    ['GET', '/%2e%2e/outside/secret.txt', {}],
    ['GET', '/launch?key=guess', {}],
    ['POST', '/api/call/app.info', {}],
    ['GET', '/api/events', {}],
    ['GET', contentUrl, {}],
    ['PUT', '/index.html', {}],
    ['GET', '/', { host: 'evil.example' }],
  ] as const)('%s %s carries the CSP and its companions', async (method, requestPath, headers) => {
    const answer = await send(method, requestPath, headers);
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(answer.headers[name.toLowerCase()], name).toBe(value);
    }
  });

  it('gives the PDF.js worker’s script its own policy, and the page and other scripts the page’s', async () => {
    const policy = async (requestPath: string) =>
      (await send('GET', requestPath, {})).headers['content-security-policy'];
    expect(await policy(pdfWorkerPath)).toBe(pdfWorkerContentSecurityPolicy);
    for (const requestPath of ['/', '/index.html', '/assets/app.js', `${pdfWorkerPath}.map`])
      expect(await policy(requestPath), requestPath).toBe(contentSecurityPolicy);
  });

  it('forbids inline script, eval, plugins, framing and every foreign source', () => {
    const directives = new Map(
      contentSecurityPolicy.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      for (const source of values) expect(source).toMatch(/^('self'|'none'|data:|blob:)$/);
    }
  });
});

describe('loopback only', () => {
  it('listens on 127.0.0.1', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${port}`);
  });

  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4');
  it.skipIf(!external)('refuses a connection on the machine’s network address', async () => {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: external!.address, port });
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
  if (!external)
    console.warn('server-security: this machine has no non-loopback IPv4 address; the external-bind check is skipped');

  it('refuses a connection on IPv6 loopback', async () => {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '::1', port });
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});

describe('the launch secret', () => {
  it.each([
    ['no cookie', {}],
    ['a guessed cookie', { cookie: 'kiosk_session=guess' }],
    ['the secret under another name', { cookie: `other=${'x'.repeat(43)}` }],
    ['an empty cookie', { cookie: 'kiosk_session=' }],
  ])('is required on every API call and stream and on content (%s)', async (_name, headers) => {
    expect((await send('POST', '/api/call/app.info', headers, '{}')).status).toBe(401);
    expect((await send('GET', '/api/events', headers)).status).toBe(401);
    expect((await send('GET', contentUrl, headers)).status).toBe(401);
  });

  it('opens the API to the signed-in page', async () => {
    const answer = await send('POST', '/api/call/app.info', signedIn({ 'content-type': 'application/json' }), '{}');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    expect((await send('GET', contentUrl, signedIn())).status).toBe(200);
  });

  it('is set as an HttpOnly, SameSite=Strict cookie no script can read', () => {
    expect(setCookie).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/);
  });

  it('is a session secret of its own, not the launch token', () => {
    expect(cookie).not.toContain(new URL(host.launchUrl).searchParams.get('key'));
  });

  it('opens one session only: the launch link works once', async () => {
    const again = await send('GET', new URL(host.launchUrl).pathname + new URL(host.launchUrl).search);
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.headers.connection).toBe('close');
  });

  it('refuses the cookie without the session header token, as a program replaying it would send it', async () => {
    expect((await send('POST', '/api/call/app.info', { cookie }, '{}')).status).toBe(403);
    expect((await send('POST', '/api/call/app.info', { cookie, 'x-kiosk-session': 'guess' }, '{}')).status).toBe(403);
    expect((await send('GET', '/api/events', { cookie })).status).toBe(403);
  });

  it('puts the header token only into a page loaded with the session cookie', async () => {
    for (const headers of [{}, { cookie: 'kiosk_session=guess' }] as Record<string, string>[]) {
      const page = await send('GET', '/', headers);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<meta name="kiosk-session" content="">');
      expect(page.body).not.toContain(sessionToken);
    }
    expect((await send('GET', '/', { cookie })).body).toContain(`content="${sessionToken}"`);
  });

  it('lets the event stream carry the token in its query, since EventSource cannot send headers', async () => {
    const stream = await new Promise<number>((resolve, reject) => {
      const request = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/events?session=${sessionToken}`,
          headers: { host: `127.0.0.1:${port}`, cookie },
        },
        (response) => {
          resolve(response.statusCode!);
          request.destroy();
        },
      );
      request.on('error', reject);
    });
    expect(stream).toBe(200);
  });
});

describe('Host header (DNS rebinding)', () => {
  it.each([
    'localhost',
    'localhost:{port}',
    'evil.example',
    'evil.example:{port}',
    '127.0.0.1',
    '127.0.0.2:{port}',
    '[::1]:{port}',
  ])('refuses Host: %s', async (name) => {
    const answer = await send('GET', '/', { host: name.replace('{port}', String(port)) });
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain('<!doctype');
  });

  it('refuses a request without Host', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(reply).not.toMatch(/^HTTP\/1\.[01] 200/);
  });
});

describe('Origin and fetch metadata', () => {
  it.each([
    [{ origin: 'http://127.0.0.1:1' }],
    [{ origin: 'http://localhost:5173' }],
    [{ origin: 'null' }],
    [{ origin: 'https://evil.example' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ 'sec-fetch-site': 'cross-site' }],
  ])('refuses a signed-in call that comes from another page: %o', async (headers) => {
    expect((await send('POST', '/api/call/app.info', signedIn(headers), '{}')).status).toBe(403);
    expect((await send('GET', '/api/events', signedIn(headers))).status).toBe(403);
    expect((await send('GET', contentUrl, signedIn(headers))).status).toBe(403);
  });

  it('accepts the kiosk page’s own requests', async () => {
    const own = signedIn({ origin: host.origin, 'sec-fetch-site': 'same-origin' });
    expect((await send('POST', '/api/call/app.info', own, '{}')).status).toBe(200);
    expect((await send('GET', contentUrl, signedIn({ 'sec-fetch-site': 'same-origin' }))).status).toBe(200);
  });
});

describe('no directory listing, no way out of the renderer folder', () => {
  it.each([
    '/assets',
    '/assets/',
    '/../outside/secret.txt',
    '/assets/../../outside/secret.txt',
    '/%2e%2e/outside/secret.txt',
    '/%2E%2E%2Foutside%2Fsecret.txt',
    '/assets/..%2f..%2foutside%2fsecret.txt',
    '/..%5coutside%5csecret.txt',
    '/assets%5c..%5c..%5coutside%5csecret.txt',
    '/%252e%252e/outside/secret.txt',
    '//etc/passwd',
    '/etc/passwd',
    '{absolute path of the secret}',
    '/C:%5cWindows%5cwin.ini',
    '/linked.txt',
    '/linked-dir/secret.txt',
    '/index.html%00.js',
    '/%00',
    '/content/..%2f..%2foutside%2fsecret.txt',
    '/content/%2e%2e/%2e%2e/outside/secret.txt',
  ])('GET %s finds nothing', async (template) => {
    const requestPath = template.replace('{absolute path of the secret}', path.join(base, 'outside', 'secret.txt'));
    const answer = await send('GET', requestPath, signedIn());
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body).not.toContain(secretText);
    expect(answer.body).not.toContain('root:');
    expect(answer.body).not.toMatch(/app\.js|index\.html/);
  });

  it('still serves what is inside', async () => {
    expect((await send('GET', '/assets/app.js')).status).toBe(200);
  });
});
