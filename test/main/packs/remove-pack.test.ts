/**
 * Staff remove a pack through the packs capability: its items leave the shelves in one transaction, the
 * files nothing else uses are deleted, the log says so, and an unknown pack or a running import changes nothing.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { withImportWorkers } from '../../../main/packs/import/import-pack.ts';
import { openPacksKiosk, storedFiles, type PacksKiosk } from './import-helpers.ts';

let kiosk: PacksKiosk;
let dataDir: string;
let catalog: PacksKiosk['catalog'];
let packs: PacksKiosk['packs'];
let log: PacksKiosk['log'];
const staff = { caller: 'staff-screen' };

beforeAll(async () => {
  kiosk = await openPacksKiosk('remove-pack-');
  ({ dataDir, catalog, packs, log } = kiosk);
  await packs.installDemo();
});
afterAll(() => kiosk.close());

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
