/**
 * The reader with long real documents and every script, by touch: a 2,415-page manual reached by
 * page number and scrubber, find from the page on screen with progress and stop, a tap right after
 * a swipe, the portrait panels over the page, vertical Mongolian chrome, and find marks on the glyphs.
 */
import { expect, type CDPSession, type Page } from '@playwright/test';
import { libraryTest } from './fixtures.ts';
import { installLibrary, manualPdf, manualRarePages, manualRareWord, storeBytes, textPdf } from './reader-library.ts';

const manualPages = 2415;

/** Making the 2,415-page manual takes seconds, and the tests only read. */
const test = libraryTest('kiosk-reader-long-', async (dataDir) => {
  const manual = await storeBytes(dataDir, await manualPdf(manualPages));
  const text = await storeBytes(dataDir, await textPdf(24));
  installLibrary(dataDir, [
    { id: 'manual', title: 'Reading room equipment manual', file: manual, pages: manualPages },
    { id: 'leaflet-text', title: 'How plants make sugar', file: text, pages: 24 },
  ]);
});

test.use({ hasTouch: true });

async function openItem(page: Page, id: string): Promise<void> {
  await page.getByTestId('attract').click();
  await page.locator(`[data-item-id="${id}"]`).first().click();
  await page.getByTestId('open-item').click();
  await expect(page.getByTestId('reader')).toBeVisible();
}

async function expectPageShown(page: Page, number: number, timeout?: number): Promise<void> {
  await expect(page.getByTestId('reader')).toHaveAttribute('data-page', String(number), timeout ? { timeout } : {});
  await expect(page.getByTestId('reader-stage')).toHaveAttribute('data-page-ready', String(number));
}

