/**
 * Maps a request path onto a file inside one root folder, refusing anything that would leave it:
 * `..` segments in any encoding, backslashes, absolute paths, NUL bytes and symbolic links.
 * Both hosts serve the renderer and content through this.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const mediaTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

export function mediaTypeOf(filePath: string): string {
  return mediaTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface ResolvedFile {
  path: string;
  size: number;
  mediaType: string;
}

/**
 * Resolves the URL path `urlPath` (still percent-encoded, without query) under `root`.
 * Returns undefined for anything that is not a regular file inside the root.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<ResolvedFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return undefined;
  const realRoot = await realpath(root);
  const candidate = path.join(realRoot, ...segments);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return undefined;
  }
  // A symbolic link anywhere on the way makes the real path differ from the one asked for.
  if (real !== candidate || !(real === realRoot || real.startsWith(realRoot + path.sep))) return undefined;
  const info = await stat(real);
  if (!info.isFile()) return undefined;
  return { path: real, size: info.size, mediaType: mediaTypeOf(real) };
}

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a single-range `Range` header against a file of `size` bytes.
 * Returns undefined for no header, 'unsatisfiable' for a range outside the file.
 */
export function parseRange(header: string | undefined | null, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return 'unsatisfiable';
  let start: number;
  let end: number;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
