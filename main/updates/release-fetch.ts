/**
 * Fetches `release.json` and `release.sig` from the release folder on the update server, each read no further
 * than its size limit (`boundedGet`), so a hostile server cannot make the kiosk read endless data.
 */
import { boundedGet } from './bounded-get.ts';
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

export async function fetchRelease(
  folderUrl: string,
  options: { timeoutMs?: number } = {},
): Promise<{ text: string; signature: string }> {
  const get = async (name: string, maxBytes: number) =>
    (
      await boundedGet(new URL(name, folderUrl).toString(), { maxBytes, timeoutMs: options.timeoutMs ?? 30_000 })
    ).body.toString('utf8');
  const [text, signature] = await Promise.all([
    get(RELEASE_FILE, MAX_RELEASE_BYTES),
    get(RELEASE_SIGNATURE_FILE, MAX_RELEASE_SIGNATURE_BYTES),
  ]);
  return { text, signature };
}
