import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveContentFile } from '../../../main/host/content-files.ts';
import { createSchemeHandler } from '../../../main/host/electron/app-scheme.ts';
import { contentPath } from '../../../main/store/content-paths.ts';

let dataDir: string;
let pdfHash: string;
const pdfBytes = Buffer.from('%PDF-1.7\n' + 'x'.repeat(1000) + '\n%%EOF\n');

async function store(bytes: Buffer): Promise<string> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const target = contentPath(dataDir, hash);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return hash;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'content-route-'));
  pdfHash = await store(pdfBytes);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('resolveContentFile', () => {
  it.each([
    ['application/pdf', Buffer.from('%PDF-1.4\n')],
    ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
    ['image/webp', Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1')],
    ['audio/wav', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
    ['audio/ogg', Buffer.from('OggS\x00\x02\x00\x00\x00\x00\x00\x00', 'latin1')],
    ['video/webm', Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86])],
    ['video/mp4', Buffer.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d])],
    ['application/octet-stream', Buffer.from('just some text')],
  ])('names a stored file %s by its first bytes', async (mediaType, bytes) => {
    const hash = await store(bytes);
    expect(await resolveContentFile(dataDir, `/content/${hash}`)).toEqual({
      path: contentPath(dataDir, hash),
      size: bytes.length,
      mediaType,
    });
  });

  it('refuses anything that is not a 64-hex name of a stored regular file', async () => {
    const linkHash = 'ab'.repeat(32);
    await mkdir(path.dirname(contentPath(dataDir, linkHash)), { recursive: true });
    await symlink('/etc/passwd', contentPath(dataDir, linkHash));
    for (const urlPath of [
      '/content/',
      '/content',
      `/content/${pdfHash.toUpperCase()}`,
      `/content/${pdfHash}/`,
      `/content/${pdfHash.slice(0, 63)}`,
      `/content/${pdfHash}0`,
      `/content/${pdfHash.slice(0, 2)}`,
      `/content/${pdfHash.slice(0, 2)}/${pdfHash}`,
      `/content/../catalog.sqlite`,
      `/content/${'0'.repeat(64)}`,
      `/content/${linkHash}`,
    ]) {
      expect(await resolveContentFile(dataDir, urlPath), urlPath).toBeUndefined();
    }
  });
});

it('refuses a file reached through a shard folder that is a link out of the data folder', async () => {
  const outside = await mkdtemp(path.join(os.tmpdir(), 'content-outside-'));
  const secret = Buffer.from('%PDF-1.4 not in the store\n');
  const hash = createHash('sha256').update(secret).digest('hex');
  await writeFile(path.join(outside, hash), secret);
  const linked = path.dirname(contentPath(dataDir, hash));
  await rm(linked, { recursive: true, force: true });
  await symlink(outside, linked);
  try {
    expect(await resolveContentFile(dataDir, `/content/${hash}`)).toBeUndefined();
  } finally {
    await rm(linked, { force: true });
    await rm(outside, { recursive: true, force: true });
  }
});

describe('kiosk://app/content in the Electron scheme', () => {
  const handler = () => createSchemeHandler({ app: dataDir, dataDir });

  it('serves a stored PDF with its type, the security headers and byte ranges', async () => {
    const whole = await handler()(new Request(`kiosk://app/content/${pdfHash}`));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/pdf');
    expect(whole.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(pdfBytes);

    const part = await handler()(new Request(`kiosk://app/content/${pdfHash}`, { headers: { range: 'bytes=2-5' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-5/${pdfBytes.length}`);
    expect(await part.text()).toBe('DF-1');
  });

  it('answers 404 for names that are not a digest and 416 for a range past the end', async () => {
    expect((await handler()(new Request('kiosk://app/content/'))).status).toBe(404);
    expect((await handler()(new Request('kiosk://app/content/catalog.sqlite'))).status).toBe(404);
    const past = await handler()(
      new Request(`kiosk://app/content/${pdfHash}`, { headers: { range: `bytes=${pdfBytes.length}-` } }),
    );
    expect(past.status).toBe(416);
  });
});
