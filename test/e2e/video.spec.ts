/**
 * The video player with the demo lecture (How a solar cooker works, VP9/Opus WebM, subtitles in four
 * languages): it plays, pauses, skips, seeks and turns captions off and on; the video streams from the content
 * store in ranges; it closes back to its item page; a playing video keeps the visit from going idle;
 * every control is a finger-sized target; axe finds nothing serious; an undecodable video says so.
 */
import { rm } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { demoDataDir, expect, startHost, test } from './fixtures.ts';

const videoId = 'solar-cooker';

async function openLecture(page: Page): Promise<Locator> {
  await page.getByTestId('attract').click();
  await page.getByTestId('shelf-energy').locator(`[data-item-id="${videoId}"]`).click();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', videoId);
  await page.getByTestId('open-item').click();
  const player = page.getByTestId('video-player');
  await expect(player).toBeVisible();
  const video = player.locator('video');
  // Metadata loaded: the length is known (the lecture runs 31.5 s).
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.duration)).toBeGreaterThan(30);
  return player;
}

const currentTime = (video: Locator) => video.evaluate((element: HTMLVideoElement) => element.currentTime);

test('the lecture plays, pauses, skips 10 s, seeks, turns captions off and on and closes to its item page', async ({
  kioskPage: page,
}) => {
  const contentResponses: { url: string; status: number; range: string | undefined }[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/content/'))
      contentResponses.push({
        url: response.url(),
        status: response.status(),
        range: response.headers()['content-range'],
      });
  });

  await page.getByTestId('attract').click();
  await page.getByTestId('shelf-energy').locator(`[data-item-id="${videoId}"]`).click();
  const itemPage = page.getByTestId('item-page');
  await expect(itemPage.getByRole('heading', { level: 1 })).toHaveText('How a solar cooker works');
  await expect(itemPage.locator('.item-meta')).toContainText('1 minute');
  await expect(itemPage.locator('img.cover-image')).toBeVisible();
  await expect(page.getByTestId('open-item')).toHaveText('Watch');
  await page.getByTestId('open-item').click();

  const player = page.getByTestId('video-player');
  await expect(player).toBeVisible();
  const video = player.locator('video');
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.duration)).toBeGreaterThan(30);
  const duration = await video.evaluate((element: HTMLVideoElement) => element.duration);
  await expect(player.locator('.player-time')).toHaveText('0:00 / 0:31');

  // The English subtitles are on from the start.
  const track = () =>
    video.evaluate((element: HTMLVideoElement) => {
      const text = element.textTracks[0];
      return {
        language: text?.language,
        mode: text?.mode,
        cue: [...(text?.activeCues ?? [])].map((cue) => (cue as VTTCue).text).join(' '),
      };
    });
  await expect.poll(async () => (await track()).mode).toBe('showing');
  expect((await track()).language).toBe('en');

  // Play: the clock runs and the first cue is on screen.
  const toggle = page.getByTestId('video-toggle');
  await expect(toggle).toHaveAccessibleName('Play');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Pause');
  await expect.poll(() => currentTime(video), { timeout: 15_000 }).toBeGreaterThan(1.5);
  await expect.poll(async () => (await track()).cue).toContain('How a solar cooker works');

  // Pause: the clock stops.
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Play');
  const pausedAt = await currentTime(video);
  await page.waitForTimeout(600);
  expect(await currentTime(video)).toBe(pausedAt);
  expect(await video.evaluate((element: HTMLVideoElement) => element.paused)).toBe(true);

  // ±10 s from where it stopped, and never past either end.
  await player.getByRole('button', { name: 'Forward 10 seconds' }).click();
  await expect.poll(() => currentTime(video)).toBeCloseTo(pausedAt + 10, 0);
  await player.getByRole('button', { name: 'Back 10 seconds' }).click();
  await expect.poll(() => currentTime(video)).toBeCloseTo(pausedAt, 0);
  await player.getByRole('button', { name: 'Back 10 seconds' }).click();
  await expect.poll(() => currentTime(video)).toBe(0);

  // A touch nine tenths along the scrubber seeks nine tenths into the lecture, to its last slide.
  const scrubber = player.getByRole('slider', { name: 'Position in the video' });
  const box = (await scrubber.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
  await expect.poll(() => currentTime(video)).toBeGreaterThan(duration * 0.9 - 1.5);
  expect(await currentTime(video)).toBeLessThan(duration * 0.9 + 1.5);
  await expect(scrubber).toHaveAttribute('aria-valuetext', /^0:2\d \/ 0:31$/);
  await expect.poll(async () => (await track()).cue).toContain('No firewood');

  // Captions off hides the cue from the picture; English again shows it.
  const captions = player.getByRole('button', { name: 'Captions' });
  await expect(captions).toHaveAttribute('aria-expanded', 'false');
  const withCaptions = await video.screenshot();
  await captions.click();
  await expect(captions).toHaveAttribute('aria-expanded', 'true');
  const choice = player.getByRole('group', { name: 'Captions and their language' });
  await expect(choice.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await choice.getByRole('button', { name: 'Off' }).click();
  await expect(choice).toBeHidden();
  await expect.poll(async () => (await track()).mode).toBe('hidden');
  const withoutCaptions = await video.screenshot();
  expect(withoutCaptions.equals(withCaptions)).toBe(false);
  await captions.click();
  await choice.getByRole('button', { name: 'English' }).click();
  await expect.poll(async () => (await track()).mode).toBe('showing');
  await expect.poll(async () => (await video.screenshot()).equals(withoutCaptions)).toBe(false);

  // The video came from the content store, in ranges.
  const source = await video.evaluate((element: HTMLVideoElement) => new URL(element.currentSrc).pathname);
  expect(source).toMatch(/^\/content\/[0-9a-f]{64}$/);
  const videoResponses = contentResponses.filter((response) => new URL(response.url).pathname === source);
  expect(videoResponses.length).toBeGreaterThan(0);
  expect(videoResponses.filter((response) => response.status === 206).length).toBeGreaterThan(0);
  for (const response of videoResponses.filter((entry) => entry.status === 206))
    expect(response.range).toMatch(/^bytes \d+-\d+\/\d+$/);

  // Forward past the end stops at the end; Play then starts the lecture over.
  await player.getByRole('button', { name: 'Forward 10 seconds' }).click();
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.ended)).toBe(true);
  await expect(player.locator('.player-time')).toHaveText('0:31 / 0:31');
  await expect(toggle).toHaveAccessibleName('Play');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Pause');
  await expect.poll(() => currentTime(video)).toBeLessThan(5);
  await expect.poll(() => currentTime(video)).toBeGreaterThan(0.5);

  // Closing returns to the item page it was opened from.
  await player.getByRole('button', { name: 'Close the video' }).click();
  await expect(player).toBeHidden();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', videoId);
});

