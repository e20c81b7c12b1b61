/**
 * The visitor chooses the language of a document, and is told when theirs is missing; a lecture's languages are
 * its subtitles, picked in the player, with a transcript that follows playback. By touch, at 1920×1080 and
 * 1080×1920: the chosen version's file is the one the reader opens, its cover and length shown; a Korean visitor
 * of an item with no Korean version reads a notice in Korean and picks another; the traditional Mongolian leaflet
 * counts its own single page; the caption language changes the showing track; a tap on a transcript line seeks;
 * captions stay on the picture in portrait; axe finds nothing serious.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

const manifest = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../resources/demo-pack/manifest.json'), 'utf8'),
) as { items: { id: string; files: { role: string; hash: string; language?: string; pages?: number }[] }[] };

/** The demo's file of `item` in `language`, as its signed manifest lists it. */
function mainFile(item: string, language: string) {
  const found = manifest.items
    .find((entry) => entry.id === item)
    ?.files.find((file) => file.role === 'main' && file.language === language);
  if (!found) throw new Error(`the demo has no ${language} file of ${item}`);
  return found;
}

const layouts = [
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
] as const;

async function visitIn(page: Page, language: string) {
  await page.getByTestId('attract').tap();
  if (language !== 'English') await page.locator('.language-switcher').getByRole('button', { name: language }).tap();
}

async function openItem(page: Page, shelf: string, id: string) {
  await page.getByTestId(`shelf-${shelf}`).locator(`[data-item-id="${id}"]`).tap();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', id);
}

/** Every /content/ file the page asks for from now on. */
function contentRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/content/')) seen.push(pathname.slice('/content/'.length));
  });
  return seen;
}

/** The cover's pixels: another language version's first page draws another picture. */
const coverSource = (page: Page) =>
  page.getByTestId('pdf-thumbnail').evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());

