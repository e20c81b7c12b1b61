/**
 * `publish feed` writes a static site: the newest version of each pack with its full form and the deltas to it,
 * each file once, a feed whose version grows at every run, signed so a kiosk's check passes; older versions are
 * left out with a note, and a key that may not sign a pack's channel writes nothing.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { verifyFeed } from '../../../main/updates/verify-feed.ts';
import {
  deltaManifest,
  fullManifest,
  itemFor,
  randomFile,
  testKey,
  writeTestPack,
} from '../../main/packs/import-fixtures.ts';
import { tempDir, writeKey } from '../../main/packs/pack-fixtures.ts';
import { main } from '../../../tools/publish/cli.ts';

let work: string;
beforeEach(async () => {
  work = await tempDir('publish-feed-');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test('the newest version with its deltas, each file once, a growing signed version, older ones left out', async () => {
  const { key, trust } = testKey('centre-2027', ['agriculture']);
  const keyFile = await writeKey(work, key);
  const [a, b, c] = [randomFile(1000), randomFile(2000), randomFile(3000)];
  const packs = path.join(work, 'packs');
  await writeTestPack(
    path.join(packs, 'v1'),
    key,
    fullManifest(key, { id: 'farm', channel: 'agriculture', files: [a, b] }),
    [a, b],
  );
  const items = [itemFor('item-1', [a]), itemFor('item-2', [b]), itemFor('item-3', [c])];
  await writeTestPack(
    path.join(packs, 'v2'),
    key,
    fullManifest(key, { id: 'farm', channel: 'agriculture', version: 2, files: [a, b, c], items }),
    [a, b, c],
  );
  await writeTestPack(
    path.join(packs, 'v1-v2'),
    key,
    deltaManifest(key, {
      id: 'farm',
      channel: 'agriculture',
      baseVersion: 1,
      version: 2,
      files: [c],
      addItems: [items[2]!],
    }),
    [c],
  );
  const site = path.join(work, 'site');
  const run = (...extra: string[]) => main(['feed', '--packs', packs, '--key', keyFile, '--out', site, ...extra]);
  expect(await run('--expires-hours', '6')).toBe(0);
  expect((await readdir(path.join(site, 'files'))).sort()).toEqual([a.sha256, b.sha256, c.sha256].sort());
  const bytes = await readFile(path.join(site, 'feed.json'));
  const { feed } = verifyFeed(bytes, await readFile(path.join(site, 'feed.sig'), 'utf8'), {
    trust,
    now: new Date(),
  });
  expect(feed.version).toBe(1);
  expect(Date.parse(feed.expiresAt) - Date.parse(feed.createdAt)).toBe(6 * 3_600_000);
  expect(feed.packs).toMatchObject([
    { id: 'farm', version: 2, full: { fileBytes: 6000 }, deltas: [{ baseVersion: 1, fileBytes: 3000 }] },
  ]);
  for (const form of [feed.packs[0]!.full, feed.packs[0]!.deltas[0]!])
    expect(await readdir(path.join(site, 'packs', form.manifest))).toEqual(['manifest.json', 'manifest.sig']);
  expect(await run()).toBe(0);
  const again = JSON.parse(await readFile(path.join(site, 'feed.json'), 'utf8')) as { version: number };
  expect(again.version).toBe(2);

  const { key: other } = testKey('science-2027', ['science']);
  const otherFile = await writeKey(work, other);
  expect(await main(['feed', '--packs', packs, '--key', otherFile, '--out', path.join(work, 'other')])).toBe(1);
  await expect(readdir(path.join(work, 'other'))).rejects.toMatchObject({ code: 'ENOENT' });
});
