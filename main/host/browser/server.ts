/**
 * The browser host: serves the built renderer and the kiosk contract over HTTP on 127.0.0.1 only.
 * Calls are POST /api/call/<name>; events stream from GET /api/events as server-sent events.
 * The launch link carries a one-time token, good for a minute, which /launch trades for a random
 * session secret in an HttpOnly cookie; every API request must also carry the session's header
 * token, which only the page served to that session learns. Stored content at /content/<sha256>
 * needs the cookie. Connections, headers, bodies and idle time are bounded, a connection without the
 * cookie gives way to a new one at the cap, and a refused request loses its connection, so neither a
 * flood of sockets nor of bytes can starve the kiosk.
 * Run under the supervisor (`supervisor.ts`), it is handed its pairing and its connections instead of
 * making and listening for its own, so a restarted server still knows the page it had.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { pipeline } from 'node:stream';
import type { AddressInfo, Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { dispatch } from '../../api/dispatch.ts';
import type { KioskServices } from '../../services.ts';
import { isContentRequest, resolveContentFile } from '../content-files.ts';
import { securityHeadersFor } from '../security-headers.ts';
import { launchedPairing, newPairing, type HostPairing } from './pairing.ts';
import { foreignRequestReason } from './request-origin.ts';
import { parseRange, resolveStaticFile, type ResolvedFile } from '../static-files.ts';

export interface BrowserHostOptions {
  services: KioskServices;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** The data folder whose content store is served at /content/<sha256>. */
  dataDir: string;
  port?: number;
  /**
   * Given by the supervisor, which listens at `origin` itself and hands each connection to `accept`:
   * this server then opens no socket of its own. Its pairing is the supervisor's, kept across restarts.
   */
  supervised?: {
    origin: string;
    pairing: HostPairing;
    /** Told when `/launch` spends the token, before the page is answered, so a restart cannot revive it. */
    launched(): Promise<void>;
  };
  /** Overrides of the connection limits, so tests can reach them with a handful of sockets. */
  limits?: Partial<ConnectionLimits>;
}

export interface ConnectionLimits {
  /**
   * Open connections at most. At the cap a new one pushes out the oldest that has not made a request
   * with the session cookie; it is refused only when every other one has.
   */
  maxConnections: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How often Node looks for connections past headersTimeout or requestTimeout. */
  checkIntervalMs: number;
  launchTokenTtlMs: number;
}

/**
 * Far below the 1,024 file descriptors a default ulimit allows, far above what one kiosk page
 * opens (a few fetches, one event stream, pdf.js ranges).
 */
const defaultLimits: ConnectionLimits = {
  maxConnections: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  launchTokenTtlMs: 60_000,
};

export interface BrowserHost {
  /** The origin the kiosk is served from, e.g. http://127.0.0.1:4173 */
  readonly origin: string;
  /** Opening this URL signs the browser in for this launch; keep it private. */
  readonly launchUrl: string;
  /** Serves a connection the supervisor accepted (see `supervised`). */
  accept(socket: Socket): void;
  close(): Promise<void>;
}

