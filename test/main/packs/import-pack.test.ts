/** The import pipeline end to end with real signed packs, a real catalog worker and a real content store. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { importPack, type ImportProgress } from '../../../main/packs/import/import-pack.ts';
import { incomingDir } from '../../../main/store/content-store.ts';
import { newSince } from '../catalog/catalog-fixtures.ts';
import { deltaManifest, fullManifest, itemFor, randomFile, testKey, writeTestPack } from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles, type Kiosk } from './import-helpers.ts';

let work: string;
let kiosk: Kiosk;
const { key, trust } = testKey();

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-'));
  kiosk = openKiosk(path.join(work, 'data'), trust);
});
afterEach(async () => {
  await kiosk.catalog.close();
  await rm(work, { recursive: true, force: true });
});

describe('importPack', () => {
  test('a full pack lands in the store and the catalog, with progress through every phase', async () => {
    const files = [randomFile(3_000_000), randomFile(20_000), randomFile(0)];
    const pack = await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files }), files);
    const progress: ImportProgress[] = [];
    const result = await importPack(pack, kiosk.options({ onProgress: (event) => progress.push(event) }));

    expect(result).toMatchObject({ packId: 'science', version: 1, kind: 'full', filesCopied: 3, filesSkipped: 0 });
    expect(result.bytesCopied).toBe(3_020_000);
    expect(result.bytesRead).toBe(3_020_000);
    const stored = await storedFiles(kiosk.dataDir);
    expect([...stored.keys()].sort()).toEqual(files.map((file) => file.sha256).sort());
    expect([...stored.values()].every(Boolean)).toBe(true);
    expect(await readdir(incomingDir(kiosk.dataDir))).toEqual([]);
    const list = await kiosk.catalog.api.listItems({ locale: 'en', newSince, offset: 0, limit: 10 });
    expect(list.total).toBe(3);
    const phases = [...new Set(progress.map((event) => event.phase))];
    expect(phases).toEqual(['verifying', 'checking-space', 'copying', 'switching', 'cleaning', 'done']);
    expect(progress.at(-1)).toMatchObject({ bytesDone: 3_020_000, bytesTotal: 3_020_000, filesDone: 3, filesTotal: 3 });
  });

  test('a new version copies only the files the store lacks and drops the ones no longer used', async () => {
    const [a, b, c] = [randomFile(10_000), randomFile(20_000), randomFile(30_000)];
    await importPack(
      await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files: [a!, b!] }), [a!, b!]),
      kiosk.options(),
    );
    const v2 = await writeTestPack(path.join(work, 'v2'), key, fullManifest(key, { version: 2, files: [b!, c!] }), [
      b!,
      c!,
    ]);
    const result = await importPack(v2, kiosk.options());
    expect(result).toMatchObject({ version: 2, filesCopied: 1, bytesCopied: 30_000, filesSkipped: 1 });
    expect(result.garbage).toEqual({ filesRemoved: 1, bytesFreed: 10_000 });
    expect([...(await storedFiles(kiosk.dataDir)).keys()].sort()).toEqual([b!.sha256, c!.sha256].sort());
  });

  test('a delta is applied to the installed state: added, replaced and removed items, reused files', async () => {
    const firstImport = new Date('2026-11-02T08:00:00.000Z');
    const update = new Date('2026-11-25T16:30:00.000Z');
    const [a, b, c, d] = [randomFile(1000), randomFile(2000), randomFile(3000), randomFile(4000)];
    const base = fullManifest(key, {
      files: [a!, b!, c!],
      items: [itemFor('one', [a!]), itemFor('two', [b!]), itemFor('three', [c!])],
    });
    await importPack(
      await writeTestPack(path.join(work, 'v1'), key, base, [a!, b!, c!]),
      kiosk.options({ now: () => firstImport }),
    );
    const delta = deltaManifest(key, {
      baseVersion: 1,
      version: 2,
      files: [d!],
      addItems: [itemFor('four', [d!, a!])],
      replaceItems: [itemFor('two', [b!], 'Two, revised')],
      removeItems: ['three'],
      removeFiles: [c!.sha256],
    });
    const result = await importPack(
      await writeTestPack(path.join(work, 'v2'), key, delta, [d!]),
      kiosk.options({ now: () => update }),
    );
    expect(result).toMatchObject({ kind: 'delta', version: 2, filesCopied: 1, bytesCopied: 4000 });
    // The switch is dated by the pipeline's clock: what v1 had keeps its arrival (revised or not), the rest is new.
    expect(await kiosk.catalog.api.installedPacks()).toMatchObject([
      { id: 'science', installedAt: update.toISOString() },
    ]);
    const shelf = await kiosk.catalog.api.listItems({ locale: 'en', newSince, offset: 0, limit: 10 });
    expect(shelf.items.map((item) => [item.id, item.arrivedAt])).toEqual([
      ['four', update.toISOString()],
      ['one', firstImport.toISOString()],
      ['two', firstImport.toISOString()],
    ]);
    const record = kiosk.packRecord('science');
    expect(record?.version).toBe(2);
    expect(record?.items.map((item) => item.id).sort()).toEqual(['four', 'one', 'two']);
    expect(record?.items.find((item) => item.id === 'two')?.texts.en?.title).toBe('Two, revised');
    expect(record?.files?.map((file) => file.sha256).sort()).toEqual([a!.sha256, b!.sha256, d!.sha256].sort());
    expect([...(await storedFiles(kiosk.dataDir)).keys()].sort()).toEqual([a!.sha256, b!.sha256, d!.sha256].sort());
  });

  test('a cancelled import changes nothing, and the next attempt skips the files already copied', async () => {
    const files = Array.from({ length: 20 }, () => randomFile(100_000));
    const pack = await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files }), files);
    const stop = new AbortController();
    const attempt = importPack(
      pack,
      kiosk.options({
        signal: stop.signal,
        bytesPerSecond: 1_000_000,
        progressIntervalMs: 20,
        onProgress: (progress) => {
          if (progress.filesDone >= 3) stop.abort();
        },
      }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'cancelled' });
    expect(await kiosk.catalog.api.installedPacks()).toEqual([]);
    const kept = (await storedFiles(kiosk.dataDir)).size;
    expect(kept).toBeGreaterThanOrEqual(3);
    const result = await importPack(pack, kiosk.options());
    expect(result).toMatchObject({ filesSkipped: kept, filesCopied: files.length - kept });
  });

  test('a second import into the same data folder while one runs is refused as busy', async () => {
    const files = [randomFile(200_000)];
    const pack = await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files }), files);
    const first = importPack(pack, kiosk.options({ bytesPerSecond: 1_000_000 }));
    await expect(importPack(pack, kiosk.options())).rejects.toMatchObject({ code: 'busy' });
    await first;
    expect(await snapshot(kiosk)).toMatchObject({ packs: [{ id: 'science', version: 1 }] });
  });
});
