/**
 * Usage counts through the real services: a screen's reports are stamped with the kiosk's clock and the
 * item's title and subject, added to their day, summarised for staff, kept under a removed item's name,
 * and pruned by age; the counts live in a file of their own.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { resourcesDir } from '../../../main/app-paths.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { createKioskServices, type KioskServices } from '../../../main/services.ts';
import { StatsStore } from '../../../main/stats/stats-store.ts';

let work: string;
let dataDir: string;
let services: KioskServices;
let now = Date.parse('2027-03-01T09:00:00Z');
const silent = { error: () => undefined };

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'stats-'));
  dataDir = path.join(work, 'data');
  now = Date.parse('2027-03-01T09:00:00Z');
  services = await createKioskServices({
    dataDir,
    resourcesDir,
    host: 'browser',
    version: 'test',
    clock: { now: () => new Date(now) },
  });
});
afterEach(async () => {
  await services.close();
  await rm(work, { recursive: true, force: true });
});

const call = (caller: string, name: string, request: unknown = {}) =>
  dispatch(services.handlers, name, request, { caller, gate: services.gate, log: silent });

async function usage(days: number) {
  await call('staff', 'staff.setUp', { pin: '482913' });
  await call('staff', 'staff.signIn', { pin: '482913' });
  const answer = await call('staff', 'staff.usage', { days });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as {
    fromDay: string;
    toDay: string;
    days: { day: string; visits: number; opens: number; readingSeconds: number; visitSeconds: number }[];
    subjects: { subject: string; opens: number; readingSeconds: number }[];
    topItems: { itemId: string; itemTitle: string; opens: number; readingSeconds: number }[];
    searchWords: { words: string; searches: number }[];
  };
}

test('a visit’s reports are counted by day, with the item’s title and subject, in a file of their own', async () => {
  const visit = [
    { kind: 'visit-start', detail: 'ko' },
    { kind: 'item-open', itemId: 'solar-basics', detail: 'pdf' },
    { kind: 'pages-read', itemId: 'solar-basics', amount: 3 },
    { kind: 'reading-time', itemId: 'solar-basics', amount: 95 },
    { kind: 'search', amount: 2 },
    { kind: 'visit-end', amount: 240, detail: 'finish' },
  ];
  expect(await call('screen', 'stats.record', { events: visit })).toEqual({ ok: true, value: { ok: true } });
  now += 24 * 60 * 60_000;
  await call('screen', 'stats.record', {
    events: [
      { kind: 'visit-start' },
      { kind: 'item-open', itemId: 'solar-basics' },
      { kind: 'item-open', itemId: 'healthy-soil' },
      { kind: 'reading-time', itemId: 'healthy-soil', amount: 30 },
    ],
  });
  const summary = await usage(7);
  expect(summary.toDay).toBe('2027-03-02');
  expect(summary.fromDay).toBe('2027-02-24');
  expect(summary.days).toEqual([
    expect.objectContaining({ day: '2027-03-01', visits: 1, opens: 1, readingSeconds: 95, visitSeconds: 240 }),
    expect.objectContaining({ day: '2027-03-02', visits: 1, opens: 2, readingSeconds: 30 }),
  ]);
  expect(summary.topItems[0]).toMatchObject({ itemId: 'solar-basics', itemTitle: 'Solar power basics', opens: 2 });
  expect(summary.subjects.map((subject) => subject.subject)).toContain('energy');

  // The counts are not in the catalog, and every event has its own sequence number and the kiosk's time.
  const catalog = new Database(path.join(dataDir, 'catalog.sqlite'), { readonly: true });
  expect(catalog.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('events', 'daily')").get()).toEqual({
    n: 0,
  });
  catalog.close();
  const stats = new Database(path.join(dataDir, 'stats.sqlite'), { readonly: true });
  const rows = stats.prepare('SELECT seq, at, kind FROM events ORDER BY seq').all() as { seq: number; at: string }[];
  expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
  expect(rows[0]!.at).toBe('2027-03-01T09:00:00.000Z');
  expect(rows.at(-1)!.at).toBe('2027-03-02T09:00:00.000Z');
  stats.close();
});

test('a screen cannot report an absurd amount, or search words longer than a search', async () => {
  expect(
    await call('screen', 'stats.record', { events: [{ kind: 'reading-time', itemId: 'solar-basics', amount: 1e9 }] }),
  ).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(
    await call('screen', 'stats.record', {
      events: [{ kind: 'search', detail: 'a visitor typed this very long query' + 'x'.repeat(40) }],
    }),
  ).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(await call('screen', 'stats.record', { events: [{ kind: 'search', words: 'x'.repeat(201) }] })).toMatchObject({
    ok: false,
    error: { code: 'bad-request' },
  });
});

test('search words are kept only while staff opt in, and forgotten when they opt out', async () => {
  const searches = (words: string[]) =>
    call('screen', 'stats.record', { events: words.map((word) => ({ kind: 'search', amount: 1, words: word })) });
  const storedWords = () => {
    const db = new Database(path.join(dataDir, 'stats.sqlite'), { readonly: true });
    try {
      return db.prepare("SELECT detail FROM events WHERE kind = 'search' ORDER BY seq").pluck().all();
    } finally {
      db.close();
    }
  };
  await searches(['흙']);
  expect(storedWords()).toEqual(['']);
  expect((await usage(1)).searchWords).toEqual([]);

  const settings = ((await call('staff', 'staff.settings')) as { value: Record<string, unknown> }).value;
  await call('staff', 'staff.saveSettings', { settings: { ...settings, keepSearchWords: true } });
  await searches(['太阳能', 'soil', '太阳能']);
  expect((await usage(1)).searchWords).toEqual([
    { words: '太阳能', searches: 2 },
    { words: 'soil', searches: 1 },
  ]);

  await call('staff', 'staff.saveSettings', { settings: { ...settings, keepSearchWords: false } });
  expect(storedWords()).toEqual(['', '', '', '']);
  expect((await usage(1)).searchWords).toEqual([]);
  expect((await usage(1)).days[0]).toMatchObject({ searches: 4 });
});

test('an item removed later keeps its name in the counts', async () => {
  await call('screen', 'stats.record', { events: [{ kind: 'item-open', itemId: 'solar-basics' }] });
  await call('staff', 'staff.setUp', { pin: '482913' });
  expect(await call('staff', 'staff.removePack', { packId: 'demo' })).toMatchObject({ ok: true });
  await call('screen', 'stats.record', { events: [{ kind: 'item-open', itemId: 'solar-basics' }] });
  const summary = await usage(1);
  expect(summary.topItems).toEqual([
    expect.objectContaining({ itemId: 'solar-basics', itemTitle: 'Solar power basics', opens: 2 }),
  ]);
});

test('raw events go after 90 days, day counts after ten years', () => {
  const file = path.join(work, 'prune.sqlite');
  const store = new StatsStore(file);
  store.record([
    { at: '2016-01-01T10:00:00.000Z', kind: 'visit-start' },
    { at: '2026-11-01T10:00:00.000Z', kind: 'visit-start' },
    { at: '2027-02-20T10:00:00.000Z', kind: 'visit-start' },
  ]);
  expect(store.prune('2027-03-01T09:00:00.000Z')).toEqual({ events: 2, days: 1 });
  expect(store.dailyRows('2000-01-01', '2030-01-01').map((row) => row.day)).toEqual(['2026-11-01', '2027-02-20']);
  store.close();
  expect(existsSync(file)).toBe(true);
});
