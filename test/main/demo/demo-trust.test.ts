/**
 * The committed demo key signs nothing a kiosk installs but the demo pack shipped in resources/: packs it
 * signs on a stick are refused whatever they claim, a different demo-signed pack in resources/ is refused at
 * first start, and a kiosk started with the demo turned off stays empty. Real packs, the real shipped
 * resources, a real catalog.
 */
import { mkdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EventHub } from '../../../main/api/event-hub.ts';
import { resourcesDir } from '../../../main/app-paths.ts';
import { startCatalogCapability } from '../../../main/catalog/catalog-capability.ts';
import { fixedClock } from '../../../main/clock.ts';
import { demoCollectionEnabled, demoPackDir } from '../../../main/demo/demo-collection.ts';
import { createPacksCapability } from '../../../main/packs/packs-capability.ts';
import { PrivateKeyFile } from '../../../main/packs/signing-keys.ts';
import type { Catalog } from '../../../main/catalog/catalog-client.ts';
import { storedFiles } from '../packs/import-helpers.ts';
import { fullManifest, itemFor, randomFile, writeTestPack } from '../packs/import-fixtures.ts';
import { openKioskLog } from '../../../main/log/kiosk-log.ts';

const clock = fixedClock(new Date('2027-03-01T09:00:00Z'));
let work: string;
let demoKey: PrivateKeyFile;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'demo-trust-'));
  demoKey = PrivateKeyFile.parse(
    JSON.parse(await readFile(path.join(resourcesDir, 'demo-source', 'demo-key.private.json'), 'utf8')),
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** What the kiosk holds: its packs, the files they use, and the files in its store. */
async function snapshotOf(catalog: Catalog['api'], dataDir: string) {
  const packs = await catalog.installedPacks();
  return {
    packs: packs.map(({ id, channel, version }) => ({ id, channel, version })),
    referenced: await catalog.referencedHashes(),
    stored: [...(await storedFiles(dataDir)).keys()].sort(),
  };
}

/** A kiosk's catalog and packs capability on `dataDir`, as services.ts builds them. */
function kiosk(dataDir: string, options: { resources?: string; demoCollection?: boolean } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const events = new EventHub();
  const catalog = startCatalogCapability({ dataDir, clock, events });
  const packs = createPacksCapability({
    dataDir,
    resourcesDir: options.resources ?? resourcesDir,
    demoCollection: options.demoCollection ?? true,
    catalog,
    clock,
    events,
    log: openKioskLog({ dir: path.join(dataDir, 'logs'), clock }),
  });
  return { catalog, packs, close: () => catalog.close() };
}

/** A pack signed with the committed demo key, in the demo channel, as anyone could make one. */
async function demoSigned(name: string, spec: { id: string; version: number; featured?: number }) {
  const files = Array.from({ length: 5 }, () => randomFile(2000));
  const items = files.map((file, index) => ({
    ...itemFor(`${spec.id}-${index + 1}`, [file]),
    ...(index < (spec.featured ?? 0) ? { featured: true } : {}),
  }));
  return writeTestPack(
    path.join(work, name),
    demoKey,
    fullManifest(demoKey, { id: spec.id, channel: 'demo', version: spec.version, files, items }),
    files,
  );
}

describe('the demo key on a stick', () => {
  const dataDir = () => path.join(work, 'stick-data');
  let site: ReturnType<typeof kiosk>;
  beforeAll(async () => {
    site = kiosk(dataDir());
    await site.packs.installDemo();
  });
  afterAll(() => site.close());

  test('cannot add a pack of its own, featured items and all', async () => {
    const before = await snapshotOf(site.catalog.api, dataDir());
    expect(before.packs).toEqual([{ id: 'demo', channel: 'demo', version: expect.any(Number) }]);
    const evil = await demoSigned('evil', { id: 'evil', version: 1, featured: 5 });
    await expect(site.packs.importFolder(evil)).rejects.toMatchObject({ code: 'unknown-key' });
    expect(await snapshotOf(site.catalog.api, dataDir())).toEqual(before);
  });

  test('cannot replace the demo collection with a later version', async () => {
    const before = await snapshotOf(site.catalog.api, dataDir());
    const later = await demoSigned('demo-99', { id: 'demo', version: 99 });
    await expect(site.packs.importFolder(later)).rejects.toMatchObject({ code: 'unknown-key' });
    expect(await snapshotOf(site.catalog.api, dataDir())).toEqual(before);
  });
});

test('at first start, only the shipped demo manifest is installed with the demo key', async () => {
  const resources = path.join(work, 'resources-swapped');
  await cp(resourcesDir, resources, { recursive: true, filter: (source) => !source.includes('demo-source') });
  await rm(demoPackDir(resources), { recursive: true });
  await demoSigned(path.relative(work, demoPackDir(resources)), { id: 'demo', version: 99, featured: 5 });
  const site = kiosk(path.join(work, 'swapped-data'), { resources });
  try {
    await site.packs.installDemo();
    expect(await site.catalog.api.installedPacks()).toEqual([]);
  } finally {
    await site.close();
  }
});

test('a kiosk with the demo collection turned off installs nothing at first start', async () => {
  const site = kiosk(path.join(work, 'no-demo-data'), { demoCollection: false });
  try {
    await site.packs.installDemo();
    expect(await site.catalog.api.installedPacks()).toEqual([]);
  } finally {
    await site.close();
  }
});

test('KIOSK_DEMO_COLLECTION turns the demo off with any value but "on"', () => {
  expect(demoCollectionEnabled({})).toBe(true);
  expect(demoCollectionEnabled({ KIOSK_DEMO_COLLECTION: 'on' })).toBe(true);
  expect(demoCollectionEnabled({ KIOSK_DEMO_COLLECTION: 'off' })).toBe(false);
  expect(demoCollectionEnabled({ KIOSK_DEMO_COLLECTION: 'of' })).toBe(false);
});