test('Escape closes the player', async ({ kioskPage: page }) => {
  const player = await openLecture(page);
  await page.keyboard.press('Escape');
  await expect(player).toBeHidden();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', videoId);
});

test('in Korean the lecture carries Korean subtitles', async ({ kioskPage: page }) => {
  await page.getByTestId('attract').click();
  await page.getByRole('button', { name: '한국어' }).click();
  await page.getByTestId('shelf-energy').locator(`[data-item-id="${videoId}"]`).click();
  await expect(page.getByTestId('item-page').getByRole('heading', { level: 1 })).toHaveText('태양열 조리기의 원리');
  await page.getByTestId('open-item').click();
  const video = page.getByTestId('video-player').locator('video');
  await page.getByTestId('video-toggle').click();
  await expect
    .poll(
      () =>
        video.evaluate((element: HTMLVideoElement) => {
          const track = element.textTracks[0];
          return `${track?.language} ${track?.mode} ${[...(track?.activeCues ?? [])].map((cue) => (cue as VTTCue).text).join(' ')}`;
        }),
      { timeout: 15_000 },
    )
    .toBe('ko showing 태양열 조리기의 원리. 햇빛만으로 음식을 익힙니다.');
});

test('every control is at least 48 px each way, and axe finds no serious violation', async ({ kioskPage: page }) => {
  const player = await openLecture(page);
  const controls = player.locator('.player-controls').locator('button, input');
  expect(await controls.count()).toBe(7);
  for (const viewport of [
    { width: 1080, height: 1920 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    for (const control of await controls.all()) {
      const box = (await control.boundingBox())!;
      const name = `${await control.getAttribute('aria-label')} at ${viewport.width}×${viewport.height}`;
      expect(box.width, `${name}: width`).toBeGreaterThanOrEqual(48);
      expect(box.height, `${name}: height`).toBeGreaterThanOrEqual(48);
      expect(box.x + box.width, `${name}: on screen`).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height, `${name}: on screen`).toBeLessThanOrEqual(viewport.height);
    }
  }

  await page.evaluate(() => document.fonts.ready);
  for (const state of ['paused', 'playing']) {
    if (state === 'playing') await page.getByTestId('video-toggle').click();
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious, `axe on the ${state} player`).toEqual([]);
  }
});

test('a playing video keeps the visit from going idle; paused, the idle reset comes', async ({ page }) => {
  const dataDir = await demoDataDir('kiosk-video-idle-');
  // Idle after 2 s, then a 3 s countdown: 5 s without a touch ends a visit.
  const { host, child } = await startHost(dataDir, ['--idle-seconds', '2']);
  try {
    await page.goto(host.launchUrl);
    const player = await openLecture(page);
    await page.evaluate(() => {
      const seen = { countdown: false };
      (window as unknown as { idleSeen: typeof seen }).idleSeen = seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="idle-countdown"]')) seen.countdown = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('video-toggle').click();
    const video = player.locator('video');
    const startedAt = await currentTime(video);

    // Twice the whole idle time with no touch at all: the lecture plays on, no countdown ever shows.
    await page.waitForTimeout(10_000);
    expect(await page.evaluate(() => (window as unknown as { idleSeen: { countdown: boolean } }).idleSeen)).toEqual({
      countdown: false,
    });
    await expect(player).toBeVisible();
    expect(await currentTime(video)).toBeGreaterThan(startedAt + 5);

    // Paused, the visit is idle again: the countdown, then the attract screen.
    await page.getByTestId('video-toggle').click();
    await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 5_000 });
    await expect(page.getByTestId('attract')).toBeVisible({ timeout: 8_000 });
    await expect(player).toBeHidden();
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a video the browser cannot decode says so and what to do, and still closes', async ({ kioskPage: page }) => {
  // The signed pack cannot carry a broken file, so the damage is done on the way: the lecture's bytes are
  // replaced by something that is not a video.
  await page.route(/\/content\/[0-9a-f]{64}$/, async (route) => {
    const response = await route.fetch();
    if (response.headers()['content-type'] !== 'video/webm') return route.fulfill({ response });
    return route.fulfill({ status: 200, contentType: 'video/webm', body: Buffer.alloc(4096, 0x42) });
  });
  await page.getByTestId('attract').click();
  await page.getByTestId('shelf-energy').locator(`[data-item-id="${videoId}"]`).click();
  await page.getByTestId('open-item').click();
  const player = page.getByTestId('video-player');
  await expect(player.getByRole('alert')).toHaveText(
    'This video cannot be played. Please choose another item, or tell the staff.',
  );
  await player.getByRole('button', { name: 'Close the video' }).click();
  await expect(player).toBeHidden();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', videoId);
});
