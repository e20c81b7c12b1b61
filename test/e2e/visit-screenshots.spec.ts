/**
 * Pictures of every visitor screen at the two orientations a kiosk is mounted in: `npm run screenshots`
 * writes them to docs/screenshots/ so a reviewer sees the layout without running the kiosk (the test run
 * leaves this tour out; see playwright.config.ts).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { enterStaff, expect, test } from './fixtures.ts';

const shots = path.resolve(
  process.env['KIOSK_SCREENSHOTS_DIR'] ?? path.join(import.meta.dirname, '..', '..', 'test-results', 'screenshots'),
);
const sizes = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

async function snap(page: Page, name: string, size: (typeof sizes)[number]) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(shots, `${name}-${size.width}x${size.height}.png`) });
}

for (const size of sizes) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, reducedMotion: 'reduce' });

    test('attract, home, search, item, dialogs', async ({ kioskPage: page }) => {
      await expect(page.getByTestId('spotlight')).toBeVisible();
      await snap(page, 'attract', size);
      // The spotlight moves on every few seconds; the next item is a leaflet shown with its cover.
      await expect(page.locator('.spotlight-cover canvas')).toBeVisible({ timeout: 15_000 });
      await snap(page, 'attract-leaflet', size);

      await page.getByTestId('attract').click();
      await expect(page.getByTestId('shelf-energy')).toBeVisible();
      await snap(page, 'home-en', size);

      await page.getByRole('button', { name: '한국어' }).click();
      await page.locator('.search-button').click();
      for (const key of 'ㅌㅐㅇㅑㅇ') {
        await page.getByTestId('keyboard').getByRole('button', { name: key, exact: true }).click();
      }
      await expect(page.getByTestId('search-results')).toContainText('태양광 발전의 기초');
      await snap(page, 'search-ko', size);

      await page.getByTestId('search-results').locator('[data-item-id="solar-basics"]').click();
      await expect(page.getByTestId('pdf-thumbnail')).toBeVisible();
      await snap(page, 'item-ko', size);
      await page.getByTestId('open-item').click();
      await expect(page.getByTestId('reader')).toBeVisible();
      await page.waitForTimeout(1500);
      await snap(page, 'reader-ko', size);
      await page.getByTestId('reader').getByRole('button', { name: '닫기' }).first().click();

      await page.locator('.language-switcher').getByRole('button', { name: 'Монгол', exact: true }).click();
      await page.locator('.search-button').click();
      await snap(page, 'search-mn-Cyrl', size);

      await page.locator('.language-switcher').getByRole('button', { name: '中文' }).click();
      await page.locator('.brand').click();
      await page.getByTestId('shelf-new').locator('[data-item-id="science-quiz"]').click();
      await page.getByTestId('open-item').click();
      await expect(page.getByTestId('quiz-intro')).toBeVisible();
      await snap(page, 'quiz-intro-zh', size);
    });

    test('idle countdown', async ({ kiosk, page }) => {
      await page.goto(kiosk.launchUrl);
      await page.getByTestId('attract').click();
      await expect(page.getByTestId('shelf-energy')).toBeVisible();
      await page.clock.fastForward(125_000);
      await expect(page.getByTestId('idle-countdown')).toBeVisible();
      await snap(page, 'idle-countdown', size);
    });

    // Traditional Mongolian as the venue's language, so the attract screen is in it too.
    test('every screen in traditional Mongolian', async ({ kiosk, page }) => {
      await enterStaff(page, kiosk, '482913');
      const settings = await page.evaluate(() => window.kioskBridge.invoke('staff.settings', {}));
      await page.evaluate(
        (current) =>
          window.kioskBridge.invoke('staff.saveSettings', { settings: { ...current, defaultLocale: 'mn-Mong' } }),
        (settings as { value: Record<string, unknown> }).value,
      );
      await page.getByTestId('staff-leave').click();
      await expect(page.locator('.spotlight-cover canvas')).toBeVisible({ timeout: 15_000 });
      await snap(page, 'attract-mn-Mong', size);

      await page.getByTestId('attract').click();
      await expect(page.getByTestId('shelf-energy')).toBeVisible();
      await snap(page, 'home-mn-Mong', size);
      await page.getByTestId('shelf-energy').locator('[data-item-id="solar-basics"]').click();
      await expect(page.getByTestId('pdf-thumbnail')).toBeVisible();
      await snap(page, 'item-mn-Mong', size);
      await page.getByTestId('open-item').click();
      await expect(page.getByTestId('reader-stage')).toHaveAttribute('data-page-ready', /\d+/);
      await snap(page, 'reader-mn-Mong', size);
      await page.getByTestId('reader').locator('.reader-close').first().click();
      await expect(page.getByTestId('reader')).toHaveCount(0);
      await page.getByTestId('text-size').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, 'text-size-mn-Mong', size);
      await page.keyboard.press('Escape');
      // An item with no Mongolian-script version: its Cyrillic words framed and tagged.
      await page.locator('.brand').click();
      await page.getByTestId('shelf-agriculture').locator('[data-item-id="healthy-soil"]').click();
      await expect(page.getByTestId('pdf-thumbnail')).toBeVisible();
      await snap(page, 'item-cyrillic-mn-Mong', size);

      await page.locator('.search-button').click();
      await expect(page.getByTestId('keyboard')).toBeVisible();
      await snap(page, 'search-mn-Mong', size);
      for (const key of 'ᠨᠠᠷᠠ')
        await page.getByTestId('keyboard').getByRole('button', { name: key, exact: true }).click();
      await expect(page.getByTestId('search-results').locator('.item-card')).not.toHaveCount(0);
      await snap(page, 'search-results-mn-Mong', size);

      await page.locator('.brand').click();
      await page.getByTestId('shelf-energy').locator('[data-item-id="solar-cooker"]').click();
      await page.getByTestId('open-item').click();
      await expect(page.getByTestId('video-player')).toBeVisible();
      await snap(page, 'video-mn-Mong', size);
      await page.getByTestId('video-close').click();

      await page.locator('.brand').click();
      await page.getByTestId('shelf-new').locator('[data-item-id="science-quiz"]').click();
      await page.getByTestId('open-item').click();
      await expect(page.getByTestId('quiz-intro')).toBeVisible();
      await snap(page, 'quiz-intro-mn-Mong', size);
      await page.locator('[data-mode="practice"]').click();
      await expect(page.getByTestId('quiz-question')).toBeVisible();
      await snap(page, 'quiz-question-mn-Mong', size);

      await page.clock.fastForward(125_000);
      await expect(page.getByTestId('idle-countdown')).toBeVisible();
      await snap(page, 'idle-countdown-mn-Mong', size);
    });
  });
}
