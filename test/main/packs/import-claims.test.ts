/**
 * What the catalog holds is not for another pack to take: an item id belongs to the pack that installed it,
 * and a pack that names another pack's item is refused before anything is copied, so that pack's next
 * version still installs. A pack removed from the catalog leaves no claim behind. Real signed packs, a real
 * catalog.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { publicEntry } from '../../../main/packs/signing-keys.ts';
import { trustStoreFrom } from '../../../main/packs/trust-store.ts';
import type { ImportProgress } from '../../../preload/contract/packs.ts';
import { fullManifest, itemFor, randomFile, testKey, writeTestPack, type FixtureFile } from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles, type Kiosk } from './import-helpers.ts';

const science = testKey('science-key', ['science']);
const art = testKey('art-key', ['art']);
const trust = trustStoreFrom([
  { set: { format: 1, keys: [publicEntry(science.key), publicEntry(art.key)] }, origin: 'test' },
]);
const now = () => new Date('2026-11-21T12:00:00Z');
let work: string;
let kiosk: Kiosk;
let packs = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-claims-'));
  kiosk = openKiosk(path.join(work, 'data'), trust);
});
afterAll(async () => {
  await kiosk.catalog.close();
  await rm(work, { recursive: true, force: true });
});

/** Writes a full pack whose items are `items` (id and file each). */
async function pack(
  signer: typeof science,
  spec: { id: string; channel: string; version: number; items: [string, FixtureFile][] },
): Promise<string> {
  const files = spec.items.map(([, file]) => file);
  const items = spec.items.map(([id, file]) => itemFor(id, [file]));
  return writeTestPack(
    path.join(work, `pack-${++packs}`),
    signer.key,
    fullManifest(signer.key, { id: spec.id, channel: spec.channel, version: spec.version, files, items }),
    files,
  );
}

async function importWatched(dir: string): Promise<{ phases: Set<ImportProgress['phase']>; result: Promise<unknown> }> {
  const phases = new Set<ImportProgress['phase']>();
  const result = importPack(dir, kiosk.options({ now, onProgress: (progress) => phases.add(progress.phase) }));
  await result.catch(() => undefined);
  return { phases, result };
}

test('a pack naming an item another pack holds is refused before copying; the owner’s next version installs', async () => {
  const shared = randomFile(3000);
  await importPack(
    await pack(science, { id: 'science', channel: 'science', version: 1, items: [['solar-basics', shared]] }),
    kiosk.options({ now }),
  );
  const before = await snapshot(kiosk);
  const stored = await storedFiles(kiosk.dataDir);

  const squatter = await pack(art, {
    id: 'art',
    channel: 'art',
    version: 1,
    items: [
      ['painting', randomFile(2000)],
      ['solar-basics', randomFile(2500)],
    ],
  });
  const { phases, result } = await importWatched(squatter);
  await expect(result).rejects.toMatchObject({
    code: 'item-id-taken',
    clash: { itemId: 'solar-basics', ownerPackId: 'science' },
  });
  expect([...phases]).toEqual(['verifying']);
  expect(await snapshot(kiosk)).toEqual(before);
  expect(await storedFiles(kiosk.dataDir)).toEqual(stored);

  const next = await pack(science, {
    id: 'science',
    channel: 'science',
    version: 2,
    items: [
      ['solar-basics', shared],
      ['wind-basics', randomFile(1000)],
    ],
  });
  await expect(importPack(next, kiosk.options({ now }))).resolves.toMatchObject({ packId: 'science', version: 2 });
});

test('a removed pack leaves its id and its item ids free for any channel', async () => {
  const item = randomFile(1200);
  await importPack(
    await pack(art, { id: 'gallery', channel: 'art', version: 3, items: [['portrait', item]] }),
    kiosk.options({ now }),
  );
  const writer = new CatalogWriter(kiosk.catalogPath);
  try {
    expect(writer.removePack('gallery')).toBe(true);
  } finally {
    writer.close();
  }
  const taken = await pack(science, { id: 'gallery', channel: 'science', version: 1, items: [['portrait', item]] });
  await expect(importPack(taken, kiosk.options({ now }))).resolves.toMatchObject({
    packId: 'gallery',
    channel: 'science',
  });
});
