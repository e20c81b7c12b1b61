import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRelease, releaseFolderUrl } from '../../../main/updates/release-fetch.ts';
import { MAX_RELEASE_BYTES } from '../../../main/updates/release-statement.ts';

let server: Server;
let base: string;
const served = new Map<string, { body: string; chunked?: boolean }>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const file = served.get(request.url ?? '');
    if (!file) return void response.writeHead(404).end();
    // Chunked: no Content-Length to refuse by, so the limit must hold while reading.
    if (file.chunked) response.writeHead(200, { 'transfer-encoding': 'chunked' });
    else response.writeHead(200, { 'content-length': Buffer.byteLength(file.body) });
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetching a release statement', () => {
  it('finds the release folder beside the content feed', () => {
    expect(releaseFolderUrl('https://centre.example/feed/feed.json')).toBe('https://centre.example/feed/app/');
    expect(releaseFolderUrl('https://centre.example/feed/')).toBe('https://centre.example/feed/app/');
    expect(releaseFolderUrl('https://centre.example/feed')).toBe('https://centre.example/feed/app/');
    expect(releaseFolderUrl('https://centre.example/feed.json?v=2')).toBe('https://centre.example/app/');
  });

  it('fetches release.json and release.sig from the folder', async () => {
    served.set('/site/app/release.json', { body: '{"a":1}\n' });
    served.set('/site/app/release.sig', { body: '{"format":1}\n' });
    await expect(fetchRelease(`${base}/site/app/`)).resolves.toEqual({
      text: '{"a":1}\n',
      signature: '{"format":1}\n',
    });
  });

  it('refuses an oversized statement, declared or not, and a missing one', async () => {
    const huge = 'x'.repeat(MAX_RELEASE_BYTES + 1);
    served.set('/big/app/release.json', { body: huge });
    served.set('/big/app/release.sig', { body: '{}' });
    await expect(fetchRelease(`${base}/big/app/`)).rejects.toMatchObject({ code: 'too-large' });
    served.set('/chunked/app/release.json', { body: huge, chunked: true });
    served.set('/chunked/app/release.sig', { body: '{}' });
    await expect(fetchRelease(`${base}/chunked/app/`)).rejects.toMatchObject({ code: 'too-large' });
    await expect(fetchRelease(`${base}/none/app/`)).rejects.toMatchObject({ code: 'http-error' });
  });
});
