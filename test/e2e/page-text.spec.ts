/**
 * A whole manual is searchable, to the page, by touch: a word that stands only on page 1,400 of a
 * 1,500-page manual is found, its result says the page and shows the words around it with the word
 * marked, and a tap on it opens the reader at page 1,400 with the reader's find marking it there.
 */
import { expect } from '@playwright/test';
import { libraryTest } from './fixtures.ts';
import {
  installLibrary,
  manualLonelyPage,
  manualLonelyWord,
  manualPageTexts,
  manualPdf,
  storeBytes,
  storePageText,
} from './reader-library.ts';

const manualPages = 1500;

/** The 1,500-page manual takes seconds to make, and the test only reads it. */
const test = libraryTest('kiosk-page-text-', async (dataDir) => {
  const manual = await storeBytes(dataDir, await manualPdf(manualPages));
  const pageText = await storePageText(dataDir, manualPageTexts(manualPages));
  installLibrary(dataDir, [
    { id: 'manual', title: 'Reading room equipment manual', file: manual, pages: manualPages, pageText },
  ]);
});

test.use({ hasTouch: true });

test('a word only on page 1,400 is found there: the result shows the page and the word marked, and opens at it', async ({
  reader: page,
}) => {
  await page.getByTestId('attract').tap();
  await page.getByRole('button', { name: 'Search', exact: true }).tap();
  const keyboard = page.getByTestId('keyboard');
  for (const key of manualLonelyWord) await keyboard.getByRole('button', { name: key, exact: true }).tap();
  await expect(page.getByTestId('search-field')).toHaveValue(manualLonelyWord);

  const results = page.getByTestId('search-results');
  await expect(results.locator('[data-item-id="manual"]')).toBeVisible();
  // Under the card, its own tap target: the card itself opens the item page as ever.
  const hit = results.locator('[data-hit-item-id="manual"]');
  await expect(hit.getByTestId('page-hit-page')).toHaveText('p. 1,400 —');
  await expect(hit).toContainText('turns a mirror to follow the sun');
  // The match is a mark element holding the word as text.
  await expect(hit.locator('mark')).toHaveText([manualLonelyWord]);
  await expect(page.getByTestId('search-results').locator('[data-testid="page-hit"]')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('search-page-hit.png') });

  const box = (await hit.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(48);
  await hit.tap();
  const reader = page.getByTestId('reader');
  await expect(reader).toHaveAttribute('data-page', String(manualLonelyPage), { timeout: 30_000 });
  await expect(page.getByTestId('reader-stage')).toHaveAttribute('data-page-ready', String(manualLonelyPage));
  await expect(page.locator('.reader-mark.current')).toHaveCount(1, { timeout: 30_000 });
  // The mark covers the word in the page's own text layer.
  const mark = (await page.locator('.reader-mark.current').boundingBox())!;
  const word = await page.getByTestId('reader-text-layer').evaluate((layer, text) => {
    for (const span of layer.querySelectorAll('span')) {
      const at = span.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(span.firstChild!, at);
      range.setEnd(span.firstChild!, at + text.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
    return undefined;
  }, manualLonelyWord);
  expect(word).toBeDefined();
  for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(mark[side] - word![side])).toBeLessThan(2);

  // The Find panel holds the words searched, so the visitor can step on from there.
  await reader.getByRole('button', { name: 'Find', exact: true }).tap();
  await expect(page.getByLabel('Find in this document')).toHaveValue(manualLonelyWord);
});
