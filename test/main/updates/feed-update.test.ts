/**
 * A kiosk updates from a real nginx serving a site written by `publish feed`: the full pack, then a delta that
 * fetches only its new files; an unchanged feed costs a 304; a download cut mid-file (nginx killed) resumes at
 * the byte it reached, without fetching finished files again, also from a fresh start of the checker. Feeds that
 * are tampered with, expired, older than one accepted, mixed with another feed's signature, or too large are
 * refused and the collection stays as it was. The window and the speed cap hold, on an injected clock.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { publicEntry, type PrivateKeyFile } from '../../../main/packs/signing-keys.ts';
import type { TrustStore } from '../../../main/packs/trust-store.ts';
import { contentPath } from '../../../main/store/content-paths.ts';
import { lstatStored } from '../../../main/store/content-store.ts';
import type { Pace } from '../../../main/updates/download-file.ts';
import { checkFeed, type FeedCheckContext } from '../../../main/updates/feed-check.ts';
import { writeFeed } from '../../../tools/publish/feed/write-feed.ts';
import {
  deltaManifest,
  fullManifest,
  itemFor,
  randomFile,
  testKey,
  writeTestPack,
  type FixtureFile,
} from '../packs/import-fixtures.ts';
import { openKiosk, snapshot, type Kiosk } from '../packs/import-helpers.ts';
import { tempDir, writeKey } from '../packs/pack-fixtures.ts';
import { serveWithNginx, type NginxSite } from './nginx-site.ts';

let work: string;
let site: string;
let server: NginxSite;
let kiosk: Kiosk;
let key: PrivateKeyFile;
let keyFile: string;
let trust: TrustStore;
let now: Date;
// The first version: three small files and one of 3 MB, so a cut lands inside it.
const small = [randomFile(40_000), randomFile(50_000), randomFile(60_000)];
const big = randomFile(3_000_000);
const added = randomFile(70_000);

beforeEach(async () => {
  work = await tempDir('feed-update-');
  site = path.join(work, 'site');
  ({ key, trust } = testKey('centre-2027', ['agriculture']));
  keyFile = await writeKey(work, key);
  now = new Date('2027-03-01T10:00:00Z');
  kiosk = openKiosk(path.join(work, 'data'), trust);
});
afterEach(async () => {
  await server?.close();
  await kiosk.catalog.close();
  await rm(work, { recursive: true, force: true });
});

async function publishV1(): Promise<string> {
  const files = [...small, big];
  const dir = path.join(work, 'packs', 'farm-v1');
  if (await stat(dir).catch(() => undefined)) return dir;
  await writeTestPack(dir, key, fullManifest(key, { id: 'farm', channel: 'agriculture', files }), files);
  return dir;
}

/** v2 adds one item with one new file; published as a full pack and as a delta from v1. */
async function publishV2(): Promise<string[]> {
  const files: FixtureFile[] = [...small, big, added];
  const items = [...small, big].map((file, index) => itemFor(`item-${index + 1}`, [file]));
  const full = path.join(work, 'packs', 'farm-v2');
  await writeTestPack(
    full,
    key,
    fullManifest(key, {
      id: 'farm',
      channel: 'agriculture',
      version: 2,
      files,
      items: [...items, itemFor('item-new', [added])],
    }),
    files,
  );
  const delta = path.join(work, 'packs', 'farm-v1-v2');
  await writeTestPack(
    delta,
    key,
    deltaManifest(key, {
      id: 'farm',
      channel: 'agriculture',
      baseVersion: 1,
      version: 2,
      files: [added],
      addItems: [itemFor('item-new', [added])],
    }),
    [added],
  );
  return [full, delta];
}

