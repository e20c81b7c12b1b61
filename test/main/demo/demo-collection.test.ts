/**
 * First start with the real shipped resources: the signed demo pack goes through the import pipeline into
 * an empty kiosk (root keys trust its key for the demo channel only), and a second start leaves it alone.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixedClock } from '../../../main/clock.ts';
import { resourcesDir } from '../../../main/app-paths.ts';
import { createKioskServices } from '../../../main/services.ts';
import { storedFiles } from '../packs/import-helpers.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'demo-start-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const demoItems = async () =>
  (JSON.parse(await readFile(path.join(resourcesDir, 'demo-pack', 'manifest.json'), 'utf8')) as { items: unknown[] })
    .items.length;

/** The screen the calls come from; these tests call the handlers directly, as dispatch would. */
const screen = { caller: 'test-screen' };

const start = (dataDir: string, resources = resourcesDir) =>
  createKioskServices({
    dataDir,
    resourcesDir: resources,
    host: 'browser',
    version: 'test',
    clock: fixedClock(new Date('2027-03-01T09:00:00Z')),
  });

test('an empty kiosk installs the demo pack through the pipeline, once', async () => {
  const dataDir = path.join(work, 'data');
  const first = await start(dataDir);
  const list = await first.handlers['catalog.list']({ locale: 'en', page: { offset: 0, limit: 100 } }, screen);
  expect(list.total).toBe(await demoItems());
  const solar = await first.handlers['catalog.item']({ locale: 'en', id: 'solar-basics' }, screen);
  expect(solar.files.length).toBeGreaterThan(0);
  const stored = await storedFiles(dataDir);
  for (const file of solar.files) expect(stored.get(file.hash)).toBe(true);
  // Files keep their language, so a Korean visitor gets the Korean subtitles of the lecture.
  const cooker = await first.handlers['catalog.item']({ locale: 'ko', id: 'solar-cooker' }, screen);
  expect(cooker.durationSeconds).toBe(31);
  expect(cooker.files.map((file) => [file.role, file.mediaType, file.language])).toEqual([
    ['main', 'video/webm', 'en'],
    ['cover', 'image/jpeg', undefined],
    ['subtitles', 'text/vtt', 'en'],
    ['subtitles', 'text/vtt', 'ko'],
    ['subtitles', 'text/vtt', 'zh'],
    ['subtitles', 'text/vtt', 'mn-Cyrl'],
  ]);
  // The hand-washing leaflet is read aloud in the languages espeak-ng speaks, each with its page marks.
  const washing = await first.handlers['catalog.item']({ locale: 'en', id: 'hand-washing' }, screen);
  const narrations = washing.files.filter((file) => file.role === 'narration');
  expect(narrations.map((file) => [file.language, file.mediaType, file.pageStarts?.length])).toEqual([
    ['en', 'audio/ogg', washing.pages],
    ['ko', 'audio/ogg', washing.pages],
    ['zh', 'audio/ogg', washing.pages],
  ]);
  // Its transcript is its searchable text: a word only spoken in the lecture finds it.
  const spoken = await first.handlers['catalog.search'](
    {
      locale: 'en',
      query: 'firewood',
      page: { offset: 0, limit: 20 },
    },
    screen,
  );
  expect(spoken.items.map((item) => item.id)).toContain('solar-cooker');
  expect(await first.handlers['staff.packs']({}, screen)).toEqual({ packs: expect.any(Array) });
  await first.close();

  const again = await start(dataDir);
  expect((await again.handlers['catalog.list']({ locale: 'en', page: { offset: 0, limit: 1 } }, screen)).total).toBe(
    await demoItems(),
  );
  await again.close();
});

test('a damaged demo pack leaves the kiosk empty but running', async () => {
  const resources = path.join(work, 'resources');
  await cp(resourcesDir, resources, { recursive: true });
  await writeFile(path.join(resources, 'demo-pack', 'manifest.sig'), 'not a signature');
  const services = await start(path.join(work, 'damaged'), resources);
  expect((await services.handlers['catalog.list']({ locale: 'en', page: { offset: 0, limit: 1 } }, screen)).total).toBe(
    0,
  );
  await services.close();
});
