/**
 * The browser host's file streams: a client that stops reading halfway (as pdf.js does with ranges
 * it no longer needs) must not leave the file open, and the host must outlive it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../../main/api/dispatch.ts';
import { EventHub } from '../../../../main/api/event-hub.ts';
import { startBrowserHost, type BrowserHost } from '../../../../main/host/browser/server.ts';
import { contentPath } from '../../../../main/store/content-paths.ts';
import { testLog } from './test-log.ts';

let base: string;
let host: BrowserHost;
let cookie: string;
let filePath: string;
let fileUrl: string;

async function openDescriptorsOf(target: string): Promise<number> {
  let count = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    if ((await readlink(`/proc/self/fd/${fd}`).catch(() => '')) === target) count++;
  }
  return count;
}

/** Reads the first chunk of `url` and then drops the connection. */
function readFirstChunkAndAbort(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie } }, (response) => {
      response.once('data', (chunk: Buffer) => {
        request.destroy();
        resolve(chunk.length);
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
  });
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'browser-host-streams-'));
  const rendererDir = path.join(base, 'renderer');
  const dataDir = path.join(base, 'data');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  // Large enough that the server cannot have sent it all before the client goes away.
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024 * 1024)]);
  const hash = createHash('sha256').update(bytes).digest('hex');
  filePath = contentPath(dataDir, hash);
  await mkdir(path.dirname(filePath), { recursive: true });
  await writeFile(filePath, bytes);
  host = await startBrowserHost({
    services: {
      handlers: {} as Handlers,
      events: new EventHub(),
      log: testLog(dataDir),
      gate: { admits: () => false },
      close: () => Promise.resolve(),
    },
    rendererDir,
    dataDir,
  });
  fileUrl = `${host.origin}/content/${hash}`;
  const launch = await fetch(host.launchUrl, { redirect: 'manual' });
  cookie = String(launch.headers.get('set-cookie')).split(';')[0]!;
});

afterAll(async () => {
  await host?.close();
  await rm(base, { recursive: true, force: true });
});

/** Sends a request for `url` and closes the connection at once, before any answer can arrive. */
function requestAndVanish(url: string): Promise<void> {
  return new Promise((resolve) => {
    const request = http.get(url, { headers: { cookie } });
    request.on('error', () => resolve());
    request.on('socket', (socket) => socket.on('connect', () => setImmediate(() => request.destroy())));
    request.on('close', () => resolve());
  });
}

async function settledDescriptorCount(): Promise<number> {
  let open = await openDescriptorsOf(filePath);
  for (let waited = 0; open > 0 && waited < 50; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    open = await openDescriptorsOf(filePath);
  }
  return open;
}

describe.runIf(process.platform === 'linux')('browser host file streams', () => {
  it('opens no file for, and leaks none to, clients that leave before the answer', async () => {
    await Promise.all(Array.from({ length: 40 }, () => requestAndVanish(fileUrl)));
    expect(await settledDescriptorCount()).toBe(0);
  });

  it('closes the file when the client goes away mid-transfer', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect(await readFirstChunkAndAbort(fileUrl)).toBeGreaterThan(0);
    expect(await settledDescriptorCount()).toBe(0);
    const again = await fetch(fileUrl, { headers: { cookie, range: 'bytes=0-8' } });
    expect(again.status).toBe(206);
    expect(await again.text()).toBe('%PDF-1.7\n');
  });
});