for (const layout of layouts) {
  test.describe(`${layout.name} ${layout.viewport.width}×${layout.viewport.height}`, () => {
    test.use({ viewport: layout.viewport, hasTouch: true, reducedMotion: 'reduce' });

    test('the language chosen on the item page is the version that opens, with its own cover and length', async ({
      kioskPage: page,
    }) => {
      await visitIn(page, 'English');
      await openItem(page, 'health', 'hand-washing');
      const choice = page.getByTestId('document-language');
      await expect(choice.getByRole('button')).toHaveText(['English', '한국어', '中文', 'Монгол', 'ᠮᠣᠩᠭᠣᠯ']);
      await expect(choice.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('item-pages')).toHaveText('2 pages');
      await expect(page.getByTestId('missing-language')).toHaveCount(0);
      await expect(page.getByTestId('pdf-thumbnail')).toBeVisible();
      const englishCover = await coverSource(page);

      // The traditional Mongolian leaflet is one page: the length and the cover are its own.
      await choice.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).tap();
      await expect(choice.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' })).toHaveAttribute('aria-pressed', 'true');
      await expect(choice.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');
      await expect(page.getByTestId('item-pages')).toHaveText('1 page');
      await expect.poll(() => coverSource(page)).not.toBe(englishCover);
      await expectNoSeriousViolations(page, 'item with a language chosen');

      const requested = contentRequests(page);
      await page.getByTestId('open-item').tap();
      const reader = page.getByTestId('reader');
      await expect(reader).toHaveAttribute('data-page-count', '1');
      expect(requested).toContain(mainFile('hand-washing', 'mn-Mong').hash);
      expect(requested).not.toContain(mainFile('hand-washing', 'en').hash);
      await page.keyboard.press('Escape');
      await expect(reader).toBeHidden();

      // Chinese, then the reader opens the Chinese file.
      await choice.getByRole('button', { name: '中文' }).tap();
      await expect(page.getByTestId('item-pages')).toHaveText('2 pages');
      requested.length = 0;
      await page.getByTestId('open-item').tap();
      await expect(reader).toHaveAttribute('data-page-count', '2');
      expect(requested).toContain(mainFile('hand-washing', 'zh').hash);
    });

    test('a Korean visitor is told an item has no Korean version, in Korean, and picks another', async ({
      kioskPage: page,
    }) => {
      await visitIn(page, '한국어');
      await openItem(page, 'agriculture', 'seed-saving');
      const notice = page.getByTestId('missing-language');
      await expect(notice).toHaveText('이 자료는 한국어 버전이 없어 영어 버전을 보여 드립니다.');
      const choice = page.getByTestId('document-language');
      await expect(choice.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
      await expectNoSeriousViolations(page, 'item without a Korean version');
      await choice.getByRole('button', { name: 'Монгол' }).tap();
      await expect(notice).toHaveText('이 자료는 한국어 버전이 없어 몽골어(키릴 문자) 버전을 보여 드립니다.');
      await expect(page.getByTestId('item-pages')).toHaveText('2쪽');

      // An item that has Korean opens in it, with no notice.
      await page.locator('.brand').tap();
      await openItem(page, 'health', 'hand-washing');
      await expect(page.getByTestId('document-language').getByRole('button', { name: '한국어' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(notice).toHaveCount(0);
    });

    test('in traditional Mongolian the page count is the vertical leaflet’s own, and the notice runs in columns', async ({
      kioskPage: page,
    }) => {
      await visitIn(page, 'ᠮᠣᠩᠭᠣᠯ');
      await openItem(page, 'health', 'hand-washing');
      await expect(page.getByTestId('item-pages')).toHaveText('1 ᠨᠢᠭᠤᠷ');
      const choice = page.getByTestId('document-language');
      await expect(choice.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' })).toHaveAttribute('aria-pressed', 'true');
      for (const button of await choice.getByRole('button').all()) {
        const box = (await button.boundingBox())!;
        expect(Math.min(box.width, box.height), 'a finger-sized language').toBeGreaterThanOrEqual(52);
      }
      await page.getByTestId('open-item').tap();
      await expect(page.getByTestId('reader')).toHaveAttribute('data-page-count', '1');
      await page.keyboard.press('Escape');

      await page.locator('.brand').tap();
      await openItem(page, 'agriculture', 'seed-saving');
      const notice = page.getByTestId('missing-language');
      await expect(notice).toHaveText(
        'ᠡᠨᠡ ᠮᠠᠲᠧᠷᠢᠶᠠᠯ ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠦᠨ ᠬᠤᠪᠢᠯᠪᠤᠷᠢ ᠦᠭᠡᠢ ᠲᠤᠯᠠ ᠺᠢᠷᠢᠯ ᠮᠣᠩᠭᠣᠯ ᠬᠤᠪᠢᠯᠪᠤᠷᠢ ᠶᠢ ᠬᠠᠷᠠᠭᠤᠯᠵᠤ ᠪᠠᠢᠨ᠎ᠠ᠃',
      );
      expect(await notice.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
      await expectNoSeriousViolations(page, 'item without a traditional Mongolian version (mn-Mong)');
    });

    test('a lecture names its subtitles; the player picks their language, shows the transcript, seeks by it and keeps captions on the picture', async ({
      kioskPage: page,
    }) => {
      await visitIn(page, '한국어');
      await openItem(page, 'energy', 'solar-cooker');
      const facts = page.locator('.item-meta');
      await expect(facts).toContainText('자막');
      await expect(page.getByTestId('subtitle-languages').locator('.language-tag')).toHaveText([
        '한국어',
        'English',
        '中文',
        'Монгол',
      ]);
      await expect(page.getByTestId('document-language')).toHaveCount(0);
      await page.getByTestId('open-item').tap();
      const player = page.getByTestId('video-player');
      const video = player.getByTestId('video');
      await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.duration)).toBeGreaterThan(30);

      const showing = () =>
        video.evaluate((element: HTMLVideoElement) =>
          [...element.textTracks].filter((track) => track.mode === 'showing').map((track) => track.language),
        );
      await expect.poll(showing).toEqual(['ko']);

      // The transcript is the Korean subtitles; a tap on its third line plays from there, and marks it.
      const lines = player.getByTestId('transcript').locator('.transcript-line');
      await expect(lines).toHaveCount(5);
      await expect(lines.nth(0)).toContainText('태양열 조리기의 원리');
      await lines.nth(2).tap();
      await expect
        .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime))
        .toBeCloseTo(13.351, 1);
      await expect(lines.nth(2)).toHaveAttribute('aria-current', 'true');
      await expect(player.locator('.transcript-line[aria-current]')).toHaveCount(1);

      // Captions in Chinese: that track shows, and the transcript follows.
      await player.getByTestId('captions').tap();
      const captionChoice = player.getByTestId('caption-choice');
      await expect(captionChoice.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
      await captionChoice.getByRole('button', { name: '中文' }).tap();
      await expect(captionChoice).toBeHidden();
      await expect.poll(showing).toEqual(['zh']);
      await expect(lines.nth(0)).toContainText('太阳能灶');
      await expect(lines.nth(2)).toHaveAttribute('aria-current', 'true');

      // Playing moves the mark on to the next line as its cue starts.
      await lines.nth(3).tap();
      await page.getByTestId('video-toggle').tap();
      await expect(lines.nth(3)).toHaveAttribute('aria-current', 'true', { timeout: 15_000 });

      // Off: no track shows.
      await player.getByTestId('captions').tap();
      await captionChoice.getByRole('button', { name: '끄기' }).tap();
      await expect.poll(showing).toEqual([]);
      await page.getByTestId('video-toggle').tap();
      await expectNoSeriousViolations(page, 'video player with its transcript');

      // The captions are drawn on the picture: the video's box is the picture's, with the transcript or without.
      const expectPictureBox = async (what: string) => {
        const box = (await video.boundingBox())!;
        const { videoWidth, videoHeight } = await video.evaluate((element: HTMLVideoElement) => ({
          videoWidth: element.videoWidth,
          videoHeight: element.videoHeight,
        }));
        // Captions are laid out at the foot of the video's box: that foot is the picture's when the box keeps its shape.
        expect(Math.abs(box.height - (box.width * videoHeight) / videoWidth), `${what}: box and picture`).toBeLessThan(
          2,
        );
        expect(box.width, `${what}: picture as wide as it can be`).toBeGreaterThan(layout.viewport.width * 0.5);
        const controls = (await player.locator('.player-controls').boundingBox())!;
        expect(box.y + box.height, `${what}: picture above the controls`).toBeLessThanOrEqual(controls.y + 1);
      };
      await expectPictureBox('with the transcript');
      if (layout.name === 'portrait') {
        const transcript = (await player.getByTestId('transcript').boundingBox())!;
        const box = (await video.boundingBox())!;
        expect(box.y + box.height, 'the transcript under the picture').toBeLessThanOrEqual(transcript.y + 1);
        expect(box.width).toBeCloseTo(layout.viewport.width, -1);
      }
      await player.getByTestId('transcript-toggle').tap();
      await expect(player.getByTestId('transcript')).toBeHidden();
      await expectPictureBox('without the transcript');
    });
  });
}