async function centre(page: Page, selector: ReturnType<Page['locator']>): Promise<{ x: number; y: number }> {
  const box = await selector.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A finger's fast swipe through the DevTools protocol: 80 ms, as a visitor flicks a page. */
async function flick(cdp: CDPSession, fromX: number, toX: number, y: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
  for (let step = 1; step <= 4; step++) {
    const x = fromX + ((toX - fromX) * step) / 4;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function touchTap(cdp: CDPSession, at: { x: number; y: number }): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('a tap on a reader button right after a fast swipe is a click', async ({ reader: page }) => {
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  const stage = await page.getByTestId('reader-stage').boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const y = stage!.y + stage!.height / 2;
  await flick(cdp, stage!.x + stage!.width * 0.8, stage!.x + stage!.width * 0.3, y);
  await expectPageShown(page, 2);
  // At once, while Chromium would still take the tap for one that stops a fling.
  await touchTap(cdp, await centre(page, page.getByRole('button', { name: 'Next page' })));
  await expectPageShown(page, 3);
  await flick(cdp, stage!.x + stage!.width * 0.8, stage!.x + stage!.width * 0.3, y);
  await expectPageShown(page, 4);
  await touchTap(cdp, await centre(page, page.getByRole('button', { name: 'Find', exact: true })));
  await expect(page.getByLabel('Find in this document')).toBeVisible();
  await cdp.detach();
});

async function goToPage(page: Page, number: number): Promise<void> {
  await page.getByTestId('reader-position').click();
  const pad = page.getByTestId('reader-page-pad');
  await expect(pad).toBeVisible();
  for (const digit of String(number)) await pad.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByTestId('reader-pad-number')).toHaveText(String(number));
  await pad.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(pad).toHaveCount(0);
}

test('page 2,000 of a 2,415-page manual is a few taps away, on the number pad or the slider', async ({
  reader: page,
}) => {
  await openItem(page, 'manual');
  await expectPageShown(page, 1);
  await expect(page.getByTestId('reader-position')).toHaveText('Page 1 of 2,415');

  await page.getByTestId('reader-position').click();
  const pad = page.getByTestId('reader-page-pad');
  await expect(pad.getByText('Pages 1 to 2,415')).toBeVisible();
  // A page past the end cannot be chosen; a fifth digit is not taken.
  for (const digit of '2416') await pad.getByRole('button', { name: digit, exact: true }).click();
  await expect(pad.getByRole('button', { name: 'Go', exact: true })).toBeDisabled();
  await pad.getByRole('button', { name: '9', exact: true }).click();
  await expect(page.getByTestId('reader-pad-number')).toHaveText('2416');
  for (let i = 0; i < 4; i++) await pad.getByRole('button', { name: 'Delete the last digit' }).click();
  await pad.getByRole('button', { name: 'Cancel' }).click();
  await expectPageShown(page, 1);

  await goToPage(page, 2000);
  await expectPageShown(page, 2000);
  await expect(page.getByTestId('reader-position')).toHaveText('Page 2,000 of 2,415');
  // Each key is a big touch target.
  await page.getByTestId('reader-position').click();
  const key = await pad.getByRole('button', { name: '5', exact: true }).boundingBox();
  expect(Math.min(key!.width, key!.height)).toBeGreaterThanOrEqual(80);
  await pad.getByRole('button', { name: 'Cancel' }).click();

  // The strip holds the pages near the one on screen, not 2,415 of them.
  await page.getByRole('button', { name: 'Pages', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Go to page 2,000' })).toHaveAttribute('aria-current', 'page');
  expect(await page.locator('[data-thumbnail]').count()).toBeLessThanOrEqual(61);
  // Sliding by touch shows the page it would open, and opens it when the finger lifts.
  const slider = page.getByTestId('reader-scrubber');
  const box = (await slider.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const y = box.y + box.height / 2;
  const at = (share: number) => box.x + box.width * share;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at(2000 / 2415), y }] });
  for (const share of [0.7, 0.5, 0.3, 0.25]) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: at(share), y }] });
  }
  await expect(page.getByTestId('reader-scrubber-page')).toHaveText(/^Page \d{3} of 2,415$/);
  await expect(page.getByTestId('reader')).toHaveAttribute('data-page', '2000');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  const landed = Number(await page.getByTestId('reader').getAttribute('data-page'));
  expect(Math.abs(landed - 0.25 * 2415)).toBeLessThan(40);
  await expectPageShown(page, landed);
  await expect(page.getByRole('button', { name: `Go to page ${landed.toLocaleString('en')}` })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('find starts from the page on screen, shows how far it has come, and can be stopped', async ({ reader: page }) => {
  await openItem(page, 'manual');
  await expectPageShown(page, 1);
  await goToPage(page, 1000);
  await expectPageShown(page, 1000);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByLabel('Find in this document').fill(manualRareWord);
  // Over a thousand pages remain after the first match: time enough to watch the search and stop it half way.
  await page.getByTestId('reader').getByRole('button', { name: 'Search' }).click();
  const status = page.getByTestId('reader-find-status');
  await expect(status).toHaveText(/^Searching page [\d,]+ of 2,415…/);
  // The first match after page 1,000 is shown while the rest is still being read.
  await expectPageShown(page, manualRarePages[1], 30_000);
  await expect(status).toHaveText(/^Searching page [\d,]+ of 2,415… 1 match so far$/);
  await page.getByTestId('reader').getByRole('button', { name: 'Stop' }).click();
  await expect(status).toHaveText(/^Stopped after [\d,]+ of 2,415 pages: 1 match\.$/);
  const searched = Number((await status.textContent())!.match(/after ([\d,]+)/)![1]!.replace(',', ''));
  expect(searched).toBeLessThan(2415);
  // Stopped means stopped: nothing more is read.
  await page.waitForTimeout(500);
  await expect(status).toHaveText(/^Stopped after [\d,]+ of 2,415 pages: 1 match\.$/);

  await page.getByTestId('reader').getByRole('button', { name: 'Search' }).click();
  await expect(status).toHaveText('Match 1 of 3', { timeout: 60_000 });
  await expectPageShown(page, manualRarePages[1]);
  await page.getByRole('button', { name: 'Next match' }).click();
  await expectPageShown(page, manualRarePages[2]);
  await page.getByRole('button', { name: 'Next match' }).click();
  await expectPageShown(page, manualRarePages[0]);
  await expect(status).toHaveText('Match 3 of 3');
});

test('the current match is marked on its glyphs, and a white word on green stays readable', async ({
  reader: page,
}) => {
  await openItem(page, 'manual');
  await expectPageShown(page, 1);
  await goToPage(page, manualRarePages[1]);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByLabel('Find in this document').fill(manualRareWord);
  await page.getByTestId('reader').getByRole('button', { name: 'Search' }).click();
  await expectPageShown(page, manualRarePages[1]);
  const mark = page.locator('.reader-mark.current');
  await expect(mark).toHaveCount(1);
  const box = (await mark.boundingBox())!;

  // The text layer's own boxes of the word's letters.
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
  }, manualRareWord);
  expect(word).toBeDefined();
  for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(box[side] - word![side])).toBeLessThan(2);

  // And on the page as drawn: the white ink of the word starts and ends at the mark's sides.
  const ink = await page.evaluate((box) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="reader-stage"] canvas')!;
    const place = canvas.getBoundingClientRect();
    const scale = canvas.width / place.width;
    const context = canvas.getContext('2d')!;
    const from = Math.round((box.x - 40 - place.x) * scale);
    const width = Math.round((box.width + 80) * scale);
    const top = Math.round((box.y + box.height * 0.2 - place.y) * scale);
    const { data } = context.getImageData(from, top, width, Math.round(box.height * 0.6 * scale));
    const columns: boolean[] = Array.from({ length: width }, (_, x) => {
      for (let y = 0; y < data.length / 4 / width; y++) {
        const i = (y * width + x) * 4;
        if (data[i]! > 200 && data[i + 1]! > 200 && data[i + 2]! > 200) return true;
      }
      return false;
    });
    // The word's ink: the white columns nearest the mark's middle, up to the spaces either side.
    const middle = Math.round(width / 2);
    // Letters of a 36-point heading lie up to 7 pixels apart, words 12 or more.
    const gap = Math.round(9 * scale);
    const edge = (step: 1 | -1) => {
      let last = middle;
      for (let x = middle; x >= 0 && x < width && Math.abs(x - last) <= gap; x += step) if (columns[x]) last = x;
      return last;
    };
    return { left: place.x + (from + edge(-1)) / scale, right: place.x + (from + edge(1) + 1) / scale };
  }, box);
  // Within a glyph's side bearing (the old share-of-characters box was half a letter, about 10 pixels, off).
  expect(Math.abs(ink.left - box.x)).toBeLessThan(5);
  expect(Math.abs(ink.right - (box.x + box.width))).toBeLessThan(5);

  // Under the mark the white letters are still white (a dark box would have hidden them).
  const shot = await page.screenshot({ clip: box });
  const bright = await page.evaluate(async (png) => {
    const bytes = Uint8Array.from(atob(png), (char) => char.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! > 220 && data[i + 1]! > 210 && data[i + 2]! > 150) count++;
    return count / (data.length / 4);
  }, shot.toString('base64'));
  expect(bright).toBeGreaterThan(0.1);
});

