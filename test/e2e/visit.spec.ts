/**
 * Whole visits as a visitor makes them, in each language: start from the attract screen, browse the
 * shelves, search by tapping the on-screen keyboard, open an item; and the idle reset that leaves
 * nothing of one visitor for the next.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoDataDir, expect, kioskTestTime, startHost, test } from './fixtures.ts';

async function tapKeys(page: Page, keys: string) {
  const keyboard = page.getByTestId('keyboard');
  for (const key of keys) {
    await keyboard.getByRole('button', { name: key, exact: true }).click();
  }
}

async function startVisit(page: Page) {
  await page.getByTestId('attract').click();
  await expect(page.getByTestId('shelf-energy')).toBeVisible();
}

test('a visit in Korean: typing ㅌㅐㅇㅑㅇ on the keyboard composes 태양 and finds the solar leaflet', async ({
  kioskPage: page,
}) => {
  await startVisit(page);
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { name: '오늘은 무엇을 배워 볼까요?' })).toBeVisible();
  await page.getByRole('button', { name: '검색' }).click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-method', 'hangul');

  const field = page.getByTestId('search-field');
  const seen: string[] = [];
  for (const key of 'ㅌㅐㅇㅑㅇ') {
    await tapKeys(page, key);
    seen.push(await field.inputValue());
  }
  expect(seen).toEqual(['ㅌ', '태', '탱', '태야', '태양']);

  const results = page.getByTestId('search-results');
  await expect(results).toContainText('태양광 발전의 기초');
  await expect(page.getByRole('status')).toContainText('결과');

  await page.getByRole('button', { name: '한 글자 지우기' }).click();
  await expect(field).toHaveValue('태야');
  await tapKeys(page, 'ㅇ');
  await expect(field).toHaveValue('태양');

  await results.locator('[data-item-id="solar-basics"]').click();
  const item = page.getByTestId('item-page');
  await expect(item.getByRole('heading', { level: 1 })).toHaveText('태양광 발전의 기초');
  await expect(item).toContainText('한국어');
  await expect(item).toContainText(/\d+쪽/);
  await expect(item.getByTestId('pdf-thumbnail')).toBeVisible();

  await item.getByRole('button', { name: '읽기' }).click();
  const reader = page.getByTestId('reader');
  await expect(reader).toBeVisible();
  await reader.getByRole('button', { name: '닫기' }).first().click();
  await expect(reader).toBeHidden();

  await page.getByTestId('back').click();
  await expect(field).toHaveValue('태양');
});

test('a visit in English: search by Latin keys, filter by subject, and an empty result says what to try', async ({
  kioskPage: page,
}) => {
  await startVisit(page);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-method', 'latin');
  await tapKeys(page, 'solar');
  await expect(page.getByTestId('search-field')).toHaveValue('solar');
  await expect(page.getByTestId('search-results')).toContainText('Solar power basics');

  const solar = page.locator('[data-item-id="solar-basics"]');
  await page.getByRole('group', { name: 'Subject' }).getByRole('button', { name: 'Industry' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await expect(solar).toHaveCount(0);
  await page.getByRole('group', { name: 'Subject' }).getByRole('button', { name: 'All' }).click();
  await expect(solar).toHaveCount(1);

  await page.getByRole('button', { name: 'Clear' }).click();
  await tapKeys(page, 'qqqq');
  await expect(page.getByRole('status')).toHaveText(/Nothing matches “qqqq”/);
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByText('Results appear here as you type.')).toBeVisible();
  await tapKeys(page, 'solar');

  await page.getByTestId('search-results').locator('[data-item-id="solar-basics"]').click();
  await expect(page.getByTestId('item-page').getByRole('heading', { level: 1 })).toHaveText('Solar power basics');
});

test('a visit in Chinese: the shelves are in Chinese and an item opens from them', async ({ kioskPage: page }) => {
  await startVisit(page);
  await page.getByRole('button', { name: '中文' }).click();
  const energy = page.getByTestId('shelf-energy');
  await expect(energy).toContainText('太阳能发电基础');
  await energy.locator('[data-item-id="solar-basics"]').click();
  await expect(page.getByTestId('item-page').getByRole('heading', { level: 1 })).toHaveText('太阳能发电基础');
});

test('a visit in Mongolian Cyrillic: Ө and Ү on the keyboard, results in Mongolian', async ({ kioskPage: page }) => {
  await startVisit(page);
  await page.getByRole('button', { name: 'Монгол', exact: true }).click();
  await page.getByRole('button', { name: 'Хайх' }).click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-method', 'mongolian-cyrillic');
  await expect(page.getByTestId('keyboard').getByRole('button', { name: 'ө', exact: true })).toBeVisible();
  await expect(page.getByTestId('keyboard').getByRole('button', { name: 'ү', exact: true })).toBeVisible();
  await tapKeys(page, 'хөрс');
  await expect(page.getByTestId('search-field')).toHaveValue('хөрс');
  await expect(page.getByTestId('search-results')).toContainText('Эрүүл хөрс, илүү их ургац');
  await page.getByTestId('search-results').locator('[data-item-id="healthy-soil"]').click();
  await expect(page.getByTestId('item-page')).toContainText('Эрүүл хөрс');
});

test('a visit in traditional Mongolian: interface text runs in vertical columns', async ({ kioskPage: page }) => {
  await startVisit(page);
  await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
  const greeting = page.getByRole('heading', { level: 1 });
  await expect(greeting).toHaveText('ᠦᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠰᠤᠷᠤᠮᠠᠷ ᠪᠠᠢᠨ᠎ᠠ ᠪᠤᠢ?');
  expect(await greeting.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('mn-Mong');
  await page.getByTestId('shelf-energy').locator('[data-item-id="solar-basics"]').click();
  await expect(page.getByTestId('item-page')).toBeVisible();
});

test('a quiz opens from its shelf card and its item page into its own screen, and Back returns', async ({
  kioskPage: page,
}) => {
  await startVisit(page);
  await page.getByTestId('shelf-new').locator('[data-item-id="science-quiz"]').click();
  await page.getByTestId('open-item').click();
  const intro = page.getByTestId('quiz-intro');
  await expect(intro.getByRole('heading', { level: 1 })).toHaveText('Everyday science quiz');
  await expect(intro).toContainText('8 questions');
  await expect(intro.getByRole('button', { name: /Practice/ })).toBeVisible();
  await expect(intro.getByRole('button', { name: /Challenge/ })).toBeVisible();
  await page.getByTestId('back').click();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', 'science-quiz');
});

test('the whole visit works from a keyboard alone', async ({ kioskPage: page }) => {
  await expect(page.getByTestId('attract')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('attract')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shelf-energy')).toBeVisible();
  let focusedItem: string | null = null;
  for (let presses = 0; presses < 40 && !focusedItem; presses++) {
    await page.keyboard.press('Tab');
    focusedItem = await page.evaluate(() => document.activeElement?.getAttribute('data-item-id') ?? null);
  }
  expect(focusedItem).not.toBeNull();
  await page.keyboard.press('Enter');
  const item = page.getByTestId('item-page');
  await expect(item).toHaveAttribute('data-item-id', focusedItem!);
  await page.getByTestId('open-item').focus();
  await page.keyboard.press('Enter');
  // A leaflet or video opens over the page; a quiz opens its own screen.
  await expect(page.getByRole('dialog').or(page.getByTestId('quiz-intro'))).toBeVisible();
});

test('a month after the last pack arrived, home shows the latest arrivals under an honest heading', async ({
  page,
}) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-arrivals-'));
  try {
    // The first start installs the demo collection at the test's instant.
    const first = await startHost(dataDir);
    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const later = new Date(kioskTestTime.getTime() + 31 * 86_400_000).toISOString();
    const { host, child } = await startHost(dataDir, ['--clock-start', later]);
    try {
      await page.goto(host.launchUrl);
      await startVisit(page);
      const latest = page.getByTestId('shelf-latest');
      await expect(latest).toBeVisible();
      await expect(latest.getByRole('heading')).toHaveText('Most recent arrivals');
      await expect(latest.locator('[data-item-id]').first()).toBeVisible();
      await expect(page.getByTestId('shelf-new')).toHaveCount(0);
      await expect(page.locator('.badge')).toHaveCount(0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test.describe('idle reset', () => {
  test('warns, can be dismissed, and then ends the visit leaving no trace', async ({ page }) => {
    const dataDir = await demoDataDir('kiosk-idle-');
    const { host, child } = await startHost(dataDir, ['--idle-seconds', '2']);
    try {
      await page.goto(host.launchUrl);
      await startVisit(page);
      await page.getByRole('button', { name: '한국어' }).click();
      await page.getByRole('button', { name: '검색' }).click();
      await tapKeys(page, 'ㅌㅐㅇㅑㅇ');
      await expect(page.getByTestId('search-results')).toContainText('태양광 발전의 기초');

      const countdown = page.getByTestId('idle-countdown');
      await expect(countdown).toBeVisible({ timeout: 5_000 });
      await expect(countdown.getByRole('alertdialog')).toContainText('아직 계신가요?');
      await countdown.getByRole('button', { name: '계속 볼게요' }).click();
      await expect(countdown).toBeHidden();
      await expect(page.getByTestId('search-field')).toHaveValue('태양');

      // Open a leaflet in the reader, then walk away.
      await page.getByTestId('search-results').locator('[data-item-id="solar-basics"]').click();
      await page.getByTestId('open-item').click();
      await expect(page.getByTestId('reader')).toBeVisible();

      // Walk away: the countdown comes back and runs out.
      await expect(page.getByTestId('attract')).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId('attract')).toContainText('Touch the screen to start');
      await expect(page.getByTestId('reader')).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await startVisit(page);
      await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByTestId('search-field')).toHaveValue('');
      await expect(page.getByTestId('keyboard')).toHaveAttribute('data-method', 'latin');
      await expect(page.getByTestId('back')).toBeEnabled();
      await page.getByTestId('back').click();
      await expect(page.getByTestId('back')).toBeDisabled();
      await expect(page.getByText('태양')).toHaveCount(0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
