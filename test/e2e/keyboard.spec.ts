/**
 * Typing in every script on the on-screen keyboard, by touch: Chinese by pinyin and its candidate
 * bar, traditional Mongolian on its own layout, and the keyboard of the reader's Find.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test.use({ hasTouch: true });

async function tapKeys(page: Page, keys: Iterable<string>) {
  const keyboard = page.getByTestId('keyboard');
  for (const key of keys) await keyboard.getByRole('button', { name: key, exact: true }).tap();
}

async function searchIn(page: Page, language: string, search: string) {
  await page.getByTestId('attract').tap();
  await page.getByRole('button', { name: language, exact: true }).tap();
  await page.getByRole('button', { name: search, exact: true }).tap();
}

test('Chinese: t-a-i-y-a-n-g offers 太阳 in the candidate bar, and picking it finds the solar leaflet', async ({
  kioskPage: page,
}) => {
  await searchIn(page, '中文', '搜索');
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-method', 'pinyin');
  const field = page.getByTestId('search-field');
  const bar = page.getByTestId('candidates');
  await expect(bar).toContainText('输入拼音');

  await tapKeys(page, 'taiyang');
  await expect(field).toHaveValue('taiyang');
  const first = bar.getByRole('button').first();
  await expect(first).toHaveText('太阳');
  // Big enough for a fingertip.
  const box = (await first.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
  // The letters are not searched while they wait for a pick.
  await expect(page.getByTestId('search-results')).toHaveCount(0);

  await first.tap();
  await expect(field).toHaveValue('太阳');
  const results = page.getByTestId('search-results');
  await expect(results.locator('[data-item-id="solar-basics"]')).toContainText('太阳能发电基础');

  // A phrase the bar has no word for is picked piece by piece.
  await tapKeys(page, 'nengzao');
  await bar.getByRole('button', { name: '能', exact: true }).tap();
  await expect(field).toHaveValue('太阳能zao');
  await bar.getByRole('button', { name: '灶', exact: true }).tap();
  await expect(field).toHaveValue('太阳能灶');
  await expect(results).toContainText('太阳能灶如何工作');
});

test('traditional Mongolian: the letters of ᠨᠠᠷᠠ on the Mongolian keyboard find the solar leaflet', async ({
  kioskPage: page,
}) => {
  await searchIn(page, 'ᠮᠣᠩᠭᠣᠯ', 'ᠬᠠᠢᠬᠤ');
  const keyboard = page.getByTestId('keyboard');
  await expect(keyboard).toHaveAttribute('data-method', 'mongolian-script');
  const letter = keyboard.getByRole('button', { name: 'ᠨ', exact: true });
  expect(await letter.evaluate((key) => getComputedStyle(key).writingMode)).toBe('vertical-lr');
  const box = (await letter.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);

  await tapKeys(page, 'ᠨᠠᠷᠠ');
  await expect(page.getByTestId('search-field')).toHaveValue('ᠨᠠᠷᠠ');
  await expect(page.getByTestId('search-results').locator('[data-item-id="solar-basics"]')).toContainText(
    'ᠨᠠᠷᠠ ᠶᠢᠨ ᠡᠷᠴᠢᠮ ᠬᠦᠴᠦ',
  );

  // The suffix space joins ᠶᠢᠨ to its word, as the title writes it.
  await keyboard.getByRole('button', { name: 'ᠨᠦᠬᠦᠴᠡᠯ ᠦᠨ ᠡᠮᠦᠨᠡᠬᠢ ᠨᠠᠷᠢᠬᠠᠨ ᠵᠠᠢ' }).tap();
  await tapKeys(page, 'ᠶᠢᠨ');
  await expect(page.getByTestId('search-field')).toHaveValue('ᠨᠠᠷᠠ\u202fᠶᠢᠨ');
  await expect(page.getByTestId('search-results').locator('[data-item-id="solar-basics"]')).toBeVisible();
});

test('the reader: tapping Find brings the on-screen keyboard, and a word typed on it is found', async ({
  kioskPage: page,
}) => {
  await page.getByTestId('attract').tap();
  await page.getByTestId('shelf-energy').locator('[data-item-id="solar-basics"]').tap();
  await page.getByTestId('open-item').tap();
  const reader = page.getByTestId('reader');
  await expect(reader).toBeVisible();

  await reader.getByRole('button', { name: 'Find', exact: true }).tap();
  await expect(reader.getByTestId('keyboard')).toBeVisible();
  await tapKeys(page, 'solar');
  await expect(page.getByLabel('Find in this document')).toHaveValue('solar');
  await reader.getByRole('button', { name: 'Search', exact: true }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Match' })).toHaveText(/Match 1 of \d+/);
  await expect(page.getByTestId('reader-mark').first()).toBeVisible();
});
