/**
 * A kiosk that explains itself, and text for every eye (issue 14, items 5 and 6), by touch at 1920×1080 and
 * 1080×1920: the attract screen invites in every language and starts the visit in the one tapped; Home has its
 * word; the tips on shelves and pages come once a visit; the reader keeps Finish, the language and a progress
 * bar in reach; the item page offers more on its subject; the text size grows every screen and the idle reset
 * brings it back; the "New" badge and the video's seconds are at least 18 px; the new parts run vertically in
 * traditional Mongolian, and axe finds nothing serious.
 */
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

const layouts = [
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
] as const;

async function writingMode(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).writingMode);
}

async function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

/** Visible text in the Mongolian script that is not set in vertical columns, named for the report. */
async function horizontalMongolian(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !/[\u1800-\u18AF]/.test(node.textContent ?? '')) continue;
      const box = element.getBoundingClientRect();
      if (!element.checkVisibility() || box.width <= 1 || box.height <= 1) continue;
      if (getComputedStyle(element).writingMode !== 'vertical-lr')
        found.push(`<${element.className}> ${node.textContent}`);
    }
    return found;
  });
}

/** What sticks out: the top bar past its own box, the screen past the display, buttons under 48 px. */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const width = window.innerWidth;
    for (const selector of ['.topbar', '.screen-body', '.attract', '.reader-top', '.reader-bottom']) {
      for (const element of document.querySelectorAll<HTMLElement>(selector)) {
        if (element.scrollWidth > element.clientWidth + 1) faults.push(`${selector} overflows sideways`);
      }
    }
    const stage = document.querySelector<HTMLElement>('.attract-stage');
    if (stage && stage.scrollHeight > stage.clientHeight + 1) faults.push('the attract screen overflows its height');
    for (const button of document.querySelectorAll<HTMLElement>('.topbar button, .reader-top button, .dialog button')) {
      const box = button.getBoundingClientRect();
      if (!button.checkVisibility()) continue;
      if (box.right > width + 1 || box.left < -1) faults.push(`${button.textContent} off the screen`);
      if (box.width < 48 || box.height < 48) faults.push(`${button.textContent} ${box.width}×${box.height}`);
    }
    return faults;
  });
}

async function openItem(page: Page, shelf: string, id: string) {
  await page.getByTestId(shelf).locator(`[data-item-id="${id}"]`).tap();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', id);
}

/** The idle time and its countdown pass at once on the page's pinned clock. */
async function walkAway(page: Page) {
  await page.clock.fastForward(141_000);
  await expect(page.getByTestId('attract')).toBeVisible();
}

