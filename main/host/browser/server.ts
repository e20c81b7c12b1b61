/**
 * The browser host: serves the built renderer and the kiosk contract over HTTP on 127.0.0.1 only.
 * Calls are POST /api/call/<name>; events stream from GET /api/events as server-sent events.
 * Every API request must carry the secret made at this launch (as a cookie set by /launch);
 * so must every request for stored content at /content/<sha256>.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { pipeline } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { dispatch } from '../../api/dispatch.ts';
import type { KioskServices } from '../../services.ts';
import { isContentRequest, resolveContentFile } from '../content-files.ts';
import { securityHeaders } from '../security-headers.ts';
import { foreignRequestReason } from './request-origin.ts';
import { parseRange, resolveStaticFile, type ResolvedFile } from '../static-files.ts';

export interface BrowserHostOptions {
  services: KioskServices;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** The data folder whose content store is served at /content/<sha256>. */
  dataDir: string;
  port?: number;
}

export interface BrowserHost {
  /** The origin the kiosk is served from, e.g. http://127.0.0.1:4173 */
  readonly origin: string;
  /** Opening this URL signs the browser in for this launch; keep it private. */
  readonly launchUrl: string;
  close(): Promise<void>;
}

const cookieName = 'kiosk_launch';
const maxRequestBytes = 64 * 1024;
const bridgeScript = '/host-bridge.js';

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = randomBytes(32).toString('base64url');
  const sockets = new Set<import('node:net').Socket>();
  const streams = new Set<http.ServerResponse>();
  let origin = '';

  const server = http.createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    handle(request, response).catch((error: unknown) => {
      console.error('browser host: request failed', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'The kiosk could not answer this request.' });
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    // A page on another site could point a DNS name at 127.0.0.1; only our own Host is served.
    if (request.headers.host !== new URL(origin).host) return sendJson(response, 421, { error: 'Wrong host.' });

    if (url.pathname === '/launch') {
      if (!secretMatches(url.searchParams.get('key')))
        return sendJson(response, 401, { error: 'This launch link is not valid.' });
      response.setHeader('Set-Cookie', `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`);
      response.writeHead(303, { Location: '/' }).end();
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (!secretMatches(readCookie(request.headers.cookie, cookieName))) {
        return sendJson(response, 401, {
          error:
            'This request does not carry the launch secret. Open the kiosk through the launch link printed at start.',
        });
      }
      const foreign = foreignRequestReason(request.headers, origin);
      if (foreign) return sendJson(response, 403, { error: foreign });
      if (url.pathname === '/api/events' && request.method === 'GET') return openEventStream(response);
      const callName = /^\/api\/call\/([\w.-]+)$/.exec(url.pathname)?.[1];
      if (callName && request.method === 'POST') {
        const body = await readBody(request);
        if (body === 'too-large') return sendJson(response, 413, { error: 'The request is too large.' });
        let parsed: unknown;
        try {
          parsed = body === '' ? {} : JSON.parse(body);
        } catch {
          return sendJson(response, 400, {
            ok: false,
            error: { code: 'bad-request', message: 'The request body is not valid JSON.' },
          });
        }
        return sendJson(response, 200, await dispatch(options.services.handlers, callName, parsed));
      }
      return sendJson(response, 404, { error: 'There is no such API route.' });
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, { error: 'Method not allowed.' });
    if (url.pathname === '/' || url.pathname === '/index.html') return sendIndex(response);
    if (isContentRequest(url.pathname)) {
      if (!secretMatches(readCookie(request.headers.cookie, cookieName)))
        return sendJson(response, 401, { error: 'This request does not carry the launch secret.' });
      const foreign = foreignRequestReason(request.headers, origin);
      if (foreign) return sendJson(response, 403, { error: foreign });
      const stored = await resolveContentFile(options.dataDir, url.pathname);
      if (!stored) return sendJson(response, 404, { error: 'Not found.' });
      // Named by its digest, a stored file never changes.
      return sendFile(request, response, stored, 'private, max-age=31536000, immutable');
    }
    const file = await resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) return sendJson(response, 404, { error: 'Not found.' });
    return sendFile(
      request,
      response,
      file,
      url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  }

  function sendFile(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    file: ResolvedFile,
    cacheControl: string,
  ): void {
    const range = parseRange(request.headers.range, file.size);
    if (range === 'unsatisfiable') {
      response.writeHead(416, { 'Content-Range': `bytes */${file.size}` }).end();
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': file.mediaType,
      'Accept-Ranges': 'bytes',
      'Cache-Control': cacheControl,
    };
    if (range) {
      response.writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`,
        'Content-Length': range.end - range.start + 1,
      });
    } else {
      response.writeHead(200, { ...headers, 'Content-Length': file.size });
    }
    if (request.method === 'HEAD') return void response.end();
    // pipeline closes the file when a client aborts mid-transfer (pdf.js cancels ranges often) and drops
    // the response if the file vanished after it was resolved; for a client already gone no file is opened.
    if (response.destroyed) return;
    pipeline(createReadStream(file.path, range ?? {}), response, () => undefined);
  }

  let indexHtml: string | undefined;
  async function sendIndex(response: http.ServerResponse): Promise<void> {
    indexHtml ??= injectBridge(await readFile(`${options.rendererDir}/index.html`, 'utf8'));
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    response.end(indexHtml);
  }

  function openEventStream(response: http.ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = options.services.events.subscribe((name, payload) => {
      response.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
    });
    response.on('close', () => {
      unsubscribe();
      streams.delete(response);
    });
  }

  function secretMatches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(secret);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    launchUrl: `${origin}/launch?key=${secret}`,
    async close() {
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** Puts the HTTP bridge in front of the renderer's own scripts, so `window.kioskBridge` exists when they run. */
function injectBridge(html: string): string {
  const tag = `<script type="module" src="${bridgeScript}"></script>`;
  return html.replace('<head>', `<head>\n    ${tag}`);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

async function readBody(request: http.IncomingMessage): Promise<string | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxRequestBytes) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}
