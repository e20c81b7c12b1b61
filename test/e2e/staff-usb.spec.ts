/**
 * Loading from a real USB stick in the browser host: an ext4 image loop-mounted where the kiosk looks
 * for sticks, holding a pack signed by a key from a root-owned key folder. Staff see it ready, start it,
 * watch the progress, stop it, and load it again, which finishes from where the first attempt stopped.
 * The copy is capped at 1 MB/s so there is time to stop it. Staff then export usage to the same stick, and
 * the file verifies as the centre checks it, and fails after one changed byte. Needs root to mount.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { publicEntry } from '../../main/packs/signing-keys.ts';
import { fullManifest, itemFor, randomFile, testKey, writeTestPack } from '../main/packs/import-fixtures.ts';
import { mountExt4, unmountExt4 } from '../main/packs/import-helpers.ts';
import { kioskKeyFile } from '../../main/stats/kiosk-key.ts';
import { StatsStore } from '../../main/stats/stats-store.ts';
import { readVenues, verifyStatsExport } from '../../tools/publish/stats/verify-export.ts';
import { enterStaff, expect, kioskTestTime, pinnedTest as test, startHost, type KioskHost } from './fixtures.ts';

const pin = '482913';
let work: string;
let image: string;
let stick: string;
let cannotMount: string | undefined;
let host: KioskHost;
let child: ChildProcess | undefined;

test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kiosk-usb-e2e-'));
  image = path.join(work, 'stick.img');
  stick = path.join(work, 'media', 'STICK');
  cannotMount = mountExt4(image, stick, 64);
  if (cannotMount) return;
  const { key } = testKey('venue-centre', ['science']);
  const files = Array.from({ length: 16 }, () => randomFile(512 * 1024));
  const items = files.map((file, index) => itemFor(`leaflet-${index + 1}`, [file], `Field leaflet ${index + 1}`));
  await writeTestPack(path.join(stick, 'science-pack'), key, fullManifest(key, { files, items }), files);
  const keysDir = path.join(work, 'keys');
  await mkdir(keysDir, { mode: 0o755 });
  await writeFile(path.join(keysDir, 'centre.keys.json'), JSON.stringify({ format: 1, keys: [publicEntry(key)] }), {
    mode: 0o644,
  });
  const dataDir = path.join(work, 'data');
  await mkdir(dataDir);
  // Yesterday's visits, as the stats worker would have stored them: an export covers days up to yesterday.
  const yesterday = new Date(kioskTestTime.getTime() - 86_400_000).toISOString();
  const counts = new StatsStore(path.join(dataDir, 'stats.sqlite'));
  counts.record([
    { at: yesterday, kind: 'visit-start', detail: 'en' },
    { at: yesterday, kind: 'item-open', itemId: 'solar-basics', itemTitle: 'Solar power basics', subject: 'energy' },
    { at: yesterday, kind: 'visit-end', amount: 300, detail: 'finish' },
  ]);
  counts.close();
  ({ host, child } = await startHost(dataDir, [
    '--media-root',
    path.join(work, 'media'),
    '--system-keys-dir',
    keysDir,
    '--copy-rate',
    '1',
  ]));
});

test.afterAll(async () => {
  if (child) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
  }
  unmountExt4(image, stick);
  await rm(work, { recursive: true, force: true });
});

test('a pack on a real stick is loaded with progress, stopped, and loaded again from where it stopped', async ({
  page,
}) => {
  test.skip(cannotMount !== undefined, cannotMount);
  test.setTimeout(90_000);
  await enterStaff(page, host, pin);
  await page.getByRole('button', { name: /Load from USB/ }).click();

  const pack = page.getByTestId('staff-pack');
  await expect(pack).toHaveCount(1);
  await expect(pack).toContainText('science');
  await expect(pack).toContainText('Version 1');
  await expect(pack).toContainText('16 files, 8.4 MB');
  await expect(pack).toContainText(stick);
  await expect(page.getByTestId('pack-changes')).toHaveText(
    '16 new items, 0 in a new edition, 0 taken off the shelves',
  );
  await expect(pack).toContainText(/Room left afterwards: about [\d.]+ [MG]B/);

  await pack.getByRole('button', { name: 'Load this pack' }).click();
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText(/Copying…[\s\S]*of 8\.4 MB/);
  // Stopped once a few files are whole (two threads, 0.5 MB files, 1 MB/s), so there is something to resume.
  const copiedMegabytes = async () => Number(/([\d.]+) MB of/.exec((await progress.textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(copiedMegabytes, { timeout: 15_000 }).toBeGreaterThanOrEqual(2.5);
  await page.getByTestId('cancel-import').click();
  await expect(page.getByTestId('import-outcome')).toHaveText(
    'Loading the pack was stopped. Nothing was changed; files already copied are kept for the next attempt.',
  );

  await pack.getByRole('button', { name: 'Load this pack' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText(/^Loaded science, version 1: (\d+) files/, {
    timeout: 30_000,
  });
  // The second attempt copied only what the first had not: fewer than all 16 files.
  const copied = Number(/: (\d+) files/.exec((await page.getByTestId('import-outcome').textContent())!)![1]);
  expect(copied).toBeGreaterThan(0);
  expect(copied).toBeLessThan(16);
  await expect(pack).toContainText('Already loaded');

  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByTestId('attract').click();
  await expect(page.locator('main.home')).toContainText('Field leaflet 1');
});

test('usage exported to the real stick verifies with the kiosk’s key, and not after one changed byte', async ({
  page,
}) => {
  test.skip(cannotMount !== undefined, cannotMount);
  await enterStaff(page, host, pin);
  await page.getByRole('button', { name: /^Statistics/ }).click();
  const panel = page.getByTestId('export-panel');
  await expect(panel).toContainText(/This kiosk is venue k-[0-9a-f]{16}\./);
  const venueId = /venue (k-[0-9a-f]{16})/.exec((await panel.textContent()) ?? '')![1]!;
  await panel.locator('.staff-pack', { hasText: stick }).getByRole('button', { name: /Save/ }).click();
  await expect(page.getByTestId('export-outcome')).toHaveText(
    'Saved: export 1, 2027-02-28 to 2027-02-28. Take the stick to the centre.',
  );

  const folder = path.join(stick, 'reading-room-stats');
  const json = (await readdir(folder)).filter((name) => name.endsWith('.json') && name.startsWith(venueId));
  expect(json).toEqual([`${venueId}-1.json`]);
  const { publicKey } = JSON.parse(await readFile(kioskKeyFile(path.join(work, 'data')), 'utf8')) as {
    publicKey: string;
  };
  const venuesFile = path.join(work, 'venues.json');
  await writeFile(
    venuesFile,
    JSON.stringify({ format: 1, venues: [{ venueId, publicKey, name: 'Riverside', region: 'North' }] }),
  );
  const venues = await readVenues(venuesFile);
  const file = path.join(folder, json[0]!);
  const verified = await verifyStatsExport(file, venues);
  expect(verified.content.rows.find((row) => row.kind === 'item-open')).toMatchObject({
    day: '2027-02-28',
    itemId: 'solar-basics',
    count: 1,
  });

  const bytes = await readFile(file);
  const at = bytes.indexOf('solar-basics');
  bytes[at] = 'S'.charCodeAt(0);
  const tampered = path.join(work, `${venueId}-1.json`);
  await writeFile(tampered, bytes);
  await writeFile(`${tampered}.sig`, await readFile(`${file}.sig`));
  await expect(verifyStatsExport(tampered, venues)).rejects.toMatchObject({ code: 'bad-signature' });
});
