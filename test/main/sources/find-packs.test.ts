/** Finding pack folders on a stick: shallow, bounded, never following links. Real folders in a temp dir. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { defaultFindLimits, findPacks } from '../../../main/sources/find-packs.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'stick-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function fakePack(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'files'), { recursive: true });
  await writeFile(path.join(dir, 'manifest.json'), '{}');
  await writeFile(path.join(dir, 'manifest.sig'), 'x');
  return dir;
}

test('finds packs at the root and up to two levels down, not deeper, and not inside a pack', async () => {
  const top = await fakePack(path.join(root, 'science'));
  const nested = await fakePack(path.join(root, 'packs', '2026', 'health'));
  const two = await fakePack(path.join(root, 'packs', 'art'));
  await fakePack(path.join(root, 'science', 'files', 'inner'));
  expect(nested).toBeTruthy();
  expect((await findPacks(root)).sort()).toEqual([two, top].sort());
  expect((await findPacks(root, { ...defaultFindLimits, depth: 3 })).sort()).toEqual([two, nested, top].sort());
});

test('the root itself may be the pack', async () => {
  await fakePack(root);
  expect(await findPacks(root)).toEqual([root]);
});

test('a folder with only one of the two manifest files is not a pack', async () => {
  await mkdir(path.join(root, 'half'));
  await writeFile(path.join(root, 'half', 'manifest.json'), '{}');
  expect(await findPacks(root)).toEqual([]);
});

test('links are not followed, so a link loop costs nothing', async () => {
  await fakePack(path.join(root, 'real'));
  await symlink(root, path.join(root, 'loop'));
  await symlink(path.join(root, 'real'), path.join(root, 'alias'));
  expect(await findPacks(root)).toEqual([path.join(root, 'real')]);
});

test('a stick with thousands of folders is searched only up to the limits', async () => {
  await Promise.all(Array.from({ length: 300 }, (_, index) => mkdir(path.join(root, `folder-${index}`))));
  await fakePack(path.join(root, 'folder-299', 'pack'));
  const limited = await findPacks(root, { depth: 2, entriesPerFolder: 50, folders: 20, packs: 5 });
  expect(limited).toEqual([]);
  expect(await findPacks(root, { depth: 2, entriesPerFolder: 500, folders: 400, packs: 5 })).toEqual([
    path.join(root, 'folder-299', 'pack'),
  ]);
});

test('a missing root holds no packs', async () => {
  expect(await findPacks(path.join(root, 'gone'))).toEqual([]);
});
