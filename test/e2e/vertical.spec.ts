/**
 * A visit in traditional Mongolian, at 1920×1080 and 1080×1920: on every visitor screen each piece of text in
 * the Mongolian script runs in vertical columns (the idle countdown, dialog buttons and the search hint
 * included), and the layout holds together, measured from the page: a shelf's cards and bands of one height,
 * no taller than their words need; headings that add no height; a one-row top bar; the search filters clear
 * of the keyboard and the result count. Text in another script is framed and tagged. axe finds nothing serious.
 */
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { enterStaff, expect, test } from './fixtures.ts';

const layouts = [
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
] as const;

/** Every visible piece of text in the Mongolian script whose element is not set vertically, named for the report. */
async function horizontalMongolian(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const element = node.parentElement;
      if (!element || !/[\u1800-\u18AF]/.test(text)) continue;
      const box = element.getBoundingClientRect();
      // Text only a screen reader gets (a visually hidden heading) has no direction to see.
      if (!element.checkVisibility() || box.width <= 1 || box.height <= 1) continue;
      if (getComputedStyle(element).writingMode !== 'vertical-lr') found.push(`<${element.className}> ${text}`);
    }
    return found;
  });
}

async function writingMode(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).writingMode);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'element on screen').not.toBeNull();
  return found!;
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function expectVerticalScreen(page: Page, screen: string) {
  await page.evaluate(() => document.fonts.ready);
  expect(await horizontalMongolian(page), `horizontal Mongolian on the ${screen} screen`).toEqual([]);
  await expectNoSeriousViolations(page, `${screen} (mn-Mong)`);
}

/** The venue's language becomes traditional Mongolian, so the attract screen and every visit start in it. */
async function venueInMongolian(page: Page, kiosk: Parameters<typeof enterStaff>[1]) {
  await enterStaff(page, kiosk, '482913');
  const settings = await page.evaluate(() => window.kioskBridge.invoke('staff.settings', {}));
  expect(settings).toMatchObject({ ok: true });
  const saved = await page.evaluate(
    (current) =>
      window.kioskBridge.invoke('staff.saveSettings', { settings: { ...current, defaultLocale: 'mn-Mong' } }),
    (settings as { value: Record<string, unknown> }).value,
  );
  expect(saved).toMatchObject({ ok: true });
  await page.getByTestId('staff-leave').click();
  await expect(page.locator('.screen.vertical[data-screen="attract"]')).toBeVisible();
}