const cookieName = 'kiosk_session';
export const sessionHeader = 'x-kiosk-session';
/** The page learns its header token from this meta tag, because the CSP allows no inline script. */
export const sessionMetaName = 'kiosk-session';
const maxRequestBytes = 64 * 1024;
const bridgeScript = '/host-bridge.js';

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const limits = { ...defaultLimits, ...options.limits };
  // Chromium's command line (and so the launch token) is readable in /proc by every local user:
  // the token opens one session, once, within a minute, and is worth nothing afterwards.
  let pairing = options.supervised?.pairing ?? newPairing(Date.now(), limits.launchTokenTtlMs);
  /** The page's session, once the launch link has been opened. */
  let session = pairing.launched ? pairing.session : undefined;
  const sockets = new Set<import('node:net').Socket>();
  /** Connections that have not yet made a request with the session cookie, oldest first. */
  const strangers = new Set<import('node:net').Socket>();
  const streams = new Set<http.ServerResponse>();
  let origin = '';

  const server = http.createServer({ connectionsCheckingInterval: limits.checkIntervalMs }, (request, response) => {
    if (hasSessionCookie(request)) strangers.delete(request.socket);
    const pathname = (request.url ?? '').split('?')[0]!;
    for (const [name, value] of Object.entries(securityHeadersFor(pathname))) response.setHeader(name, value);
    handle(request, response).catch((error: unknown) => {
      options.services.log.write({
        level: 'error',
        area: 'host',
        // Without the query: the launch link carries its token there.
        message: `Answering ${request.method ?? '?'} ${(request.url ?? '').split('?')[0]!.slice(0, 200)} failed`,
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      if (!response.headersSent) sendJson(response, 500, { error: 'The kiosk could not answer this request.' });
      else response.destroy();
    });
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Every client is 127.0.0.1, so before its headers a hostile local program's socket looks like the
  // page's. Refusing newcomers at the cap (server.maxConnections) let one holding idle or slow sockets
  // keep every new connection of the page out; instead a newcomer pushes out the oldest connection
  // that has not shown the session cookie, and a connection that has is never pushed out.
  server.on('connection', (socket) => {
    sockets.add(socket);
    strangers.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      strangers.delete(socket);
    });
    if (sockets.size <= limits.maxConnections) return;
    // Oldest first (a Set keeps insertion order); the newcomer itself when every other one is signed in.
    const oldest = strangers.values().next().value!;
    // Forgotten now rather than at 'close', which comes later: the next newcomer must not pick it again.
    sockets.delete(oldest);
    strangers.delete(oldest);
    oldest.destroy();
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', origin);
    } catch {
      return refuse(request, response, 400, 'The request target is not a valid URL.');
    }
    // A page on another site could point a DNS name at 127.0.0.1; only our own Host is served.
    if (request.headers.host !== new URL(origin).host) return refuse(request, response, 421, 'Wrong host.');

    if (url.pathname === '/launch') {
      const valid =
        Date.now() < pairing.launchTokenExpires && secretMatches(url.searchParams.get('key'), pairing.launchToken);
      if (!valid) return refuse(request, response, 401, 'This launch link is not valid, or was used already.');
      pairing = launchedPairing(pairing);
      session = pairing.session;
      await options.supervised?.launched();
      response.setHeader('Set-Cookie', `${cookieName}=${session.cookie}; HttpOnly; SameSite=Strict; Path=/`);
      response.writeHead(303, { Location: '/' }).end();
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (!hasSessionCookie(request)) {
        return refuse(
          request,
          response,
          401,
          'This request does not carry the session cookie. Open the kiosk through the launch link printed at start.',
        );
      }
      // EventSource cannot send headers, so the event stream may carry the token in its query instead.
      const headerToken =
        request.headers[sessionHeader] ?? (url.pathname === '/api/events' ? url.searchParams.get('session') : null);
      if (typeof headerToken !== 'string' || !secretMatches(headerToken, session?.header))
        return refuse(request, response, 403, 'This request does not carry the session token of the kiosk page.');
      const foreign = foreignRequestReason(request.headers, origin);
      if (foreign) return refuse(request, response, 403, foreign);
      if (url.pathname === '/api/events' && request.method === 'GET') return openEventStream(response);
      const callName = /^\/api\/call\/([\w.-]+)$/.exec(url.pathname)?.[1];
      if (callName && request.method === 'POST') {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > maxRequestBytes) return refuse(request, response, 413, 'The request is too large.');
        const body = await readBody(request);
        if (body === 'too-large') return refuse(request, response, 413, 'The request is too large.');
        let parsed: unknown;
        try {
          parsed = body === '' ? {} : JSON.parse(body);
        } catch {
          return sendJson(response, 400, {
            ok: false,
            error: { code: 'bad-request', message: 'The request body is not valid JSON.' },
          });
        }
        return sendJson(
          response,
          200,
          await dispatch(options.services.handlers, callName, parsed, {
            caller: `browser:${session!.id}`,
            gate: options.services.gate,
          }),
        );
      }
      return refuse(request, response, 404, 'There is no such API route.');
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(request, response, 405, 'Method not allowed.');
    if (url.pathname === '/' || url.pathname === '/index.html') return sendIndex(request, response);
    if (isContentRequest(url.pathname)) {
      if (!hasSessionCookie(request))
        return refuse(request, response, 401, 'This request does not carry the session cookie.');
      const foreign = foreignRequestReason(request.headers, origin);
      if (foreign) return refuse(request, response, 403, foreign);
      const stored = await resolveContentFile(options.dataDir, url.pathname);
      if (!stored) return sendJson(response, 404, { error: 'Not found.' });
      // A kind of file the kiosk cannot show would only start a download in a system browser.
      if (!servableContentTypes.has(stored.mediaType))
        return refuse(request, response, 415, 'The kiosk does not show this kind of file.');
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
  /**
   * Only a page loaded with the session cookie learns the header token; any other page on this
   * machine can make the browser send the cookie but cannot read the kiosk's page (same-origin policy),
   * and a program without the cookie gets a page without the token.
   */
  async function sendIndex(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    indexHtml ??= await readFile(`${options.rendererDir}/index.html`, 'utf8');
    const token = session && hasSessionCookie(request) ? session.header : '';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(injectBridge(indexHtml, token));
  }

  function hasSessionCookie(request: http.IncomingMessage): boolean {
    return secretMatches(readCookie(request.headers.cookie, cookieName), session?.cookie);
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

  if (options.supervised) {
    origin = options.supervised.origin;
    // Node tracks connections, and so enforces headersTimeout and requestTimeout, from 'listening' on:
    // a server that never listens must say it is, or a slow client could hold its socket for ever.
    server.emit('listening');
  } else {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
  }

  return {
    origin,
    launchUrl: `${origin}/launch?key=${pairing.launchToken ?? ''}`,
    accept(socket) {
      server.emit('connection', socket);
      // Accepted paused (nothing is read before the hand-over); from here on it is this server's to read.
      socket.resume();
    },
    async close() {
      for (const stream of streams) stream.end();
      // Stops the connection checks too; a supervised server, which never listened, is told so in the callback.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** The media types of stored files the kiosk shows; anything else is refused rather than downloaded. */
const servableContentTypes = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'video/webm',
  'video/mp4',
  'audio/wav',
  'audio/ogg',
  'text/vtt; charset=utf-8',
]);

function secretMatches(candidate: string | null | undefined, expected: string | undefined): boolean {
  if (!candidate || !expected) return false;
  const given = Buffer.from(candidate);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Puts the HTTP bridge in front of the renderer's own scripts, so `window.kioskBridge` exists when
 * they run, and the session's header token in a meta tag the bridge reads (base64url needs no escaping).
 */
function injectBridge(html: string, token: string): string {
  const tags = [
    `<meta name="${sessionMetaName}" content="${token}">`,
    `<script type="module" src="${bridgeScript}"></script>`,
  ];
  return html.replace('<head>', `<head>\n    ${tags.join('\n    ')}`);
}

/**
 * Answers a request the kiosk will not serve and drops its connection: a refused client gets no
 * keep-alive socket to hold and no chance to make the server read the rest of a large body.
 */
function refuse(request: http.IncomingMessage, response: http.ServerResponse, status: number, error: string): void {
  response.setHeader('Connection', 'close');
  // Taken now: Node detaches the socket from the request once the answer is finished.
  const socket = response.socket ?? request.socket;
  response.on('finish', () => socket?.destroy());
  sendJson(response, status, { error });
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