function context(extra: Partial<FeedCheckContext> = {}): FeedCheckContext {
  return {
    dataDir: kiosk.dataDir,
    feedUrl: `${server.url}feed.json`,
    channels: ['agriculture'],
    window: null,
    bytesPerSecond: () => 0,
    now: () => now,
    trust: async () => trust,
    installed: async () => (await kiosk.catalog.api.installedPacks()).map(({ id, version }) => ({ id, version })),
    stored: async (sha256) =>
      (await lstatStored(kiosk.dataDir, sha256)) ? contentPath(kiosk.dataDir, sha256) : undefined,
    checkRoom: async () => undefined,
    importFolder: (dir) => importPack(dir, kiosk.options({ now: () => now })),
    ...extra,
  };
}

const fetchedPaths = async () => (await server.requests()).map((request) => request.path);

test('the kiosk loads the full pack, then only the delta’s new file, and an unchanged feed costs a 304', async () => {
  await writeFeed({ packDirs: [await publishV1()], keyFile, outDir: site, now });
  server = await serveWithNginx(site);
  expect(await checkFeed(context())).toMatchObject({
    state: 'updated',
    loaded: [{ packId: 'farm', version: 1 }],
    failed: [],
  });
  expect((await kiosk.catalog.api.installedPacks()).map((pack) => pack.version)).toEqual([1]);

  const first = await server.requests();
  expect(await checkFeed(context())).toEqual({ state: 'up-to-date', feedVersion: 1 });
  const again = (await server.requests()).slice(first.length);
  expect(again).toEqual([{ method: 'GET', path: '/feed.json', status: 304, bytesSent: 0, range: '' }]);

  await writeFeed({ packDirs: [...(await publishV2()), await publishV1()], keyFile, outDir: site, now });
  const before = (await server.requests()).length;
  const outcome = await checkFeed(context());
  expect(outcome).toMatchObject({ state: 'updated', feedVersion: 2, loaded: [{ packId: 'farm', version: 2 }] });
  const fetched = (await server.requests()).slice(before).filter((request) => request.path.startsWith('/files/'));
  expect(fetched.map((request) => request.path)).toEqual([`/files/${added.sha256}`]);
  expect((await kiosk.catalog.api.installedPacks()).map((pack) => pack.version)).toEqual([2]);
  // The staging folder is gone once the pack is in.
  expect(await readdir(path.join(kiosk.dataDir, 'updates', 'staging'))).toEqual([]);
});

test('a download cut mid-file resumes at the byte it reached and never fetches a finished file again', async () => {
  await writeFeed({ packDirs: [await publishV1()], keyFile, outDir: site, now });
  // 400 KB/s: the 3 MB file takes over seven seconds, so the cut lands inside it.
  server = await serveWithNginx(site, { filesBytesPerSecond: 400_000 });
  const checking = checkFeed(context());
  const part = path.join(kiosk.dataDir, 'updates', 'staging');
  let reached = 0;
  for (let tries = 0; tries < 200 && reached < 800_000; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    reached = await partBytes(part);
  }
  expect(reached).toBeGreaterThanOrEqual(800_000);
  await server.kill();
  const cut = await checking;
  expect(cut).toMatchObject({ state: 'updated', loaded: [], failed: [{ packId: 'farm', code: 'unreachable' }] });
  const kept = await partBytes(part);
  expect(kept).toBeGreaterThanOrEqual(800_000);
  expect(await kiosk.catalog.api.installedPacks()).toEqual([]);

  const requestsBefore = await server.requests();
  await server.start({});
  // A fresh checker, as after a restart: all it knows is on disk.
  expect(await checkFeed(context())).toMatchObject({ state: 'updated', loaded: [{ packId: 'farm', version: 1 }] });
  const after = (await server.requests()).slice(requestsBefore.length);
  const bigRequests = after.filter((request) => request.path === `/files/${big.sha256}`);
  expect(bigRequests).toEqual([
    { method: 'GET', path: `/files/${big.sha256}`, status: 206, bytesSent: big.size - kept, range: `bytes=${kept}-` },
  ]);
  for (const file of small) {
    const finishedBefore = requestsBefore.some(
      (request) =>
        request.path === `/files/${file.sha256}` && request.status === 200 && request.bytesSent === file.size,
    );
    if (finishedBefore) expect(after.some((request) => request.path === `/files/${file.sha256}`)).toBe(false);
  }
});

