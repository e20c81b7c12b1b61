/**
 * One import queue for sticks and the feed: loads asked for at once run one after the other through the packs
 * capability, each to its end, where the import itself would refuse the second as busy.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { publicEntry } from '../../../main/packs/signing-keys.ts';
import { fullManifest, itemFor, randomFile, testKey, writeTestPack } from './import-fixtures.ts';
import { openPacksKiosk, type PacksKiosk } from './import-helpers.ts';

let kiosk: PacksKiosk;
beforeAll(async () => {
  kiosk = await openPacksKiosk('import-queue-');
});
afterAll(() => kiosk.close());

test('two loads asked for at once both finish, one after the other', async () => {
  const { key } = testKey('centre', ['science']);
  // The kiosk's system key folder, as root keeps it.
  const keysDir = path.join(kiosk.work, 'none');
  await mkdir(keysDir);
  await chmod(keysDir, 0o755);
  await writeFile(path.join(keysDir, 'centre.keys.json'), JSON.stringify({ format: 1, keys: [publicEntry(key)] }), {
    mode: 0o644,
  });
  const dirs = await Promise.all(
    ['stick', 'feed'].map(async (id) => {
      const files = Array.from({ length: 8 }, () => randomFile(200_000));
      const items = files.map((file, index) => itemFor(`${id}-${index + 1}`, [file]));
      return writeTestPack(
        path.join(kiosk.work, id),
        key,
        fullManifest(key, { id, channel: 'science', files, items }),
        files,
      );
    }),
  );
  const results = await Promise.all(dirs.map((dir) => kiosk.packs.importFolder(dir)));
  expect(results.map((result) => result.packId)).toEqual(['stick', 'feed']);
  const installed = await kiosk.catalog.api.installedPacks();
  expect(installed.map((pack) => pack.id).sort()).toEqual(['feed', 'stick']);
});
