/**
 * The catalog's share of an import's room, on a real 64 MB ext4 data folder: a text-heavy pack whose
 * files would fit but whose catalog growth and WAL would not is refused before copying, with figures
 * that include the catalog; a pack that fits leaves the WAL checkpointed, so the room comes back.
 * Needs root to mount.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { importFailure } from '../../../main/packs/import/import-error.ts';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { incomingDir } from '../../../main/store/content-store.ts';
import { fullManifest, randomFile, testKey, textHeavyItem, writeTestPack } from './import-fixtures.ts';
import { mountExt4, openKiosk, snapshot, storedFiles, unmountExt4 } from './import-helpers.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'import-catalog-space-'));
const image = path.join(work, 'disk.img');
const disk = path.join(work, 'disk');
const cannotMount = mountExt4(image, disk, 64);
if (cannotMount)
  console.warn(`\n!!! SKIPPING the catalog space tests: ${cannotMount}. They need root and loop devices.\n`);

afterAll(async () => {
  if (!cannotMount) unmountExt4(image, disk);
  await rm(work, { recursive: true, force: true });
});

const fileSize = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;

test.skipIf(cannotMount)(
  'a text-heavy pack whose catalog would fill the disk is refused before copying; one that fits leaves a small WAL',
  async () => {
    const { key, trust } = testKey();
    const dataDir = path.join(disk, 'data');
    const catalogPath = path.join(dataDir, 'catalog.sqlite');
    const kiosk = openKiosk(dataDir, trust);
    try {
      const first = [randomFile(64 * 1024)];
      await importPack(
        await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files: first }), first),
        kiosk.options(),
      );

      // 1,500 books: 21 MB of files and a 14.7 MB manifest, almost all of it text to index.
      const books = Array.from({ length: 1500 }, () => randomFile(14_000));
      const heavy = await writeTestPack(
        path.join(work, 'heavy'),
        key,
        fullManifest(key, {
          version: 2,
          files: books,
          items: books.map((file, index) => textHeavyItem(`book-${index}`, [file], 7000, index * 4)),
        }),
        books,
      );
      const manifestBytes = fileSize(path.join(heavy, 'manifest.json'));
      expect(manifestBytes).toBeGreaterThan(14_000_000);
      const before = await snapshot(kiosk);
      const stored = await storedFiles(dataDir);
      const catalogBytes = fileSize(catalogPath) + fileSize(`${catalogPath}-wal`);

      const error = await importPack(heavy, kiosk.options()).catch((caught: unknown) => caught);
      const failure = importFailure(error);
      expect(failure.code).toBe('disk-full');
      // The files alone would fit: what is missing is the catalog's share.
      expect(failure.freeBytes).toBeGreaterThan(1500 * 14_000 + 17 * 1024 * 1024);
      expect(failure.neededBytes).toBeGreaterThan(failure.freeBytes!);
      expect(failure.neededBytes! - 1500 * 16 * 1024).toBeGreaterThan(3 * manifestBytes);
      expect(await snapshot(kiosk)).toEqual(before);
      expect(await storedFiles(dataDir)).toEqual(stored);
      expect(await readdir(incomingDir(dataDir))).toEqual([]);
      // The refused import's checkpoint may only have shrunk it.
      expect(fileSize(catalogPath) + fileSize(`${catalogPath}-wal`)).toBeLessThanOrEqual(catalogBytes);

      // 250 books, 2.6 MB of manifest: the switch grows the WAL by several MB, the checkpoint gives them back.
      const fitting = books.slice(0, 250);
      const result = await importPack(
        await writeTestPack(
          path.join(work, 'fitting'),
          key,
          fullManifest(key, {
            version: 2,
            files: fitting,
            items: fitting.map((file, index) => textHeavyItem(`book-${index}`, [file], 7000, index * 4)),
          }),
          fitting,
        ),
        kiosk.options(),
      );
      expect(result).toMatchObject({ version: 2, filesCopied: 250 });
      expect(fileSize(catalogPath)).toBeGreaterThan(2_000_000);
      // What is left is the clean-up's own small write, after the checkpoint.
      expect(fileSize(`${catalogPath}-wal`)).toBeLessThanOrEqual(64 * 1024);
    } finally {
      await kiosk.catalog.close();
    }
  },
  120_000,
);
