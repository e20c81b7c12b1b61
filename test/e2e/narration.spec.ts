/**
 * Listening instead of reading: a four-page leaflet with a narration whose pages start a fraction of a second
 * apart (a quiet WAV made here), so the page turns are seen within a test. Listen plays, the pages follow the
 * voice, a seek moves the page, a page turned by hand moves the voice, pause holds, closing stops it, and while
 * it plays the visit is not idle. All by touch.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { CatalogWriter } from '../../main/catalog/catalog-writer.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { pinnedTest as base, test as demoTest, signIn, startHost, type KioskHost } from './fixtures.ts';
import { storeBytes, textPdf, type StoredFile } from './reader-library.ts';

/** Pages 1–3 are heard for 0.6 s each; page 4 for the rest of the 30 s. */
const pageStarts = [0, 0.6, 1.2, 1.8];
const narrationSeconds = 30;

/** Mono 16-bit PCM at 8 kHz: a soft 220 Hz hum, all the test needs of a voice. */
function narrationWav(seconds: number): Uint8Array {
  const sampleRate = 8000;
  const count = sampleRate * seconds;
  const bytes = Buffer.alloc(44 + count * 2);
  bytes.write('RIFF', 0, 'latin1');
  bytes.writeUInt32LE(36 + count * 2, 4);
  bytes.write('WAVEfmt ', 8, 'latin1');
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(sampleRate, 24);
  bytes.writeUInt32LE(sampleRate * 2, 28);
  bytes.writeUInt16LE(2, 32);
  bytes.writeUInt16LE(16, 34);
  bytes.write('data', 36, 'latin1');
  bytes.writeUInt32LE(count * 2, 40);
  for (let index = 0; index < count; index++)
    bytes.writeInt16LE(Math.round(600 * Math.sin((2 * Math.PI * 220 * index) / sampleRate)), 44 + index * 2);
  return bytes;
}

function install(dataDir: string, pdf: StoredFile, audio: StoredFile): void {
  const catalog = new CatalogWriter(path.join(dataDir, 'catalog.sqlite'));
  try {
    catalog.installPack(
      {
        id: 'narration-test-pack',
        channel: 'test',
        version: 1,
        subjects: [{ id: 'reading', names: { en: 'Reading' } }],
        files: [
          { sha256: pdf.hash, size: pdf.size, mediaType: 'application/pdf' },
          { sha256: audio.hash, size: audio.size, mediaType: 'audio/wav' },
        ],
        items: [
          {
            id: 'leaflet-narrated',
            kind: 'pdf',
            addedAt: '2026-01-01T00:00:00.000Z',
            subjects: ['reading'],
            texts: { en: { title: 'How plants make sugar, read aloud', summary: 'A leaflet with a voice.' } },
            files: [
              { role: 'main', hash: pdf.hash, language: 'en' },
              { role: 'narration', hash: audio.hash, language: 'en', pageStarts },
            ],
            pages: 4,
          },
          {
            id: 'leaflet-half-narrated',
            kind: 'pdf',
            addedAt: '2026-01-02T00:00:00.000Z',
            subjects: ['reading'],
            texts: { en: { title: 'Half of it read aloud', summary: 'Its voice stops after page 2.' } },
            files: [
              { role: 'main', hash: pdf.hash, language: 'en' },
              { role: 'narration', hash: audio.hash, language: 'en', pageStarts: pageStarts.slice(0, 2) },
            ],
            pages: 4,
          },
        ],
      },
      '2026-02-01T00:00:00.000Z',
    );
  } finally {
    catalog.close();
  }
}

async function narratedHost(dataDir: string, extraArgs: string[] = []) {
  install(
    dataDir,
    await storeBytes(dataDir, await textPdf(4)),
    await storeBytes(dataDir, narrationWav(narrationSeconds)),
  );
  return startHost(dataDir, extraArgs);
}

