import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRange, resolveStaticFile } from '../../../main/host/static-files.ts';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'static-files-'));
  root = path.join(base, 'root');
  outside = path.join(base, 'outside');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'export {}');
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'linked.txt'));
  await symlink(outside, path.join(root, 'linked-dir'));
});

describe('resolveStaticFile', () => {
  it('serves files inside the root with their media type', async () => {
    expect(await resolveStaticFile(root, '/assets/app.js')).toMatchObject({
      path: path.join(root, 'assets', 'app.js'),
      mediaType: 'text/javascript; charset=utf-8',
    });
  });

  it.each([
    ['/../outside/secret.txt'],
    ['/assets/../../outside/secret.txt'],
    ['/%2e%2e/outside/secret.txt'],
    ['/%2E%2E%2Foutside%2Fsecret.txt'],
    ['/..%5coutside%5csecret.txt'],
    ['/assets%5c..%5c..%5coutside%5csecret.txt'],
    ['/C:%5cWindows%5cwin.ini'],
    ['//etc/passwd'],
    ['/%00index.html'],
    ['/index.html%00.js'],
    ['/linked.txt'],
    ['/linked-dir/secret.txt'],
    ['/assets'],
    ['/'],
    ['/%E0%A4%A'],
  ])('refuses %s', async (urlPath) => {
    expect(await resolveStaticFile(root, urlPath)).toBeUndefined();
  });

  it('refuses an absolute path given as the whole request', async () => {
    expect(await resolveStaticFile(root, path.join(outside, 'secret.txt'))).toBeUndefined();
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=900-', 1000, { start: 900, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=990-5000', 1000, { start: 990, end: 999 }],
    ['bytes=1000-', 1000, 'unsatisfiable'],
    ['bytes=50-10', 1000, 'unsatisfiable'],
    ['bytes=-0', 1000, 'unsatisfiable'],
    ['bytes=0-1,5-6', 1000, undefined],
    ['items=0-1', 1000, undefined],
    [undefined, 1000, undefined],
  ] as const)('%s of %d bytes → %o', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
