/**
 * Accessibility of every visitor screen: axe-core finds no serious or critical violation, in each
 * interface language, in landscape and in portrait.
 */
import { expectNoSeriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

const layouts = [
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
] as const;

for (const layout of layouts) {
  test.describe(layout.name, () => {
    test.use({ viewport: layout.viewport, reducedMotion: 'reduce' });

    test('attract, home, search, item and quiz intro have no serious violation', async ({ kioskPage: page }) => {
      await expect(page.getByTestId('spotlight')).toBeVisible();
      await expectNoSeriousViolations(page, 'attract');

      await page.getByTestId('attract').click();
      await expect(page.getByTestId('shelf-energy')).toBeVisible();
      await expectNoSeriousViolations(page, 'home');

      await page.getByRole('button', { name: 'Search' }).click();
      await expectNoSeriousViolations(page, 'empty search');
      for (const key of 'solar')
        await page.getByTestId('keyboard').getByRole('button', { name: key, exact: true }).click();
      await expect(page.getByTestId('search-results')).toContainText('Solar power basics');
      await expectNoSeriousViolations(page, 'search results');
      for (const key of 'zzz')
        await page.getByTestId('keyboard').getByRole('button', { name: key, exact: true }).click();
      await expect(page.getByText(/Nothing matches/)).toBeVisible();
      await expectNoSeriousViolations(page, 'search without results');

      await page.locator('.brand').click();
      await page.getByTestId('shelf-energy').locator('[data-item-id="solar-basics"]').click();
      await expect(page.getByTestId('item-page').getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, 'item');

      await page.locator('.brand').click();
      await page.getByTestId('shelf-new').locator('[data-item-id="science-quiz"]').click();
      await page.getByTestId('open-item').click();
      await expect(page.getByTestId('quiz-intro')).toBeVisible();
      await expectNoSeriousViolations(page, 'quiz intro');
    });

    for (const language of ['한국어', '中文', 'Монгол', 'ᠮᠣᠩᠭᠣᠯ']) {
      test(`home and search in ${language} have no serious violation`, async ({ kioskPage: page }) => {
        await page.getByTestId('attract').click();
        await page.getByRole('button', { name: language, exact: true }).click();
        await expect(page.getByTestId('shelf-energy')).toBeVisible();
        await expectNoSeriousViolations(page, `home (${language})`);
        await page.locator('.search-button').click();
        await expect(page.getByTestId('keyboard')).toBeVisible();
        await expectNoSeriousViolations(page, `search (${language})`);
      });
    }
  });
}

test('the idle countdown has no serious violation', async ({ kiosk, page }) => {
  // A fake clock brings the default 120 s idle time within the test's reach; the 20 s countdown is time enough.
  await page.clock.install();
  await page.goto(kiosk.launchUrl);
  await page.getByTestId('attract').click();
  await expect(page.getByTestId('shelf-energy')).toBeVisible();
  await page.clock.fastForward(121_000);
  await expect(page.getByTestId('idle-countdown')).toBeVisible();
  await expect(page.getByRole('button', { name: "I'm still here" })).toBeFocused();
  await expectNoSeriousViolations(page, 'idle countdown');
});
