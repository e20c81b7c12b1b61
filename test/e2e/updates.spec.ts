/**
 * The Updates screen in the browser host against a real nginx on 127.0.0.1 serving a site `publish feed` wrote:
 * staff see where the kiosk takes content from, tap "Check now", and the venue's pack arrives, with the
 * outcome in words; a tampered feed is shown as what it is and changes nothing. In traditional Mongolian the
 * screen is vertical; axe finds nothing serious.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { publicEntry } from '../../main/packs/signing-keys.ts';
import { settingsFile } from '../../main/settings/settings-store.ts';
import { writeFeed } from '../../tools/publish/feed/write-feed.ts';
import { fullManifest, itemFor, randomFile, testKey, writeTestPack } from '../main/packs/import-fixtures.ts';
import { writeKey } from '../main/packs/pack-fixtures.ts';
import { serveWithNginx, type NginxSite } from '../main/updates/nginx-site.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { enterStaff, expect, kioskTestTime, pinnedTest as test, startHost, type KioskHost } from './fixtures.ts';

const pin = '482913';
let work: string;
let server: NginxSite;
let host: KioskHost;
let child: ChildProcess | undefined;

test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kiosk-updates-e2e-'));
  const { key } = testKey('centre-2027', ['agriculture']);
  const files = Array.from({ length: 4 }, () => randomFile(256 * 1024));
  const items = files.map((file, index) => itemFor(`farm-leaflet-${index + 1}`, [file], `Farm leaflet ${index + 1}`));
  const pack = path.join(work, 'farm-v1');
  await writeTestPack(pack, key, fullManifest(key, { id: 'farm', channel: 'agriculture', files, items }), files);
  await writeFeed({
    packDirs: [pack],
    keyFile: await writeKey(work, key),
    outDir: path.join(work, 'site'),
    now: kioskTestTime,
  });
  server = await serveWithNginx(path.join(work, 'site'));
  const keysDir = path.join(work, 'keys');
  await mkdir(keysDir, { mode: 0o755 });
  await writeFile(path.join(keysDir, 'centre.keys.json'), JSON.stringify({ format: 1, keys: [publicEntry(key)] }), {
    mode: 0o644,
  });
  const dataDir = path.join(work, 'data');
  await mkdir(dataDir);
  // Staff saved the centre's feed and the farm channel earlier.
  await writeFile(
    settingsFile(dataDir),
    JSON.stringify({
      format: 1,
      settings: {
        venueName: 'Hill farm',
        defaultLocale: 'en',
        idleSeconds: 300,
        newForDays: 30,
        feedUrl: `${server.url}feed.json`,
        channels: ['agriculture'],
      },
    }),
  );
  ({ host, child } = await startHost(dataDir, ['--system-keys-dir', keysDir]));
});

test.afterAll(async () => {
  if (child) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
  }
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

test('staff check now, the venue’s pack arrives, and a tampered feed is refused in words', async ({ page }) => {
  await enterStaff(page, host, pin);
  await page.getByRole('button', { name: /^Updates/ }).click();
  const screen = page.getByTestId('staff-updates');
  await expect(page.getByTestId('updates-settings')).toContainText(`${server.url}feed.json`);
  await expect(page.getByTestId('updates-settings')).toContainText('agriculture');
  await expect(page.getByTestId('app-version')).toContainText('This kiosk runs version');
  await expectNoSeriousViolations(page, 'updates');

  await page.getByTestId('check-now').click();
  await expect(page.getByTestId('updates-state')).toContainText('New content was loaded.', { timeout: 30_000 });
  await expect(page.getByTestId('updates-loaded')).toContainText('farm, version 1');
  await expect(screen).toContainText(/Last checked/);

  // One changed byte: a new ETag, so the kiosk fetches the feed and its signature again, and the two disagree.
  const feedFile = path.join(work, 'site', 'feed.json');
  await writeFile(feedFile, (await readFile(feedFile, 'utf8')).replace('"version": 1', '"version": 7'));
  await page.getByTestId('check-now').click();
  await expect(page.getByTestId('updates-problem')).toContainText('not signed as the centre signs it', {
    timeout: 30_000,
  });

  await page.getByTestId('back').click();
  await page.getByRole('button', { name: /^What is installed/ }).click();
  await expect(page.locator('main')).toContainText('farm');
});

test('in traditional Mongolian the Updates screen is vertical', async ({ page }) => {
  await enterStaff(page, host, pin);
  await page.getByRole('button', { name: /^Updates/ }).click();
  await expect(page.getByTestId('staff-updates')).toBeVisible();
  await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
  const heading = page.locator('.staff-updates h1');
  await expect(heading).toHaveText('ᠰᠢᠨᠡᠴᠢᠯᠡᠯ');
  expect(await heading.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
  await expect(page.getByTestId('check-now')).toHaveText('ᠣᠳᠣ ᠰᠢᠯᠭᠠᠬᠤ');
  await expectNoSeriousViolations(page, 'updates (mn-Mong)');
});