test('a kiosk killed mid-download resumes after its restart at the byte the disk holds', async () => {
  await writeFeed({ packDirs: [await publishV1()], keyFile, outDir: site, now });
  server = await serveWithNginx(site, { filesBytesPerSecond: 400_000 });
  const child = spawn(
    process.execPath,
    [
      path.join(import.meta.dirname, 'feed-child.ts'),
      JSON.stringify({ dataDir: kiosk.dataDir, feedUrl: `${server.url}feed.json`, key: publicEntry(key) }),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const staging = path.join(kiosk.dataDir, 'updates', 'staging');
  let reached = 0;
  for (let tries = 0; tries < 300 && reached < 800_000; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    reached = await partBytes(staging);
  }
  child.kill('SIGKILL');
  await exited;
  const kept = await partBytes(staging);
  expect(kept).toBeGreaterThanOrEqual(800_000);
  const before = (await server.requests()).length;
  expect(await checkFeed(context())).toMatchObject({ state: 'updated', loaded: [{ packId: 'farm', version: 1 }] });
  const after = (await server.requests()).slice(before).filter((request) => request.path.startsWith('/files/'));
  expect(after).toEqual([
    { method: 'GET', path: `/files/${big.sha256}`, status: 206, bytesSent: big.size - kept, range: `bytes=${kept}-` },
  ]);
});

test('tampered, expired, older, mixed and oversized feeds are refused and the collection stays as it was', async () => {
  await writeFeed({ packDirs: [await publishV1()], keyFile, outDir: site, now });
  const v1Feed = await readFile(path.join(site, 'feed.json'));
  const v1Sig = await readFile(path.join(site, 'feed.sig'));
  server = await serveWithNginx(site);
  await checkFeed(context());
  await writeFeed({ packDirs: await publishV2(), keyFile, outDir: site, now });
  const v2Feed = await readFile(path.join(site, 'feed.json'));
  const v2Sig = await readFile(path.join(site, 'feed.sig'));
  const state = await snapshot(kiosk);
  const refused = async (code: string, extra: Partial<FeedCheckContext> = {}) => {
    await expect(checkFeed(context(extra))).rejects.toMatchObject({ code });
    expect(await snapshot(kiosk)).toEqual(state);
  };

  const tampered = Buffer.from(v2Feed);
  tampered[tampered.indexOf('"version": 2') + 11] = '3'.charCodeAt(0);
  await writeFile(path.join(site, 'feed.json'), tampered);
  await refused('bad-signature');
  // Mix and match: this feed's bytes under the other feed's signature.
  await writeFile(path.join(site, 'feed.json'), v2Feed);
  await writeFile(path.join(site, 'feed.sig'), v1Sig);
  await refused('bad-signature');
  await writeFile(path.join(site, 'feed.sig'), v2Sig);
  await refused('expired', { now: () => new Date(now.getTime() + 49 * 3_600_000) });
  // Accept v2 (no download: outside the window), then an attacker serves v1 again.
  expect(await checkFeed(context({ window: { fromHour: 1, toHour: 2 } }))).toMatchObject({
    state: 'waiting-window',
    feedVersion: 2,
  });
  await writeFile(path.join(site, 'feed.json'), v1Feed);
  await writeFile(path.join(site, 'feed.sig'), v1Sig);
  await refused('replayed');
  // A manifest swapped on the site is not the one the signed feed names.
  await writeFile(path.join(site, 'feed.json'), v2Feed);
  await writeFile(path.join(site, 'feed.sig'), v2Sig);
  const deltaForm = (JSON.parse(v2Feed.toString()) as { packs: { deltas: { manifest: string }[] }[] }).packs[0]!
    .deltas[0]!.manifest;
  const manifestFile = path.join(site, 'packs', deltaForm, 'manifest.json');
  const manifest = await readFile(manifestFile);
  await writeFile(manifestFile, Buffer.concat([manifest.subarray(0, -1), Buffer.from(' ')]));
  expect(await checkFeed(context())).toMatchObject({
    state: 'updated',
    loaded: [],
    failed: [{ code: 'hash-mismatch' }],
  });
  expect(await snapshot(kiosk)).toEqual(state);
  // Two megabytes where the feed should be, sent slowly: refused from its length, not read whole.
  await writeFile(path.join(site, 'feed.json'), Buffer.alloc(2 * 1024 * 1024, 0x20));
  await server.kill();
  await server.start({ feedBytesPerSecond: 100_000 });
  const before = (await server.requests()).length;
  await refused('too-large');
  const oversized = (await server.requests()).slice(before).find((request) => request.path === '/feed.json')!;
  expect(oversized.bytesSent).toBeLessThan(1024 * 1024);
});

test('outside the download window nothing is fetched; the speed cap paces downloads on the injected clock', async () => {
  await writeFeed({ packDirs: [await publishV1()], keyFile, outDir: site, now });
  server = await serveWithNginx(site);
  // 10:00 local time; the window is 22–06.
  const late = { fromHour: 22, toHour: 6 };
  const local = new Date(2027, 2, 1, 10, 0);
  const waiting = await checkFeed(context({ window: late, now: () => local }));
  expect(waiting).toMatchObject({ state: 'waiting-window', opensAt: new Date(2027, 2, 1, 22, 0).toISOString() });
  expect((await fetchedPaths()).filter((request) => request.startsWith('/files/'))).toEqual([]);

  let clock = 0;
  let waited = 0;
  const pace: Pace = {
    now: () => clock,
    wait: async (ms) => {
      waited += ms;
      clock += ms;
    },
  };
  const rate = 500_000;
  const night = new Date(2027, 2, 1, 23, 0);
  expect(await checkFeed(context({ window: late, now: () => night, bytesPerSecond: () => rate, pace }))).toMatchObject({
    state: 'updated',
    loaded: [{ packId: 'farm' }],
  });
  const bytes = [...small, big].reduce((sum, file) => sum + file.size, 0);
  // Each file is paced on its own from its first byte: the waits add up to its size at the cap, less one chunk.
  expect(waited).toBeGreaterThan(((bytes - 4 * 65_536) / rate) * 1000);
  expect(waited).toBeLessThanOrEqual((bytes / rate) * 1000 + 1);
});

test('a window that closes mid-download stops at a chunk’s end and keeps the bytes for the next night', async () => {
  await writeFeed({ packDirs: [await publishV1()], keyFile, outDir: site, now });
  server = await serveWithNginx(site);
  let hour = 23;
  let chunks = 0;
  const night = { fromHour: 22, toHour: 6 };
  const clock = () => new Date(2027, 2, 1, hour, 30);
  const paused = await checkFeed(
    context({
      window: night,
      now: clock,
      pace: { now: () => 0, wait: async () => undefined },
      // The window closes after the 20th chunk read.
      bytesPerSecond: () => {
        if (++chunks === 20) hour = 7;
        return 0;
      },
    }),
  );
  expect(paused).toMatchObject({ state: 'updated', loaded: [], failed: [{ code: 'paused' }] });
  const kept = await partBytes(path.join(kiosk.dataDir, 'updates', 'staging'));
  expect(kept).toBeGreaterThan(0);
  hour = 23;
  expect(await checkFeed(context({ window: night, now: clock }))).toMatchObject({ loaded: [{ packId: 'farm' }] });
});

/** The bytes in `.part` files under the staging folder. */
async function partBytes(stagingRoot: string): Promise<number> {
  let total = 0;
  for (const form of await readdir(stagingRoot).catch(() => [] as string[])) {
    const files = path.join(stagingRoot, form, 'files');
    for (const name of await readdir(files).catch(() => [] as string[])) {
      if (name.endsWith('.part')) total += (await stat(path.join(files, name)).catch(() => ({ size: 0 }))).size;
    }
  }
  return total;
}
