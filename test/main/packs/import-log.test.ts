/**
 * The packs capability writes every import's outcome to the data folder's log with its code and detail,
 * the demo install included, and a key file it skips once, not at every stick check.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openPacksKiosk, type PacksKiosk } from './import-helpers.ts';

let kiosk: PacksKiosk;
let work: string;
let packs: PacksKiosk['packs'];
let log: PacksKiosk['log'];

beforeAll(async () => {
  kiosk = await openPacksKiosk('import-log-');
  ({ work, packs, log } = kiosk);
});
afterAll(() => kiosk.close());

test('a loaded pack and a refused one are both in the log, the refusal with its code and detail', async () => {
  await packs.installDemo();
  const notAPack = path.join(work, 'stick', 'holiday-photos');
  await mkdir(notAPack, { recursive: true });
  await expect(packs.importFolder(notAPack)).rejects.toMatchObject({ code: 'missing-manifest' });

  const [refused, loaded] = log.recent(2);
  expect(refused).toMatchObject({ level: 'error', area: 'packs', code: 'missing-manifest' });
  expect(refused!.message).toContain(notAPack);
  expect(refused!.detail).toMatch(/manifest/);
  expect(loaded).toMatchObject({ level: 'info', area: 'packs', at: '2027-03-01T09:00:00.000Z' });
  expect(loaded!.message).toMatch(/pack demo version \d+/);
});

test('a key set dropped into the data folder is logged as skipped once, however often trust is read', async () => {
  const keysDir = path.join(work, 'data', 'keys');
  await mkdir(keysDir, { recursive: true });
  await writeFile(path.join(keysDir, 'extra.keys.json'), '{"keys":[]}');
  const before = log.recent(100).length;
  for (let check = 0; check < 3; check++) await packs.loadTrust();
  const added = log.recent(100).slice(0, log.recent(100).length - before);
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ level: 'warn', area: 'keys' });
  expect(added[0]!.message).toContain('extra.keys.json');
});
