/**
 * Importing from a really mounted filesystem (an ext4 image on a loop device, as a USB stick is):
 * pulling it mid-copy gives the staff message and changes nothing, a resume copies only what is
 * missing, and the kiosk holds no file open on the stick afterwards. Needs root to mount.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { fullManifest, randomFile, testKey, writeTestPack } from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles } from './import-helpers.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'import-usb-'));
const image = path.join(work, 'stick.img');
const stick = path.join(work, 'stick');

function tryMount(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  try {
    mkdirSync(stick);
    execFileSync('truncate', ['-s', '64M', image]);
    execFileSync('mkfs.ext4', ['-q', image]);
    execFileSync('mount', ['-o', 'loop', image, stick]);
    return undefined;
  } catch (error) {
    return `mounting an ext4 image failed: ${String(error).slice(0, 200)}`;
  }
}

const cannotMount = tryMount();
if (cannotMount)
  console.warn(`\n!!! SKIPPING the USB import tests: ${cannotMount}. They need root and loop devices.\n`);

afterAll(async () => {
  try {
    execFileSync('umount', ['-l', stick], { stdio: 'ignore' });
  } catch {
    // Already unmounted by the test.
  }
  await rm(work, { recursive: true, force: true });
});

const attached = () => execFileSync('losetup', ['-j', image]).toString().trim();

test.skipIf(cannotMount)(
  'a stick pulled mid-copy changes nothing; a resume copies only the missing files',
  async () => {
    const { key, trust } = testKey();
    const files = Array.from({ length: 60 }, () => randomFile(256 * 1024));
    const pack = await writeTestPack(path.join(stick, 'science-pack'), key, fullManifest(key, { files }), files);
    execFileSync('sync');
    const kiosk = openKiosk(path.join(work, 'data'), trust);
    try {
      const before = await snapshot(kiosk);
      let pulled = false;
      const attempt = importPack(
        pack,
        kiosk.options({
          bytesPerSecond: 4 * 1024 * 1024,
          progressIntervalMs: 20,
          onProgress: (progress) => {
            if (!pulled && progress.filesDone >= 10) {
              pulled = true;
              execFileSync('umount', ['-l', stick]);
            }
          },
        }),
      );
      await expect(attempt).rejects.toMatchObject({
        code: 'source-removed',
      });
      expect(await snapshot(kiosk)).toEqual(before);
      // The loop device is released only once nothing holds a file open on the stick.
      expect(attached()).toBe('');
      const kept = await storedFiles(kiosk.dataDir);
      expect(kept.size).toBeGreaterThanOrEqual(10);
      expect(kept.size).toBeLessThan(files.length);
      expect([...kept.values()].every(Boolean)).toBe(true);

      execFileSync('mount', ['-o', 'loop', image, stick]);
      const result = await importPack(pack, kiosk.options());
      expect(result.filesSkipped).toBe(kept.size);
      expect(result.filesCopied).toBe(files.length - kept.size);
      expect(result.bytesRead).toBe((files.length - kept.size) * 256 * 1024);
      const stored = await storedFiles(kiosk.dataDir);
      expect(stored.size).toBe(files.length);
      expect([...stored.values()].every(Boolean)).toBe(true);
      expect((await kiosk.catalog.api.installedPacks()).map((installed) => installed.version)).toEqual([1]);
      // A plain (not lazy) unmount fails while any file on the stick is open.
      execFileSync('umount', [stick]);
      expect(attached()).toBe('');
    } finally {
      await kiosk.catalog.close();
    }
  },
);
