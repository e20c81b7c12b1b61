/**
 * The USB watcher with readings a test makes up and a timer it drives by hand, then with a really
 * mounted ext4 stick (a loop device; needs root): detection, checking, import through the pipeline, removal.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { ImportProgress } from '../../../preload/contract/packs.ts';
import { fixedClock } from '../../../main/clock.ts';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import type { Mount } from '../../../main/sources/mounts.ts';
import { PackSources } from '../../../main/sources/pack-sources.ts';
import { readRemovableMounts, UsbWatcher, type DetectedMount } from '../../../main/sources/usb-watcher.ts';
import { fullManifest, randomFile, testKey, writeTestPack } from '../packs/import-fixtures.ts';
import { openKiosk } from '../packs/import-helpers.ts';

test('reports mounts as they come and go, polling on the timer it is given', async () => {
  const stick: Mount = { path: '/media/kiosk/STICK', source: '/dev/sdb1', fsType: 'vfat' };
  const readings: Mount[][] = [[], [stick], [stick], []];
  const timers: (() => void)[] = [];
  const changes: DetectedMount[][] = [];
  const watcher = new UsbWatcher({
    readMounts: async () => readings.shift() ?? [],
    findPacks: async (root) => [`${root}/science`],
    schedule: (run) => {
      timers.push(run);
      return () => timers.splice(timers.indexOf(run), 1);
    },
    onChange: (mounts) => changes.push([...mounts]),
  });
  watcher.start();
  for (let tick = 0; tick < 3; tick++) {
    await expect.poll(() => timers.length).toBe(1);
    timers.pop()!();
  }
  await expect.poll(() => changes.length).toBe(2);
  expect(changes[0]).toEqual([{ ...stick, packs: ['/media/kiosk/STICK/science'] }]);
  expect(changes[1]).toEqual([]);
  await expect.poll(() => timers.length).toBe(1);
  watcher.stop();
  expect(timers).toEqual([]);
});

const work = mkdtempSync(path.join(os.tmpdir(), 'usb-watch-'));
const mediaRoot = path.join(work, 'media');
const stickDir = path.join(mediaRoot, 'SCIENCE STICK');
const image = path.join(work, 'stick.img');

function prepare(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  try {
    mkdirSync(stickDir, { recursive: true });
    execFileSync('truncate', ['-s', '32M', image]);
    execFileSync('mkfs.ext4', ['-q', image]);
    return undefined;
  } catch (error) {
    return `making an ext4 image failed: ${String(error).slice(0, 200)}`;
  }
}
const cannotMount = prepare();
if (cannotMount)
  console.warn(`\n!!! SKIPPING the mounted-stick watcher test: ${cannotMount}. It needs root and loop devices.\n`);

afterAll(async () => {
  try {
    execFileSync('umount', ['-l', stickDir], { stdio: 'ignore' });
  } catch {
    // Already unmounted by the test.
  }
  await rm(work, { recursive: true, force: true });
});

test.skipIf(cannotMount)(
  'a really mounted stick is detected, its pack checked and imported, and its removal noticed',
  async () => {
    const { key, trust } = testKey();
    const kiosk = openKiosk(path.join(work, 'data'), trust);
    const progress: ImportProgress[] = [];
    const finished: unknown[] = [];
    const sources = new PackSources({
      catalog: kiosk.catalog.api,
      catalogPath: kiosk.catalogPath,
      dataDir: kiosk.dataDir,
      loadTrust: async () => trust,
      importFolder: (dir) => importPack(dir, kiosk.options({ onProgress: (event) => progress.push(event) })),
      clock: fixedClock(new Date('2027-03-01T09:00:00Z')),
      onPacks: () => undefined,
      onFinished: (outcome) => finished.push(outcome),
      watcher: { readMounts: () => readRemovableMounts('linux', [mediaRoot]), schedule: () => () => undefined },
    });
    try {
      expect(await sources.list()).toEqual([]);
      execFileSync('mount', ['-o', 'loop', image, stickDir]);
      const files = [randomFile(100_000), randomFile(5_000)];
      await writeTestPack(path.join(stickDir, 'packs', 'science'), key, fullManifest(key, { files }), files);
      const found = await readRemovableMounts('linux', [mediaRoot]);
      expect(found).toEqual([{ path: stickDir, source: expect.stringMatching(/^\/dev\/loop\d+$/), fsType: 'ext4' }]);

      const [pack] = await sources.list();
      expect(pack).toMatchObject({ status: 'ready', packId: 'science', version: 1, files: 2, bytes: 105_000 });
      expect(pack!.location).toBe(path.join(stickDir, 'packs', 'science'));

      const outcome = await sources.importFrom(pack!.source);
      expect(outcome).toEqual({
        ok: true,
        source: pack!.source,
        packId: 'science',
        version: 1,
        filesCopied: 2,
        bytesCopied: 105_000,
      });
      expect(finished).toEqual([outcome]);
      expect(progress.at(-1)?.phase).toBe('done');
      expect((await sources.list())[0]).toMatchObject({ status: 'installed', problem: { code: 'rollback' } });

      execFileSync('umount', [stickDir]);
      expect(await sources.list()).toEqual([]);
      expect(await sources.importFrom(pack!.source)).toMatchObject({ ok: false, error: { code: 'source-removed' } });
    } finally {
      sources.stop();
      await kiosk.catalog.close();
    }
  },
);
