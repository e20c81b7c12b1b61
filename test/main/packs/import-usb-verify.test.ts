/**
 * A stick pulled while its pack is being verified (a lazy unmount of a loop-mounted ext4 image, as when a
 * USB stick goes) is reported as removed, not as a pack with missing files, and changes nothing. The pack's
 * manifest is large (5000 items) so verification lasts long enough for the unmount to land inside it; the
 * test unmounts as soon as the kiosk has read the manifest, seen from its access time. Needs root to mount.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, utimesSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, expect, test } from 'vitest';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import type { ImportProgress } from '../../../preload/contract/packs.ts';
import { fullManifest, itemFor, randomFile, testKey, writeTestPack } from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles } from './import-helpers.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'import-usb-verify-'));
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
if (cannotMount) console.warn(`\n!!! SKIPPING the stick-pulled-while-verifying test: ${cannotMount}.\n`);

afterAll(async () => {
  try {
    execFileSync('umount', ['-l', stick], { stdio: 'ignore' });
  } catch {
    // Already unmounted by the test.
  }
  await rm(work, { recursive: true, force: true });
});

test.skipIf(cannotMount)(
  'a stick pulled during verification is reported as removed and changes nothing',
  async () => {
    const { key, trust } = testKey();
    const files = Array.from({ length: 200 }, () => randomFile(1024));
    const body = 'Sunlight warms the water in the black pot. '.repeat(30);
    const items = Array.from({ length: 5000 }, (_, index) => {
      const item = itemFor(`item-${index + 1}`, index < files.length ? [files[index]!] : []);
      return { ...item, texts: { ...item.texts, en: { ...item.texts.en!, body } } };
    });
    const pack = await writeTestPack(path.join(stick, 'science-pack'), key, fullManifest(key, { files, items }), files);
    const manifest = path.join(pack, 'manifest.json');
    // An access time before the last change: the kiosk's read of the manifest sets it (relatime).
    utimesSync(manifest, new Date(0), statSync(manifest).mtime);
    execFileSync('sync');

    const kiosk = openKiosk(path.join(work, 'data'), trust);
    try {
      const before = await snapshot(kiosk);
      const phases = new Set<ImportProgress['phase']>();
      const attempt = importPack(pack, kiosk.options({ onProgress: (progress) => phases.add(progress.phase) }));
      const settled = attempt.then(
        () => 'imported',
        () => 'refused',
      );
      const deadline = Date.now() + 60_000;
      while (statSync(manifest).atimeMs === 0) {
        if ((await Promise.race([settled, nextTurn().then(() => undefined)])) !== undefined) break;
        if (Date.now() > deadline) throw new Error('the kiosk never read the manifest');
      }
      execFileSync('umount', ['-l', stick]);

      await expect(attempt).rejects.toMatchObject({ code: 'source-removed' });
      // Refused while verifying: the copy never started.
      expect([...phases]).toEqual(['verifying']);
      expect(await snapshot(kiosk)).toEqual(before);
      expect((await storedFiles(kiosk.dataDir)).size).toBe(0);
      expect(execFileSync('losetup', ['-j', image]).toString().trim()).toBe('');
    } finally {
      await kiosk.catalog.close();
    }
  },
  120_000,
);
