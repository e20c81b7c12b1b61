/**
 * The privileged `kiosk://` scheme the renderer is loaded from (never file://):
 * kiosk://app/… serves the built renderer and kiosk://app/content/<sha256> the content store,
 * with the security headers on every response and byte ranges so media and large PDFs stream.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { isContentRequest, resolveContentFile } from '../content-files.ts';
import { securityHeaders, securityHeadersFor } from '../security-headers.ts';
import { parseRange, resolveStaticFile } from '../static-files.ts';

export const scheme = 'kiosk';
export const appOrigin = `${scheme}://app`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Must run before the app is ready. */
export function registerSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

export interface SchemeRoots {
  /** Folder served at kiosk://app/ */
  app: string;
  /** The data folder whose content store is served at kiosk://app/content/<sha256>. */
  dataDir: string;
}

export function createSchemeHandler(roots: SchemeRoots): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return plain(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed.');
    const file = isContentRequest(url.pathname)
      ? await resolveContentFile(roots.dataDir, url.pathname)
      : await resolveStaticFile(roots.app, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return plain(404, 'Not found.');
    const range = parseRange(request.headers.get('range'), file.size);
    if (range === 'unsatisfiable') {
      return new Response(null, {
        status: 416,
        headers: { ...securityHeaders, 'Content-Range': `bytes */${file.size}` },
      });
    }
    const headers: Record<string, string> = {
      ...securityHeadersFor(url.pathname),
      'Content-Type': file.mediaType,
      'Accept-Ranges': 'bytes',
      'Content-Length': String(range ? range.end - range.start + 1 : file.size),
    };
    if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.size}`;
    const body =
      request.method === 'HEAD'
        ? null
        : (Readable.toWeb(createReadStream(file.path, range ?? {})) as ReadableStream<Uint8Array>);
    return new Response(body, { status: range ? 206 : 200, headers });
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}
