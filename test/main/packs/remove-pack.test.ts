/**
 * Staff remove a pack through the packs capability: its items leave the shelves in one transaction, the
 * files nothing else uses are deleted, the log says so, and an unknown pack or a running import changes nothing.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EventHub } from '../../../main/api/event-hub.ts';
import { resourcesDir } from '../../../main/app-paths.ts';
import { startCatalogCapability, type CatalogCapability } from '../../../main/catalog/catalog-capability.ts';
import { fixedClock } from '../../../main/clock.ts';
import { openKioskLog, type KioskLog } from '../../../main/log/kiosk-log.ts';
import { withImportWorkers } from '../../../main/packs/import/import-pack.ts';
import { createPacksCapability, type PacksCapability } from '../../../main/packs/packs-capability.ts';
import { storedFiles } from './import-helpers.ts';

let work: string;
let dataDir: string;
let catalog: CatalogCapability;
let packs: PacksCapability;
let log: KioskLog;
const staff = { caller: 'staff-screen' };

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'remove-pack-'));
  dataDir = path.join(work, 'data');
  await mkdir(dataDir);
  const clock = fixedClock(new Date('2027-03-01T09:00:00Z'));
  const events = new EventHub();
  log = openKioskLog({ dir: path.join(dataDir, 'logs'), clock });
  catalog = startCatalogCapability({ dataDir, clock, events });
  packs = createPacksCapability({
    dataDir,
    resourcesDir,
    demoCollection: true,
    catalog,
    clock,
    events,
    log,
    systemKeysDir: path.join(work, 'none'),
  });
  await packs.installDemo();
});
afterAll(async () => {
  await catalog.close();
  await rm(work, { recursive: true, force: true });
});

test('the collection lists the installed pack with its items and room', async () => {
  const collection = await packs.handlers['staff.collection']({}, staff);
  expect(collection.packs).toHaveLength(1);
  const [demo] = collection.packs;
  expect(demo).toMatchObject({ id: 'demo', channel: 'demo', installedAt: '2027-03-01T09:00:00.000Z' });
  const listed = await catalog.api.listItems({ locale: 'en', offset: 0, limit: 100, newSince: '2027-01-01' });
  expect(demo!.itemCount).toBe(listed.total);
  const stored = await storedFiles(dataDir);
  expect(stored.size).toBeGreaterThan(0);
  expect(demo!.bytes).toBeGreaterThan(0);
  expect(collection.freeBytes).toBeGreaterThan(0);
});

test('a removal while another change runs is refused as busy, and nothing changes', async () => {
  const before = await packs.handlers['staff.collection']({}, staff);
  const answer = await withImportWorkers(dataDir, 1, async () =>
    packs.handlers['staff.removePack']({ packId: 'demo' }, staff),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'busy' } });
  expect((await packs.handlers['staff.collection']({}, staff)).packs).toEqual(before.packs);
});

test('an unknown pack is not-found', async () => {
  await expect(packs.handlers['staff.removePack']({ packId: 'no-such-pack' }, staff)).rejects.toMatchObject({
    code: 'not-found',
  });
});

test('removing a pack empties its shelves, deletes its files and is logged', async () => {
  const filesBefore = (await storedFiles(dataDir)).size;
  const answer = await packs.handlers['staff.removePack']({ packId: 'demo' }, staff);
  expect(answer).toMatchObject({ ok: true, filesRemoved: filesBefore });
  expect(answer.ok && answer.bytesFreed).toBeGreaterThan(0);
  expect((await packs.handlers['staff.collection']({}, staff)).packs).toEqual([]);
  expect((await catalog.api.listItems({ locale: 'en', offset: 0, limit: 10, newSince: '2027-01-01' })).total).toBe(0);
  expect((await storedFiles(dataDir)).size).toBe(0);
  expect(log.recent(1)[0]).toMatchObject({ level: 'info', area: 'packs' });
  expect(log.recent(1)[0]!.message).toMatch(/^Removed pack demo/);
});
