/**
 * A data folder on a small filesystem (a 64 MB tmpfs): a pack that does not fit is refused before a
 * single byte is copied, with a message naming what it needs and what is free; one that fits only without
 * the files a killed import committed for a version never switched to gets their room. Needs root to mount.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { importFailure } from '../../../main/packs/import/import-error.ts';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { incomingDir } from '../../../main/store/content-store.ts';
import { copyIntoStore, progressSlots } from '../../../main/store/store-writer.ts';
import { fullManifest, randomFile, testKey, writeTestPack } from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles } from './import-helpers.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'import-full-'));
const dataDir = path.join(work, 'data');

function tryMount(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  try {
    mkdirSync(dataDir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64M', 'tmpfs', dataDir]);
    return undefined;
  } catch (error) {
    return `mounting a tmpfs failed: ${String(error).slice(0, 200)}`;
  }
}

const cannotMount = tryMount();
if (cannotMount)
  console.warn(`\n!!! SKIPPING the disk-full import test: ${cannotMount}. It needs root to mount a tmpfs.\n`);

afterAll(async () => {
  if (!cannotMount) execFileSync('umount', [dataDir]);
  await rm(work, { recursive: true, force: true });
});

test.skipIf(cannotMount)(
  'a pack larger than the free space is refused before copying, and nothing changes',
  async () => {
    const { key, trust } = testKey();
    const small = [randomFile(1024 * 1024)];
    const large = Array.from({ length: 6 }, () => randomFile(10 * 1024 * 1024));
    const kiosk = openKiosk(dataDir, trust);
    try {
      await importPack(
        await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files: small }), small),
        kiosk.options(),
      );
      const v2 = await writeTestPack(
        path.join(work, 'v2'),
        key,
        fullManifest(key, { version: 2, files: [...small, ...large] }),
        [...small, ...large],
      );
      const before = await snapshot(kiosk);
      const stored = await storedFiles(dataDir);
      const error = await importPack(v2, kiosk.options()).catch((caught: unknown) => caught);
      // Staff are told both figures, so they know how much to free.
      const failure = importFailure(error);
      expect(failure.code).toBe('disk-full');
      expect(failure.neededBytes).toBeGreaterThan(failure.freeBytes!);
      expect(failure.freeBytes).toBeGreaterThan(0);
      expect(await snapshot(kiosk)).toEqual(before);
      expect(await storedFiles(dataDir)).toEqual(stored);
      expect(await readdir(incomingDir(dataDir)).catch(() => [])).toEqual([]);
    } finally {
      await kiosk.catalog.close();
    }
  },
);

test.skipIf(cannotMount)(
  'files a killed import committed for a version never switched to give their room to an import that needs it',
  async () => {
    const { key, trust } = testKey('other-key');
    const dir = path.join(dataDir, 'second');
    const kiosk = openKiosk(dir, trust);
    try {
      const small = [randomFile(1024 * 1024)];
      await importPack(
        await writeTestPack(path.join(work, 'other-v1'), key, fullManifest(key, { files: small }), small),
        kiosk.options(),
      );
      // What a kill after some batches of another version's copy leaves: 30 MB under final names.
      const abandoned = Array.from({ length: 3 }, () => randomFile(10 * 1024 * 1024));
      const abandonedPack = await writeTestPack(
        path.join(work, 'abandoned'),
        key,
        fullManifest(key, { version: 2, files: abandoned }),
        abandoned,
      );
      copyIntoStore({
        filesDir: path.join(abandonedPack, 'files'),
        sourceMarker: path.join(abandonedPack, 'manifest.json'),
        dataDir: dir,
        files: abandoned,
        progress: new SharedArrayBuffer(progressSlots * 8),
        cancel: new SharedArrayBuffer(4),
      });
      await rm(abandonedPack, { recursive: true });
      const fresh = Array.from({ length: 2 }, () => randomFile(10 * 1024 * 1024));
      const v2 = await writeTestPack(
        path.join(work, 'other-v2'),
        key,
        fullManifest(key, { version: 2, files: [...small, ...fresh] }),
        [...small, ...fresh],
      );
      // 21 MB of files and a 16 MB reserve do not fit beside the 30 MB, only in their place.
      const result = await importPack(v2, kiosk.options());
      expect(result.garbage.filesRemoved).toBe(3);
      expect([...(await storedFiles(dir)).keys()].sort()).toEqual(
        [...small, ...fresh].map((file) => file.sha256).sort(),
      );
    } finally {
      await kiosk.catalog.close();
    }
  },
);
