/**
 * The Updates screen's calls through the real services: off without a feed address; "check now" against a real
 * nginx loads the venue's channel, reports progress and the outcome, and writes the log; a refused feed is shown
 * to staff with its code, and the collection keeps what it had.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { resourcesDir } from '../../../main/app-paths.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { createKioskServices, type ServicesWithReleases } from '../../../main/services.ts';
import type { UpdatesStatus } from '../../../preload/contract/updates.ts';
import { writeFeed } from '../../../tools/publish/feed/write-feed.ts';
import { fullManifest, randomFile, testKey, writeTestPack } from '../packs/import-fixtures.ts';
import { tempDir, writeKey, writeSystemKeys } from '../packs/pack-fixtures.ts';
import { serveWithNginx, type NginxSite } from './nginx-site.ts';

let work: string;
let server: NginxSite;
let services: ServicesWithReleases;
const now = new Date('2027-03-01T10:00:00Z');
const silent = { error: () => undefined };

beforeEach(async () => {
  work = await tempDir('updates-capability-');
  const { key } = testKey('centre-2027', ['agriculture']);
  const files = [randomFile(200_000), randomFile(300_000)];
  const pack = path.join(work, 'farm-v1');
  await writeTestPack(pack, key, fullManifest(key, { id: 'farm', channel: 'agriculture', files }), files);
  await writeFeed({ packDirs: [pack], keyFile: await writeKey(work, key), outDir: path.join(work, 'site'), now });
  server = await serveWithNginx(path.join(work, 'site'));
  const keysDir = await writeSystemKeys(path.join(work, 'keys'), key);
  services = await createKioskServices({
    dataDir: path.join(work, 'data'),
    resourcesDir,
    host: 'browser',
    version: '1.4.0',
    clock: { now: () => now },
    systemKeysDir: keysDir,
    demoCollection: false,
  });
});
afterEach(async () => {
  await services.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
});

const call = async <T>(name: string, request: unknown = {}): Promise<T> => {
  const answer = await dispatch(services.handlers, name, request, {
    caller: 'staff',
    gate: services.gate,
    log: silent,
  });
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
};

async function staffWithFeed(feedUrl: string) {
  const { setUp } = await call<{ setUp: boolean }>('staff.state');
  if (!setUp) await call('staff.setUp', { pin: '482913' });
  const settings = await call<object>('staff.settings');
  await call('staff.saveSettings', { settings: { ...settings, feedUrl, channels: ['agriculture'] } });
}

/** "Check now", then the status once the check is over (bounded: a check against loopback takes a second or two). */
async function checkNow(): Promise<{ final: UpdatesStatus; changes: number }> {
  let changes = 0;
  const unsubscribe = services.events.subscribe((name) => {
    if (name === 'updates.changed') changes++;
  });
  await call('staff.checkUpdates');
  for (let tries = 0; tries < 200; tries++) {
    const status = await call<UpdatesStatus>('staff.updates');
    if (!['checking', 'downloading'].includes(status.state)) {
      unsubscribe();
      return { final: status, changes };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the check did not end within ten seconds');
}

test('without a feed address updates are off; check now loads the venue’s channel and logs it', async () => {
  await call('staff.setUp', { pin: '482913' });
  expect(await call('staff.updates')).toMatchObject({ state: 'off', appVersion: '1.4.0' });
  const forbidden = await dispatch(
    services.handlers,
    'staff.checkUpdates',
    {},
    { caller: 'visitor', gate: services.gate, log: silent },
  );
  expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  await staffWithFeed(`${server.url}feed.json`);
  const { final, changes } = await checkNow();
  // Checking, at least one progress report, and the outcome.
  expect(changes).toBeGreaterThanOrEqual(3);
  expect(final).toMatchObject({
    state: 'updated',
    feedVersion: 1,
    loaded: [{ packId: 'farm', version: 1, fetchedBytes: expect.any(Number) }],
    problems: [],
    progress: null,
  });
  expect(final.loaded[0]!.fetchedBytes).toBeGreaterThan(500_000);
  const collection = await call<{ packs: { id: string; version: number }[] }>('staff.collection');
  expect(collection.packs).toMatchObject([{ id: 'farm', version: 1 }]);
  const log = await call<{ entries: { area: string; message: string }[] }>('staff.log', {});
  expect(
    log.entries.some((entry) => entry.area === 'updates' && entry.message.startsWith('Loaded farm version 1')),
  ).toBe(true);
  expect((await checkNow()).final.state).toBe('up-to-date');
});

test('a feed the kiosk refuses is shown with its code and changes nothing', async () => {
  await staffWithFeed(`${server.url}feed.json`);
  await writeFile(path.join(work, 'site', 'feed.sig'), '{"format":1,"keyId":"centre-2027","signature":"AAAA"}\n');
  const { final } = await checkNow();
  expect(final).toMatchObject({ state: 'failed', problems: [{ code: 'bad-signature' }] });
  expect((await call<{ packs: unknown[] }>('staff.collection')).packs).toEqual([]);
});

test('what the app updater holds reaches the Updates screen', async () => {
  await call('staff.setUp', { pin: '482913' });
  expect(await call('staff.updates')).toMatchObject({ appUpdate: null });
  services.releases.report({ version: '1.5.0', state: 'visitor-active' });
  expect(await call('staff.updates')).toMatchObject({ appUpdate: { version: '1.5.0', state: 'visitor-active' } });
  services.releases.report(null);
  expect(await call('staff.updates')).toMatchObject({ appUpdate: null });
});
