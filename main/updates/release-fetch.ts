/**
 * Fetches `release.json` and `release.sig` from the release folder on the update server, each with a size
 * limit enforced while reading, so a hostile server cannot make the kiosk read endless data.
 */
import {
  MAX_RELEASE_BYTES,
  MAX_RELEASE_SIGNATURE_BYTES,
  RELEASE_FILE,
  RELEASE_SIGNATURE_FILE,
} from './release-statement.ts';

/** The folder of app releases: `app/` beside the content feed (`…/feed.json` or the feed's folder itself). */
export function releaseFolderUrl(feedUrl: string): string {
  const url = new URL(feedUrl);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) {
    url.pathname = /\.[a-z0-9]+$/i.test(url.pathname) ? url.pathname.replace(/[^/]*$/, '') : `${url.pathname}/`;
  }
  return new URL('app/', url).toString();
}

export type FetchLike = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

export async function fetchRelease(
  folderUrl: string,
  options: { fetch?: FetchLike; timeoutMs?: number } = {},
): Promise<{ text: string; signature: string }> {
  const get = (name: string, limit: number) =>
    fetchBounded(new URL(name, folderUrl).toString(), limit, options.fetch ?? fetch, options.timeoutMs ?? 30_000);
  const [text, signature] = await Promise.all([
    get(RELEASE_FILE, MAX_RELEASE_BYTES),
    get(RELEASE_SIGNATURE_FILE, MAX_RELEASE_SIGNATURE_BYTES),
  ]);
  return { text, signature };
}

async function fetchBounded(url: string, limit: number, get: FetchLike, timeoutMs: number): Promise<string> {
  const response = await get(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    throw new Error(`${url}: larger than ${limit} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    // A server may send more than its Content-Length says, or none: the limit holds while reading (leaving
    // the loop cancels the body).
    if (size > limit) throw new Error(`${url}: larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