const test = base.extend<{ narrated: Page }, { host: KioskHost }>({
  host: [
    async ({}, use) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-narration-'));
      const { host, child } = await narratedHost(dataDir);
      await use(host);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  narrated: async ({ page, host }, use) => {
    await signIn(page, host);
    await use(page);
  },
});
test.use({ hasTouch: true });

async function openLeaflet(page: Page, id = 'leaflet-narrated'): Promise<Locator> {
  await page.getByTestId('attract').tap();
  await page.locator(`[data-item-id="${id}"]`).first().tap();
  await page.getByTestId('open-item').tap();
  const reader = page.getByTestId('reader');
  await expect(reader).toHaveAttribute('data-page', '1');
  return reader;
}

const audioOf = (page: Page) => page.getByTestId('narration-audio');
const playback = (audio: Locator) =>
  audio.evaluate((element: HTMLAudioElement) => ({ paused: element.paused, time: element.currentTime }));

test('Listen plays, the pages follow the voice and a seek, a hand turn moves the voice, pause holds, closing stops', async ({
  narrated: page,
}) => {
  const reader = await openLeaflet(page);
  const listen = page.getByTestId('narration-listen');
  await expect(listen).toHaveText('Listen');
  await expect(listen.locator('svg')).toBeVisible();
  const box = (await listen.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(72);
  await expectNoSeriousViolations(page, 'reader with Listen');

  // The tap is the gesture that lets it play: the voice runs, and the pages turn with its marks.
  await listen.tap();
  const audio = audioOf(page);
  await expect.poll(async () => (await playback(audio)).paused).toBe(false);
  await expect(listen).toHaveText('Pause');
  await expect.poll(async () => (await playback(audio)).time).toBeGreaterThan(0.3);
  await expect(reader).toHaveAttribute('data-page', '2');
  await expect(reader).toHaveAttribute('data-page', '4');

  // Back to the start by a seek: the page goes with it.
  await audio.evaluate((element: HTMLAudioElement) => (element.currentTime = 0.65));
  await expect(reader).toHaveAttribute('data-page', '2');
  await expect(reader).toHaveAttribute('data-page', '4');

  // The visitor turns back a page: the voice goes to where page 3 starts, and reads on from there.
  await page.getByRole('button', { name: 'Previous page' }).tap();
  await expect(reader).toHaveAttribute('data-page', '3');
  const afterTurn = await playback(audio);
  expect(afterTurn.time).toBeGreaterThanOrEqual(1.2);
  expect(afterTurn.time).toBeLessThan(4);
  await expect(reader).toHaveAttribute('data-page', '4');

  // Paused, it stays; a page turned meanwhile is where it goes on from.
  await listen.tap();
  await expect(listen).toHaveText('Go on listening');
  expect((await playback(audio)).paused).toBe(true);
  await page.getByRole('button', { name: 'Previous page' }).tap();
  await page.getByRole('button', { name: 'Previous page' }).tap();
  await expect(reader).toHaveAttribute('data-page', '2');
  expect(await playback(audio)).toEqual({ paused: true, time: 0.6 });
  await listen.tap();
  await expect.poll(async () => (await playback(audio)).paused).toBe(false);
  await expect(reader).toHaveAttribute('data-page', '3');

  // Closing the reader stops the voice.
  const element = await audio.elementHandle();
  await page.getByRole('button', { name: 'Close' }).tap();
  await expect(reader).toBeHidden();
  expect(await element!.evaluate((node: HTMLAudioElement) => node.paused)).toBe(true);
  expect(await page.evaluate(() => [...document.querySelectorAll('audio')].some((node) => !node.paused))).toBe(false);
});

test('a page the narration does not read pauses it, and Listen waits for a page it reads', async ({
  narrated: page,
}) => {
  const reader = await openLeaflet(page, 'leaflet-half-narrated');
  const listen = page.getByTestId('narration-listen');
  await listen.tap();
  const audio = audioOf(page);
  await expect.poll(async () => (await playback(audio)).paused).toBe(false);
  // Past its last mark the voice stays on page 2.
  await expect(reader).toHaveAttribute('data-page', '2');
  await page.getByRole('button', { name: 'Next page' }).tap();
  await expect(reader).toHaveAttribute('data-page', '3');
  await expect.poll(async () => (await playback(audio)).paused).toBe(true);
  await expect(listen).toBeDisabled();
  await page.getByRole('button', { name: 'Previous page' }).tap();
  await expect(listen).toBeEnabled();
  expect((await playback(audio)).time).toBe(0.6);
});

test('in ᠮᠣᠩᠭᠣᠯ the Listen button reads in the script, in a column', async ({ narrated: page }) => {
  await page.getByTestId('attract').tap();
  await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).tap();
  await page.locator('[data-item-id="leaflet-narrated"]').first().tap();
  await page.getByTestId('open-item').tap();
  const listen = page.getByTestId('narration-listen');
  await expect(listen).toHaveText('ᠰᠣᠨᠣᠰᠬᠤ');
  expect(await listen.evaluate((node) => getComputedStyle(node).writingMode)).toBe('vertical-lr');
  const box = (await listen.boundingBox())!;
  expect(box.height).toBeGreaterThan(box.width);
  await expectNoSeriousViolations(page, 'reader with Listen (mn-Mong)');
});

test('listening keeps the visit from going idle; paused, the idle reset ends it and the voice', async ({ page }) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-narration-idle-'));
  // Idle after 1 s, then a 3 s countdown: 4 s without a touch ends a visit.
  const { host, child } = await narratedHost(dataDir, ['--idle-seconds', '1']);
  try {
    await page.goto(host.launchUrl);
    // The page's clock stands still until the voice plays: a busy machine's slow taps cannot let the visit go
    // idle before Listen is tapped. A moment ahead, since the page's time moves on while the pause is asked for.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await openLeaflet(page);
    await page.evaluate(() => {
      const seen = { countdown: false };
      (window as unknown as { idleSeen: typeof seen }).idleSeen = seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="idle-countdown"]')) seen.countdown = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('narration-listen').tap();
    const audio = audioOf(page);
    await expect.poll(async () => (await playback(audio)).time).toBeGreaterThan(0);
    await page.clock.resume();
    // Longer than the whole idle time with no touch: the voice reads on, no countdown shows.
    await page.waitForTimeout(5_000);
    expect(await page.evaluate(() => (window as unknown as { idleSeen: { countdown: boolean } }).idleSeen)).toEqual({
      countdown: false,
    });
    expect((await playback(audio)).time).toBeGreaterThan(4);

    // Paused, the visit goes idle: the countdown, then the attract screen, and no voice goes on.
    const element = await audio.elementHandle();
    await page.getByTestId('narration-listen').tap();
    await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 5_000 });
    await expect(page.getByTestId('attract')).toBeVisible({ timeout: 8_000 });
    expect(await element!.evaluate((node: HTMLAudioElement) => node.paused)).toBe(true);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
});

demoTest.describe('the demo collection', () => {
  demoTest.use({ hasTouch: true });
  demoTest('reads the hand-washing leaflet aloud in Opus', async ({ kioskPage: page }) => {
    await page.getByTestId('attract').tap();
    await page.locator('[data-item-id="hand-washing"]').first().tap();
    await page.getByTestId('open-item').tap();
    await expect(page.getByTestId('reader')).toHaveAttribute('data-page', '1');
    await page.getByTestId('narration-listen').tap();
    const audio = audioOf(page);
    await expect.poll(async () => (await playback(audio)).time).toBeGreaterThan(0.3);
    expect((await playback(audio)).paused).toBe(false);
    expect(await audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(30);
  });
});