for (const layout of layouts) {
  test.describe(`${layout.name} ${layout.viewport.width}×${layout.viewport.height}`, () => {
    test.use({ viewport: layout.viewport, reducedMotion: 'reduce' });

    test('every visitor screen is vertical and holds together', async ({ kiosk, page }) => {
      await venueInMongolian(page, kiosk);
      await expect(page.getByTestId('spotlight')).toBeVisible();
      await expectVerticalScreen(page, 'attract');

      // Home: one column of greeting beside the shelves, each shelf's name a spine beside its row.
      await page.getByTestId('attract').click();
      await expect(page.getByTestId('shelf-energy')).toBeVisible();
      await expect(page.getByTestId('shelf-energy').locator('.item-card')).not.toHaveCount(0);
      await expectVerticalScreen(page, 'home');
      const bar = await box(page.locator('.topbar'));
      // Before: 216 px in landscape and 345 px in portrait, where the languages took a row of their own.
      expect(bar.height, 'top bar height').toBeLessThanOrEqual(170);
      const home = await box(page.locator('main.home'));
      const firstRow = await box(page.locator('.shelf-row').first());
      // Before: the 268 px greeting and a 219 px shelf name stood over the first card.
      expect(firstRow.y - home.y, 'space over the first shelf').toBeLessThanOrEqual(40);
      for (const shelf of await page.locator('.shelf').all()) {
        const name = (await shelf.getAttribute('data-testid')) ?? 'shelf';
        const rows = await shelf.locator('.shelf-row').evaluate((row) => {
          const cards = [...row.querySelectorAll<HTMLElement>('.item-card')];
          return {
            row: row.getBoundingClientRect().height,
            cards: cards.map((card) => card.getBoundingClientRect().height),
            bands: cards.map((card) => card.querySelector('.item-card-band')!.getBoundingClientRect().height),
            // What a card's words need: its band and its words, without the stretch to the row.
            content: cards.map(
              (card) =>
                card.querySelector('.item-card-band')!.getBoundingClientRect().height +
                card.querySelector('.item-text')!.getBoundingClientRect().height,
            ),
          };
        });
        // Before: one Mongolian card made every card 862 px tall; bands were 105 or 157 px.
        expect(Math.max(...rows.cards) - Math.min(...rows.cards), `${name}: card heights`).toBeLessThanOrEqual(1);
        expect(Math.max(...rows.bands) - Math.min(...rows.bands), `${name}: band heights`).toBeLessThanOrEqual(1);
        expect(Math.max(...rows.cards), `${name}: cards no taller than their words`).toBeLessThanOrEqual(
          Math.max(...rows.content) + 48,
        );
        expect(Math.max(...rows.cards), `${name}: card height`).toBeLessThanOrEqual(420);
        // The name beside the row adds no height of its own.
        expect((await box(shelf)).height - rows.row, `${name}: height over its row`).toBeLessThanOrEqual(2);
      }

      // A card with no Mongolian-script words: its Cyrillic set upright, framed, tagged with its script.
      const soil = page.getByTestId('shelf-agriculture').locator('[data-item-id="healthy-soil"]');
      const tag = soil.getByTestId('shown-in');
      await expect(tag).toHaveText('ᠺᠢᠷᠢᠯ ᠦᠰᠦᠭ ᠢᠶᠡᠷ');
      expect(await writingMode(tag)).toBe('vertical-lr');
      const soilWords = soil.locator('.item-text-body');
      await expect(soilWords).toHaveAttribute('lang', 'mn-Cyrl');
      expect(await writingMode(soilWords)).toBe('horizontal-tb');
      expect(overlap(await box(tag), await box(soilWords)), 'tag beside the words').toBe(false);

      // The item page, in the script and in Cyrillic.
      await page.getByTestId('shelf-energy').locator('[data-item-id="solar-basics"]').click();
      await expect(page.getByTestId('item-page').getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByTestId('pdf-thumbnail')).toBeVisible();
      await expectVerticalScreen(page, 'item');
      await page.locator('.brand').click();
      await soil.click();
      // The item's own words (the shelf of more on its subject below has tags of its own).
      await expect(page.getByTestId('item-page').locator('.item-facts').getByTestId('shown-in')).toBeVisible();
      await expectVerticalScreen(page, 'item in Cyrillic');

      // Search: the drawn hint is vertical; the filters' names clear the keyboard and the result count.
      await page.locator('.search-button').click();
      const keyboard = page.getByTestId('keyboard');
      await expect(keyboard).toBeVisible();
      const hint = page.getByTestId('search-placeholder');
      await expect(hint).toBeVisible();
      expect(await writingMode(hint)).toBe('vertical-lr');
      expect(overlap(await box(hint), await box(page.getByTestId('search-field')))).toBe(true);
      await expectVerticalScreen(page, 'search');
      const writtenIn = page.locator('.chip-label', { hasText: 'ᠪᠢᠴᠢᠭᠳᠡᠭᠰᠡᠨ ᠬᠡᠯᠡ' });
      // Before: in landscape the label ran 22 px under the keyboard.
      expect(overlap(await box(writtenIn), await box(keyboard)), '"Written in" and the keyboard').toBe(false);
      for (const key of 'ᠨᠠᠷᠠ') await keyboard.getByRole('button', { name: key, exact: true }).click();
      await expect(hint).toBeHidden();
      const count = page.locator('.result-count');
      await expect(count).toBeVisible();
      await expect(page.getByTestId('search-results').locator('.item-card')).not.toHaveCount(0);
      await expectVerticalScreen(page, 'search results');
      // Before: in portrait the label ran into the result count.
      expect(overlap(await box(writtenIn), await box(count)), '"Written in" and the result count').toBe(false);
      for (const label of await page.locator('.chip-label').all()) {
        const row = await box(label.locator('..'));
        const own = await box(label);
        expect(own.y + own.height, 'a filter name inside its row').toBeLessThanOrEqual(row.y + row.height + 1);
      }

      // The video player's chrome.
      await page.locator('.brand').click();
      await page.getByTestId('shelf-energy').locator('[data-item-id="solar-cooker"]').click();
      await page.getByTestId('open-item').click();
      await expect(page.getByTestId('video-player')).toBeVisible();
      await expectVerticalScreen(page, 'video player');
      await page.getByTestId('video-close').click();

      // The quiz's first screen.
      await page.locator('.brand').click();
      await page.getByTestId('shelf-new').locator('[data-item-id="science-quiz"]').click();
      await page.getByTestId('open-item').click();
      const intro = page.getByTestId('quiz-intro');
      await expect(intro).toBeVisible();
      expect(await writingMode(intro.locator('[data-mode="practice"]'))).toBe('vertical-lr');
      await expectVerticalScreen(page, 'quiz intro');

      // The idle countdown, drawn outside the screen, is vertical too.
      await page.clock.fastForward(125_000);
      const countdown = page.getByTestId('idle-countdown');
      await expect(countdown).toBeVisible();
      await expect(countdown).toHaveAttribute('lang', 'mn-Mong');
      for (const part of [countdown.locator('h2'), countdown.locator('p'), countdown.getByRole('button')])
        expect(await writingMode(part)).toBe('vertical-lr');
      await expectVerticalScreen(page, 'idle countdown');
    });
  });
}
