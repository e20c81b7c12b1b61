/**
 * What an import leaves behind and finds: a process killed after the switch committed but before the
 * clean-up finished leaves the old version's files, which the next import removes before anything else
 * (even when it then fails), keeping what that import needs; and an incoming folder planted as a link
 * is replaced, never written through.
 */
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { packRecordOf } from '../../../main/packs/import/pack-record.ts';
import { incomingDir } from '../../../main/store/content-store.ts';
import { copyIntoStore, progressSlots } from '../../../main/store/store-writer.ts';
import { fullManifest, randomFile, testKey, writeTestPack } from './import-fixtures.ts';
import { openKiosk, storedFiles } from './import-helpers.ts';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-cleanup-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test('files only the old version used are removed by the next import after a kill during clean-up', async () => {
  const { key, trust } = testKey();
  const shared = Array.from({ length: 3 }, () => randomFile(10_000));
  const v1Only = Array.from({ length: 4 }, () => randomFile(10_000));
  const v2Only = Array.from({ length: 2 }, () => randomFile(10_000));
  const v3Only = Array.from({ length: 6 }, () => randomFile(200_000));
  const v2 = [...shared, ...v2Only];
  const v3 = [...shared, ...v3Only];
  const kiosk = openKiosk(path.join(work, 'data'), trust);
  try {
    await importPack(
      await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files: [...shared, ...v1Only] }), [
        ...shared,
        ...v1Only,
      ]),
      kiosk.options(),
    );
    // v2's import as a kill during clean-up leaves it: files copied, the switch committed, nothing collected.
    const v2Manifest = fullManifest(key, { version: 2, files: v2 });
    const v2Pack = await writeTestPack(path.join(work, 'v2'), key, v2Manifest, v2);
    copyIntoStore({
      filesDir: path.join(v2Pack, 'files'),
      sourceMarker: path.join(v2Pack, 'manifest.json'),
      dataDir: kiosk.dataDir,
      files: v2Only,
      progress: new SharedArrayBuffer(progressSlots * 8),
      cancel: new SharedArrayBuffer(4),
    });
    const writer = new CatalogWriter(kiosk.options().catalogPath);
    writer.installPack(packRecordOf(v2Manifest, undefined), '2026-12-01T10:00:00.000Z');
    writer.close();
    expect([...(await storedFiles(kiosk.dataDir)).keys()]).toEqual(
      expect.arrayContaining(v1Only.map((file) => file.sha256)),
    );

    // The next import is cancelled as soon as it starts copying, yet the old version's files are gone.
    const v3Pack = await writeTestPack(path.join(work, 'v3'), key, fullManifest(key, { version: 3, files: v3 }), v3);
    const cancel = new AbortController();
    const attempt = importPack(
      v3Pack,
      kiosk.options({
        bytesPerSecond: 400_000,
        progressIntervalMs: 20,
        onProgress: (progress) => {
          if (progress.phase === 'copying' && progress.filesDone >= 1) cancel.abort();
        },
        signal: cancel.signal,
      }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'cancelled' });
    const afterCancel = new Set((await storedFiles(kiosk.dataDir)).keys());
    for (const file of v1Only) expect(afterCancel.has(file.sha256)).toBe(false);
    for (const file of v2) expect(afterCancel.has(file.sha256)).toBe(true);
    const resumed = v3Only.filter((file) => afterCancel.has(file.sha256));
    expect(resumed.length).toBeGreaterThan(0);

    // Owed no longer: v3's own resume keeps what it copied and ends with the store holding only v3.
    const result = await importPack(v3Pack, kiosk.options());
    expect(result).toMatchObject({ version: 3, filesSkipped: shared.length + resumed.length });
    expect([...(await storedFiles(kiosk.dataDir)).keys()].sort()).toEqual(v3.map((file) => file.sha256).sort());
  } finally {
    await kiosk.catalog.close();
  }
});

test('an incoming folder planted as a link to a folder outside the data folder is replaced, nothing written there', async () => {
  const { key, trust } = testKey();
  const outside = path.join(work, 'outside');
  await mkdir(outside);
  const files = Array.from({ length: 5 }, () => randomFile(50_000));
  const kiosk = openKiosk(path.join(work, 'data'), trust);
  try {
    await mkdir(path.dirname(incomingDir(kiosk.dataDir)), { recursive: true });
    await symlink(outside, incomingDir(kiosk.dataDir));
    const pack = await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files }), files);
    expect(await importPack(pack, kiosk.options())).toMatchObject({ filesCopied: 5 });
    expect(await readdir(outside)).toEqual([]);
    expect([...(await storedFiles(kiosk.dataDir)).values()]).toEqual([true, true, true, true, true]);
  } finally {
    await kiosk.catalog.close();
  }
});
