/** The data folder's log: entries by the kiosk's clock, size-capped rotation, and links never followed. */
import { appendFile, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { clockStartingAt, fixedClock } from '../../../main/clock.ts';
import { LOG_FILE, openKioskLog } from '../../../main/log/kiosk-log.ts';

let work: string;
let dir: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kiosk-log-'));
  dir = path.join(work, 'data', 'logs');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const at = new Date('2027-03-01T09:00:00Z');

test('entries carry the kiosk clock’s time and come back newest first', () => {
  let now = at.getTime();
  const log = openKioskLog({ dir, clock: { now: () => new Date(now) } });
  log.write({ level: 'info', area: 'packs', message: 'first' });
  now += 60_000;
  log.write({ level: 'error', area: 'packs', message: 'second', code: 'disk-full', detail: 'needs 9 bytes, 1 free' });
  expect(log.recent(10)).toEqual([
    {
      at: '2027-03-01T09:01:00.000Z',
      level: 'error',
      area: 'packs',
      message: 'second',
      code: 'disk-full',
      detail: 'needs 9 bytes, 1 free',
    },
    { at: '2027-03-01T09:00:00.000Z', level: 'info', area: 'packs', message: 'first' },
  ]);
  expect(log.recent(1).map((entry) => entry.message)).toEqual(['second']);
});

test('rotates before a file passes its cap, keeps the newest files, and drops the oldest', async () => {
  const log = openKioskLog({ dir, clock: clockStartingAt(at), maxFileBytes: 2000, keepFiles: 2 });
  for (let index = 0; index < 200; index++) {
    log.write({ level: 'warn', area: 'sources', message: `entry ${index}`, detail: 'x'.repeat(50) });
  }
  const names = (await readdir(dir)).sort();
  expect(names).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
  for (const name of names) expect((await stat(path.join(dir, name))).size).toBeLessThanOrEqual(2000);
  const recent = log.recent(1000);
  expect(recent[0]!.message).toBe('entry 199');
  // Consecutive: nothing lost between the files that are kept.
  const numbers = recent.map((entry) => Number(entry.message.split(' ')[1]));
  expect(numbers).toEqual(numbers.map((_, index) => 199 - index));
  expect(numbers.length).toBeLessThan(200);
});

test('a log opened again after a restart goes on counting the size already written', async () => {
  const first = openKioskLog({ dir, clock: fixedClock(at), maxFileBytes: 1000, keepFiles: 1 });
  for (let index = 0; index < 8; index++) first.write({ level: 'info', area: 'host', message: 'y'.repeat(80) });
  const second = openKioskLog({ dir, clock: fixedClock(at), maxFileBytes: 1000, keepFiles: 1 });
  for (let index = 0; index < 8; index++) second.write({ level: 'info', area: 'host', message: 'y'.repeat(80) });
  expect((await stat(path.join(dir, LOG_FILE))).size).toBeLessThanOrEqual(1000);
  expect((await readdir(dir)).sort()).toEqual([LOG_FILE, `${LOG_FILE}.1`]);
});

test('a long detail is cut, so one entry cannot crowd out the others', () => {
  const log = openKioskLog({ dir, clock: fixedClock(at) });
  log.write({ level: 'error', area: 'packs', message: 'big', detail: 'z'.repeat(100_000) });
  expect(log.recent(1)[0]!.detail!.length).toBeLessThan(5000);
});

test('a line cut short by a power cut is skipped and the rest still read', async () => {
  const log = openKioskLog({ dir, clock: fixedClock(at) });
  log.write({ level: 'info', area: 'packs', message: 'whole' });
  await appendFile(path.join(dir, LOG_FILE), '{"at":"2027-03-01T09:00:00.000Z","level":"inf');
  const reopened = openKioskLog({ dir, clock: fixedClock(at) });
  reopened.write({ level: 'info', area: 'packs', message: 'after' });
  expect(reopened.recent(10).map((entry) => entry.message)).toEqual(['after', 'whole']);
});

test('a link planted as the log file is replaced, and the file it pointed at is not written', async () => {
  const outside = path.join(work, 'outside.txt');
  await writeFile(outside, 'precious\n');
  await mkdir(dir, { recursive: true });
  await symlink(outside, path.join(dir, LOG_FILE));
  const log = openKioskLog({ dir, clock: fixedClock(at) });
  log.write({ level: 'error', area: 'packs', message: 'refused' });
  expect(await readFile(outside, 'utf8')).toBe('precious\n');
  expect((await lstat(path.join(dir, LOG_FILE))).isFile()).toBe(true);
  expect(log.recent(5).map((entry) => entry.message)).toEqual(['refused']);
});

test('a link planted as the log folder is replaced by a real folder', async () => {
  const elsewhere = path.join(work, 'elsewhere');
  await mkdir(elsewhere);
  await mkdir(path.dirname(dir), { recursive: true });
  await symlink(elsewhere, dir);
  const log = openKioskLog({ dir, clock: fixedClock(at) });
  log.write({ level: 'error', area: 'packs', message: 'refused' });
  expect(await readdir(elsewhere)).toEqual([]);
  expect((await lstat(dir)).isDirectory()).toBe(true);
});

test('writing where no log can be kept neither throws nor stops later writes once it can', async () => {
  await mkdir(path.dirname(dir), { recursive: true });
  // A folder where the log folder's parent should be: nothing can be created below a file.
  const blocked = path.join(work, 'file-not-folder');
  await writeFile(blocked, '');
  const nowhere = openKioskLog({ dir: path.join(blocked, 'logs'), clock: fixedClock(at) });
  expect(() => nowhere.write({ level: 'error', area: 'packs', message: 'lost' })).not.toThrow();
  expect(nowhere.recent(5)).toEqual([]);
});