for (const layout of layouts) {
  test.describe(`${layout.name} ${layout.viewport.width}×${layout.viewport.height}`, () => {
    test.use({ viewport: layout.viewport, hasTouch: true, reducedMotion: 'reduce' });

    test('the attract screen invites in every language; a tap on one starts the visit in it', async ({
      kioskPage: page,
    }) => {
      const languages = page.getByTestId('attract-languages');
      await expect(page.getByTestId('spotlight')).toBeVisible();
      await expect(languages.getByRole('button')).toHaveCount(5);
      for (const [locale, words] of [
        ['en', 'Touch here to start'],
        ['ko', '여기를 눌러 시작하세요'],
        ['zh-Hans', '点这里开始'],
        ['mn-Cyrl', 'Энд дарж эхлээрэй'],
        ['mn-Mong', 'ᠡᠨᠳᠡ ᠳᠠᠷᠤᠵᠤ ᠡᠬᠢᠯᠡᠭᠡᠷᠡᠢ'],
      ] as const) {
        const button = languages.locator(`[data-locale="${locale}"]`);
        await expect(button).toContainText(words);
        await expect(button).toHaveAttribute('lang', locale);
      }
      // The traditional script stands in its columns even on an English attract screen.
      expect(await writingMode(languages.locator('[data-locale="mn-Mong"]'))).toBe('vertical-lr');
      expect(await horizontalMongolian(page)).toEqual([]);
      expect(await layoutFaults(page)).toEqual([]);
      await expectNoSeriousViolations(page, 'attract with languages');

      await languages.locator('[data-locale="ko"]').tap();
      await expect(page.getByRole('heading', { name: '오늘은 무엇을 배워 볼까요?' })).toBeVisible();
      await expect(page.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
      // Home has its word in the bar.
      await expect(page.getByTestId('home')).toHaveText('처음 화면');
      await expect(page.getByTestId('home')).toHaveAttribute('aria-current', 'page');

      // Ended and started again in traditional Mongolian: the new parts of the bar are vertical too.
      await page.getByRole('button', { name: '마치기' }).tap();
      await page.getByTestId('attract-languages').locator('[data-locale="mn-Mong"]').tap();
      await expect(page.locator('.screen.vertical[data-screen="home"]')).toBeVisible();
      await expect(page.getByTestId('home')).toHaveText('ᠡᠬᠢᠯᠡᠯ');
      expect(await writingMode(page.getByTestId('home').locator('.label'))).toBe('vertical-lr');
      expect(await writingMode(page.getByTestId('text-size').locator('.label'))).toBe('vertical-lr');
      await expect(page.getByTestId('hint-shelves')).toBeVisible();
      expect(await writingMode(page.getByTestId('hint-shelves').locator('p'))).toBe('vertical-lr');
      await page.getByTestId('text-size').tap();
      await expect(page.getByTestId('text-size-dialog')).toBeVisible();
      expect(await writingMode(page.getByTestId('text-size-dialog').locator('[data-size="large"]'))).toBe(
        'vertical-lr',
      );
      expect(await horizontalMongolian(page)).toEqual([]);
      expect(await layoutFaults(page)).toEqual([]);
      await expectNoSeriousViolations(page, 'text size (mn-Mong)');
      // Large print in the script: the bar takes a second row rather than squeezing its buttons.
      await page.getByTestId('text-size-dialog').locator('[data-size="largest"]').tap();
      await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
      expect(await layoutFaults(page)).toEqual([]);
    });

    test('the text size grows every screen, holds the layouts, and the idle reset brings it back with the tips', async ({
      kioskPage: page,
    }) => {
      const root = page.locator('html');
      await page.getByTestId('attract').tap();
      await expect(page.getByTestId('shelf-energy')).toBeVisible();
      // The tip on shelves, once: gone with "Got it", and not back on the next visit to home.
      const shelvesHint = page.getByTestId('hint-shelves');
      await expect(shelvesHint).toBeVisible();
      await expectNoSeriousViolations(page, 'home with its tip');
      const badge = page.getByTestId('shelf-new').locator('.badge').first();
      expect(await fontSize(badge), '"New" badge').toBeGreaterThanOrEqual(18);

      // The sizes at normal on home, an item and search.
      const screens = [
        { go: async () => page.getByTestId('home').tap(), text: page.locator('.greeting') },
        {
          go: async () => openItem(page, 'shelf-energy', 'solar-basics'),
          text: page.getByTestId('item-page').getByRole('heading', { level: 1 }),
        },
        { go: async () => page.locator('.search-button').tap(), text: page.getByTestId('search-field') },
      ];
      const normal: number[] = [];
      for (const screen of screens) {
        await screen.go();
        normal.push(await fontSize(screen.text));
      }
      const normalRoot = await fontSize(root);

      await page.getByTestId('text-size').tap();
      const dialog = page.getByTestId('text-size-dialog');
      await expect(dialog.locator('[data-size="normal"]')).toHaveAttribute('aria-pressed', 'true');
      await dialog.locator('[data-size="largest"]').tap();
      await expect(dialog).toBeHidden();
      await expect(root).toHaveAttribute('data-text-size', 'largest');
      expect((await fontSize(root)) / normalRoot).toBeCloseTo(1.4, 2);

      for (const [index, screen] of screens.entries()) {
        await screen.go();
        await expect(screen.text).toBeVisible();
        expect((await fontSize(screen.text)) / normal[index]!, `screen ${index} at the largest size`).toBeCloseTo(
          1.4,
          1,
        );
        expect(await layoutFaults(page), `screen ${index} at the largest size`).toEqual([]);
      }
      await page.getByTestId('home').tap();
      await expect(shelvesHint).toHaveCount(0);
      expect(await layoutFaults(page)).toEqual([]);

      // The reader's words grow too.
      await openItem(page, 'shelf-energy', 'solar-basics');
      await page.getByTestId('open-item').tap();
      await expect(page.getByTestId('reader-progress')).toBeVisible();
      expect((await fontSize(page.locator('.reader-title'))) / normalRoot).toBeGreaterThan(1.2 * 1.3);
      expect(await layoutFaults(page)).toEqual([]);

      // Walked away: the next visitor starts at the normal size, and is shown the tips again.
      await walkAway(page);
      await expect(root).not.toHaveAttribute('data-text-size', 'largest');
      expect(await fontSize(root)).toBeCloseTo(normalRoot, 1);
      await page.getByTestId('attract').tap();
      await expect(shelvesHint).toBeVisible();
      expect(await fontSize(page.locator('.greeting'))).toBeCloseTo(normal[0]!, 1);
      await shelvesHint.getByRole('button', { name: 'Got it' }).tap();
      await expect(shelvesHint).toBeHidden();
    });

    test('the reader: a tip once a visit, progress with the pages, language and Finish within reach', async ({
      kioskPage: page,
    }) => {
      await page.getByTestId('attract').tap();
      await openItem(page, 'shelf-energy', 'solar-basics');
      await page.getByTestId('open-item').tap();
      const reader = page.getByTestId('reader');
      const progress = page.getByTestId('reader-progress');
      const hint = page.getByTestId('hint-reader-pages');
      await expect(reader).toHaveAttribute('data-page-count', '2');
      await expect(hint).toBeVisible();
      // The tip lies beside the page, never over it: a link at the page's foot stays in reach.
      const stage = (await page.locator('.reader-stage').boundingBox())!;
      const tip = (await hint.boundingBox())!;
      expect(tip.y >= stage.y + stage.height - 1 || tip.y + tip.height <= stage.y + 1, 'tip clear of the page').toBe(
        true,
      );
      await expect(progress).toHaveAttribute('aria-valuenow', '50');
      await expect(progress).toHaveAttribute('aria-valuetext', 'Page 1 of 2');
      const half = (await progress.locator('div').boundingBox())!.width;
      expect(await layoutFaults(page)).toEqual([]);
      await expectNoSeriousViolations(page, 'reader with its tip');

      // Turning the page is what the tip explains: it goes, and the bar fills.
      await reader.getByRole('button', { name: 'Next page' }).tap();
      await expect(reader).toHaveAttribute('data-page', '2');
      await expect(hint).toHaveCount(0);
      await expect(progress).toHaveAttribute('aria-valuenow', '100');
      await expect.poll(async () => (await progress.locator('div').boundingBox())!.width).toBeGreaterThan(half * 1.9);
      await reader.getByRole('button', { name: 'Previous page' }).tap();
      await expect(progress).toHaveAttribute('aria-valuenow', '50');

      // Once a visit: closed and opened again, no tip.
      await reader.getByRole('button', { name: 'Close', exact: true }).first().tap();
      await page.getByTestId('open-item').tap();
      await expect(page.getByTestId('reader-progress')).toBeVisible();
      await expect(hint).toHaveCount(0);

      // The language from the reader: the reader stays open, in the new language.
      await page.getByTestId('reader-language').tap();
      const languages = page.getByTestId('reader-language-dialog');
      await expect(languages).toBeVisible();
      await expectNoSeriousViolations(page, 'reader languages');
      await languages.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).tap();
      await expect(languages).toBeHidden();
      await expect(page.locator('.reader.vertical')).toBeVisible();
      await expect(page.getByTestId('reader-finish')).toHaveText('ᠳᠠᠭᠤᠰᠬᠠᠬᠤ');
      expect(await writingMode(page.getByTestId('reader-finish'))).toBe('vertical-lr');
      await expect(page.getByTestId('reader-progress')).toBeVisible();
      expect(await layoutFaults(page)).toEqual([]);

      // Finish from the reader ends the visit.
      await page.getByTestId('reader-finish').tap();
      await expect(page.getByTestId('attract')).toBeVisible();
      await expect(reader).toHaveCount(0);
      // A new visit, in traditional Mongolian: the tip again, in columns beside the page.
      await page.getByTestId('attract-languages').locator('[data-locale="mn-Mong"]').tap();
      await openItem(page, 'shelf-energy', 'solar-basics');
      await page.getByTestId('open-item').tap();
      await expect(page.getByTestId('hint-reader-pages')).toContainText('ᠨᠢᠭᠤᠷ ᠡᠷᠭᠢᠭᠦᠯᠬᠦ');
      await expect(page.getByTestId('reader-progress')).toBeVisible();
      expect(await horizontalMongolian(page)).toEqual([]);
      const verticalStage = (await page.locator('.reader-stage').boundingBox())!;
      const verticalTip = (await page.getByTestId('hint-reader-pages').boundingBox())!;
      expect(
        verticalTip.x >= verticalStage.x + verticalStage.width - 1 ||
          verticalTip.y >= verticalStage.y + verticalStage.height - 1,
        'tip clear of the page (mn-Mong)',
      ).toBe(true);
      expect(await layoutFaults(page)).toEqual([]);
    });

    test('more on this subject opens another item; the video says its controls in words', async ({
      kioskPage: page,
    }) => {
      await page.getByTestId('attract').tap();
      await openItem(page, 'shelf-energy', 'solar-basics');
      const more = page.getByTestId('more-on-subject');
      await expect(more).toContainText('More on this subject: Energy');
      await expect(more.locator('.item-card')).not.toHaveCount(0);
      await expect(more.locator('[data-item-id="solar-basics"]')).toHaveCount(0);
      expect(await layoutFaults(page)).toEqual([]);
      await expectNoSeriousViolations(page, 'item with more on its subject');
      const other = more.locator('.item-card').first();
      const otherId = (await other.getAttribute('data-item-id'))!;
      await other.tap();
      await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', otherId);
      await page.getByTestId('back').tap();
      await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', 'solar-basics');

      await page.getByTestId('home').tap();
      await openItem(page, 'shelf-energy', 'solar-cooker');
      await page.getByTestId('open-item').tap();
      const player = page.getByTestId('video-player');
      await expect(player).toBeVisible();
      for (const word of ['Back', 'Play', 'Forward', 'Close'])
        await expect(player.locator('.round-word', { hasText: word })).toBeVisible();
      for (const seconds of await player.locator('.round-caption').all()) {
        await expect(seconds).toHaveText('10');
        expect(await fontSize(seconds), 'the skip buttons’ "10"').toBeGreaterThanOrEqual(18);
      }
    });
  });
}
