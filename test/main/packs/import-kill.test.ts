/**
 * SIGKILL at random moments of an import (in a child process running the real pipeline): afterwards the
 * catalog passes SQLite's integrity check and is exactly the old or the new version, no partial file
 * sits under a final name in the store, and running the import again finishes the job.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { publicEntry } from '../../../main/packs/signing-keys.ts';
import { fullManifest, itemFor, randomFile, testKey, writeTestPack } from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles } from './import-helpers.ts';

const runs = 20;
const { key, trust } = testKey();
let work: string;
let baseData: string;
let packV2: string;
let keySetFile: string;
let oldState: unknown;
let newState: unknown;

/** Runs the import in a child; with `kill`, sends SIGKILL `afterMs` after the child starts phase `at`. */
function runChild(
  dataDir: string,
  kill?: { at: string; afterMs: number },
): Promise<{ code: number | null; signal: string | null }> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'import-child.ts'), dataDir, packV2, keySetFile],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const before = output;
    output += chunk.toString();
    if (kill && !before.split('\n').includes(kill.at) && output.split('\n').includes(kill.at)) {
      setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    }
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

/** Where the kills aim: every phase, with most of them where the copy ends and the catalog switches. */
const aims = [
  { at: 'verifying', withinMs: 400 },
  { at: 'copying', withinMs: 300 },
  { at: 'switching', withinMs: 30 },
  { at: 'switching', withinMs: 5 },
  { at: 'cleaning', withinMs: 20 },
];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-kill-'));
  keySetFile = path.join(work, 'keys.json');
  await writeFile(keySetFile, JSON.stringify({ format: 1, keys: [publicEntry(key)] }));
  const shared = Array.from({ length: 40 }, () => randomFile(64 * 1024));
  const v1Only = Array.from({ length: 40 }, () => randomFile(64 * 1024));
  const v2Only = Array.from({ length: 160 }, () => randomFile(64 * 1024));
  const v1 = [...shared, ...v1Only];
  const v2 = [...shared, ...v2Only];
  const packV1 = await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files: v1 }), v1);
  packV2 = await writeTestPack(
    path.join(work, 'v2'),
    key,
    fullManifest(key, {
      version: 2,
      files: v2,
      items: v2.map((file, index) => itemFor(`item-${index + 1}`, [file], `Item ${index + 1}, second edition`)),
    }),
    v2,
  );
  baseData = path.join(work, 'base');
  const kiosk = openKiosk(baseData, trust);
  await importPack(packV1, kiosk.options());
  oldState = await snapshot(kiosk);
  await kiosk.catalog.close();

  const reference = path.join(work, 'reference');
  execFileSync('cp', ['-a', baseData, reference]);
  expect(await runChild(reference)).toEqual({ code: 0, signal: null });
  const after = openKiosk(reference, trust);
  newState = await snapshot(after);
  await after.catalog.close();
  expect(newState).not.toEqual(oldState);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test(`killed at ${runs} random moments in every phase, the catalog is the old or the new version, never a mix`, async () => {
  const outcomes = { old: 0, new: 0 };
  for (let run = 0; run < runs; run++) {
    const dataDir = path.join(work, `run-${run}`);
    execFileSync('cp', ['-a', baseData, dataDir]);
    const aim = aims[run % aims.length]!;
    await runChild(dataDir, { at: aim.at, afterMs: Math.random() * aim.withinMs });

    const db = new Database(path.join(dataDir, 'catalog.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const stored = await storedFiles(dataDir);
    expect([...stored.entries()].filter(([, whole]) => !whole)).toEqual([]);

    const kiosk = openKiosk(dataDir, trust);
    try {
      const state = await snapshot(kiosk);
      const isOld = JSON.stringify(state) === JSON.stringify(oldState);
      if (!isOld) expect(state).toEqual(newState);
      outcomes[isOld ? 'old' : 'new'] += 1;
      if (isOld) {
        const result = await importPack(packV2, kiosk.options());
        expect(result.filesCopied + result.filesSkipped + result.filesAdopted).toBe(200);
        expect(await snapshot(kiosk)).toEqual(newState);
      }
    } finally {
      await kiosk.catalog.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  console.info(`kill -9 runs: ${outcomes.old} left the old version, ${outcomes.new} the new`);
  expect(outcomes.old + outcomes.new).toBe(runs);
}, 300_000);