test('in portrait, Find and Contents lie over the page instead of narrowing it', async ({ reader: page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  const sheet = page.locator('.reader-sheet');
  const before = (await sheet.boundingBox())!;
  const stageBefore = (await page.getByTestId('reader-stage').boundingBox())!;
  for (const [button, panel] of [
    ['Find', '.reader-find'],
    ['Contents', '.reader-outline'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.locator(panel)).toBeVisible();
    await page.waitForTimeout(300);
    expect((await sheet.boundingBox())!.width).toBeCloseTo(before.width, 0);
    expect((await page.getByTestId('reader-stage').boundingBox())!.width).toBeCloseTo(stageBefore.width, 0);
    const over = (await page.locator(panel).boundingBox())!;
    expect(over.width).toBeCloseTo(stageBefore.width, -1);
    expect(over.y).toBeGreaterThan(stageBefore.y);
    await page.getByRole('button', { name: button, exact: true }).click();
  }
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`in traditional Mongolian every word of the reader runs vertically, ${size.width}×${size.height}`, async ({
    reader: page,
  }) => {
    await page.setViewportSize(size);
    await page.getByTestId('attract').click();
    await page.locator('.language-switcher').getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
    await page.locator('[data-item-id="manual"]').first().click();
    await page.getByTestId('open-item').click();
    await expectPageShown(page, 1);
    const reader = page.getByTestId('reader');
    const horizontalMongolian = () =>
      reader.evaluate((root) =>
        [...root.querySelectorAll('*')]
          .filter((element) => {
            const own = [...element.childNodes].some(
              (node) => node.nodeType === Node.TEXT_NODE && /\p{Script=Mongolian}/u.test(node.textContent ?? ''),
            );
            return own && element.getClientRects().length > 0;
          })
          .filter((element) => !getComputedStyle(element).writingMode.startsWith('vertical'))
          .map((element) => element.outerHTML.slice(0, 80)),
      );
    /** No element of the reader lies outside it (the page strip's pictures scroll, by design). */
    const outside = () =>
      reader.evaluate((root) => {
        const bounds = root.getBoundingClientRect();
        return [...root.querySelectorAll('button:not(.reader-thumbnail), h1, output, p, input')]
          .map((element) => ({ element, rect: element.getBoundingClientRect() }))
          .filter(({ rect }) => rect.width > 0)
          .filter(
            ({ rect }) =>
              rect.left < bounds.left - 1 ||
              rect.top < bounds.top - 1 ||
              rect.right > bounds.right + 1 ||
              rect.bottom > bounds.bottom + 1,
          )
          .map(({ element }) => element.outerHTML.slice(0, 80));
      });
    const checkAll = async (name: string) => {
      expect(await horizontalMongolian(), name).toEqual([]);
      expect(await outside(), name).toEqual([]);
      await page.screenshot({
        path: test.info().outputPath(`reader-mn-Mong-${name}-${size.width}x${size.height}.png`),
      });
    };
    await checkAll('page');
    const stageWidth = (await page.getByTestId('reader-stage').boundingBox())!.width;
    expect(stageWidth).toBeGreaterThan(size.width * 0.6);

    await reader.getByRole('button', { name: 'ᠬᠠᠢᠬᠤ', exact: true }).first().click();
    await expect(page.locator('.reader-find')).toBeVisible();
    await page.locator('.reader-find input').fill(manualRareWord);
    await page.locator('.reader-find button[type="submit"]').click();
    await expect(page.getByTestId('reader-find-status')).not.toHaveText('');
    await checkAll('find');
    await page.locator('.reader-find').getByRole('button').filter({ hasText: 'ᠵᠣᠭᠰᠣᠭᠠᠬᠤ' }).click();
    await reader.getByRole('button', { name: 'ᠬᠠᠢᠬᠤ', exact: true }).first().click();

    await page.getByTestId('reader-position').click();
    await expect(page.getByTestId('reader-page-pad')).toBeVisible();
    await checkAll('pad');
    await page.getByTestId('reader-page-pad').getByRole('button', { name: 'ᠪᠣᠯᠢᠬᠤ' }).click();

    await reader.getByRole('button', { name: 'ᠨᠢᠭᠤᠷ ᠤᠳ', exact: true }).click();
    await expect(page.getByTestId('reader-scrubber')).toBeVisible();
    await checkAll('pages');
  });
}
