/**
 * The venue's settings: saved whole to the data folder, read back after a restart, taken up by app.info
 * and by what counts as new, and a damaged file gives the defaults with a line in the log.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { resourcesDir } from '../../../main/app-paths.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { createKioskServices, type KioskServices } from '../../../main/services.ts';
import { settingsFile } from '../../../main/settings/settings-store.ts';

let work: string;
let dataDir: string;
const running: KioskServices[] = [];
// Thirty-one days after the demo pack arrives at this clock's first start: new only if "new" lasts longer.
let now = Date.parse('2027-03-01T09:00:00Z');

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'settings-'));
  dataDir = path.join(work, 'data');
  now = Date.parse('2027-03-01T09:00:00Z');
});
afterEach(async () => {
  for (const services of running.splice(0)) await services.close();
  await rm(work, { recursive: true, force: true });
});

async function start(): Promise<KioskServices> {
  const services = await createKioskServices({
    dataDir,
    resourcesDir,
    host: 'browser',
    version: 'test',
    clock: { now: () => new Date(now) },
    idleSeconds: 90,
  });
  running.push(services);
  return services;
}

const silent = { error: () => undefined };
const defaults = {
  venueName: '',
  defaultLocale: 'en',
  idleSeconds: 120,
  newForDays: 30,
  hiddenSubjects: [],
  keepSearchWords: false,
  channels: [],
  feedUrl: '',
  downloadWindow: null,
  downloadKilobytesPerSecond: 0,
  board: { enabled: false, period: 'week', typedNicknames: false },
};
async function asStaff(services: KioskServices) {
  const call = (name: string, request: unknown = {}) =>
    dispatch(services.handlers, name, request, { caller: 'staff', gate: services.gate, log: silent });
  const pin = await call('staff.state');
  if (pin.ok && !(pin.value as { setUp: boolean }).setUp) await call('staff.setUp', { pin: '482913' });
  else await call('staff.signIn', { pin: '482913' });
  return call;
}

test('a kiosk nobody configured uses the host’s defaults', async () => {
  const services = await start();
  const call = await asStaff(services);
  expect(await call('staff.settings')).toEqual({ ok: true, value: { ...defaults, idleSeconds: 90 } });
});

test('saved settings reach app.info and what counts as new at once, and survive a restart', async () => {
  const first = await start();
  const changed: unknown[] = [];
  first.events.subscribe((name) => changed.push(name));
  now += 31 * 24 * 60 * 60_000;
  const call = await asStaff(first);
  const newCount = async (services: KioskServices) =>
    (
      await services.handlers['catalog.list']({ locale: 'en', page: { offset: 0, limit: 100 } }, { caller: 'v' })
    ).items.filter((item) => item.isNew).length;
  expect(await newCount(first)).toBe(0);

  const settings = {
    ...defaults,
    venueName: '햇빛 마을 도서관',
    defaultLocale: 'ko',
    idleSeconds: 300,
    newForDays: 60,
    channels: ['agriculture'],
    feedUrl: 'https://updates.example.org/kiosk/',
    downloadWindow: { fromHour: 22, toHour: 6 },
    downloadKilobytesPerSecond: 256,
  };
  const answer = await call('staff.saveSettings', { settings });
  expect(answer).toEqual({ ok: true, value: settings });
  expect(changed).toContain('settings.changed');
  expect(await first.handlers['app.info']({}, { caller: 'visitor' })).toMatchObject({
    defaultLocale: 'ko',
    idleSeconds: 300,
    venueName: '햇빛 마을 도서관',
  });
  expect(await newCount(first)).toBeGreaterThan(0);
  expect((await stat(settingsFile(dataDir))).isFile()).toBe(true);
  await first.close();
  running.splice(0);

  const second = await start();
  expect(await second.handlers['app.info']({}, { caller: 'visitor' })).toMatchObject({ venueName: '햇빛 마을 도서관' });
  expect(await newCount(second)).toBeGreaterThan(0);
});

test('staff settings need a staff session, and a malformed one is refused before it is saved', async () => {
  const services = await start();
  const visitor = (name: string, request: unknown = {}) =>
    dispatch(services.handlers, name, request, { caller: 'visitor', gate: services.gate, log: silent });
  expect(await visitor('staff.settings')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const call = await asStaff(services);
  for (const wrong of [
    { venueName: 'x'.repeat(81) },
    { feedUrl: 'file:///etc/passwd' },
    { feedUrl: 'https://staff:secret@updates.example.org/' },
    { downloadWindow: { fromHour: 22, toHour: 22 } },
    { hiddenSubjects: ['Not A Slug'] },
  ]) {
    expect(await call('staff.saveSettings', { settings: { ...defaults, ...wrong } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  }
  await expect(stat(settingsFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
});

test('a damaged settings file gives the defaults and says so in the log', async () => {
  await (await start()).close();
  running.splice(0);
  await writeFile(settingsFile(dataDir), '{"format":1,"settings":{"venueName":');
  const services = await start();
  expect(await services.handlers['app.info']({}, { caller: 'visitor' })).toMatchObject({ idleSeconds: 90 });
  expect(services.log.recent(20).some((entry) => entry.area === 'settings' && entry.level === 'warn')).toBe(true);
});

test('a settings file saved before the newer settings keeps its values and takes defaults for the rest', async () => {
  await (await start()).close();
  running.splice(0);
  const older = { venueName: 'Riverside', defaultLocale: 'zh-Hans', idleSeconds: 180, newForDays: 14 };
  await writeFile(settingsFile(dataDir), JSON.stringify({ format: 1, settings: older }));
  const call = await asStaff(await start());
  expect(await call('staff.settings')).toEqual({ ok: true, value: { ...defaults, ...older } });
});

test('hidden subjects leave their shelves, searches and lists; items also in a shown subject stay', async () => {
  const services = await start();
  const call = await asStaff(services);
  const visitor = { caller: 'visitor' };
  const page = { offset: 0, limit: 100 };
  const listed = async (request: { subject?: string } = {}) =>
    (await services.handlers['catalog.list']({ locale: 'en', page, ...request }, visitor)).items.map((item) => item.id);
  const before = await listed();
  expect(before).toContain('healthy-soil');

  await call('staff.saveSettings', { settings: { ...defaults, hiddenSubjects: ['agriculture'] } });
  const shelves = (await services.handlers['catalog.subjects']({ locale: 'en' }, visitor)).subjects;
  expect(shelves.map((subject) => subject.id)).toEqual(['health', 'energy', 'industry']);
  const after = await listed();
  // Only in agriculture: gone. Agriculture and energy (drip irrigation), or every subject (the quiz): kept.
  expect(after).not.toContain('healthy-soil');
  expect(after).not.toContain('seed-saving');
  expect(after).toEqual(before.filter((id) => id !== 'healthy-soil' && id !== 'seed-saving'));
  expect(await listed({ subject: 'agriculture' })).toEqual([]);
  const featured = await services.handlers['catalog.list']({ locale: 'en', featured: true, page }, visitor);
  expect(featured.items.map((item) => item.id)).not.toContain('healthy-soil');
  const search = async (query: string) =>
    (await services.handlers['catalog.search']({ locale: 'en', query, page }, visitor)).items.map((item) => item.id);
  expect(await search('soil')).not.toContain('healthy-soil');
  expect(await search('irrigation')).toContain('drip-irrigation');

  // Staff still see every subject to choose from, and the channels they could receive.
  const choices = await call('staff.settingChoices', { locale: 'en' });
  expect(choices).toMatchObject({ ok: true, value: { channels: ['demo'] } });
  expect((choices as { value: { subjects: { id: string }[] } }).value.subjects.map((subject) => subject.id)).toEqual([
    'agriculture',
    'health',
    'energy',
    'industry',
  ]);

  await call('staff.saveSettings', {
    settings: { ...defaults, hiddenSubjects: ['agriculture', 'health', 'energy', 'industry'] },
  });
  expect(await listed()).toEqual([]);
  expect(await search('soil')).toEqual([]);
  await call('staff.saveSettings', { settings: defaults });
  expect(await listed()).toEqual(before);
});
