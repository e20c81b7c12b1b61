/**
 * The PDF reader end to end: generated PDFs are put in a data folder's content store and catalog,
 * the real browser host serves them, and a visitor opens them from the home screen and reads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { pinnedTest as base, signIn, startHost, type KioskHost } from './fixtures.ts';
import {
  cjkBox,
  cjkPdf,
  damagedPagePdf,
  externalUrl,
  headingBox,
  installLibrary,
  storeBytes,
  storeLargePdf,
  textPdf,
} from './reader-library.ts';

const largeSize = 512 * 1024 * 1024;

interface Library {
  host: KioskHost;
  largeHash: string;
  largeSize: number;
}

/** One data folder and host per worker: making the PDFs is the slow part, and the tests only read. */
const test = base.extend<{ reader: Page }, { library: Library }>({
  library: [
    async ({}, use) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-reader-'));
      const text = await storeBytes(dataDir, await textPdf(24));
      const cjk = await storeBytes(dataDir, await cjkPdf());
      const large = await storeLargePdf(dataDir, largeSize);
      const damaged = await storeBytes(dataDir, await damagedPagePdf());
      installLibrary(dataDir, [
        { id: 'leaflet-text', title: 'How plants make sugar', file: text, pages: 24 },
        { id: 'leaflet-cjk', title: 'Photosynthesis in Chinese and Korean', file: cjk, pages: 1 },
        { id: 'leaflet-large', title: 'A very large leaflet', file: large, pages: 2 },
        { id: 'leaflet-damaged', title: 'A leaflet with a damaged page', file: damaged, pages: 3 },
      ]);
      const { host, child } = await startHost(dataDir);
      await use({ host, largeHash: large.hash, largeSize: large.size });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  reader: async ({ page, library }, use) => {
    await signIn(page, library.host);
    await use(page);
  },
});

async function openItem(page: Page, id: string): Promise<void> {
  await page.getByTestId('attract').click();
  await page.locator(`[data-item-id="${id}"]`).first().click();
  await page.getByTestId('open-item').click();
  await expect(page.getByTestId('reader')).toBeVisible();
}

function stage(page: Page) {
  return page.getByTestId('reader-stage');
}

async function expectPageShown(page: Page, number: number): Promise<void> {
  await expect(page.getByTestId('reader')).toHaveAttribute('data-page', String(number));
  await expect(stage(page)).toHaveAttribute('data-page-ready', String(number));
}

/** Share of dark pixels in a box (given in PDF points from the page's top left) of the page canvas. */
async function inkIn(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<number> {
  return page.evaluate((box) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="reader-stage"] canvas')!;
    // The canvas is drawn at some device scale; the page is 595 points wide.
    const scale = canvas.width / 595;
    const context = canvas.getContext('2d')!;
    const { data } = context.getImageData(box.x * scale, box.y * scale, box.width * scale, box.height * scale);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
    return dark / (data.length / 4);
  }, box);
}

/** A real touch swipe through the DevTools protocol, as a finger would make it. */
async function swipe(page: Page, fromX: number, toX: number, y: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
  for (let step = 1; step <= 6; step++) {
    const x = fromX + ((toX - fromX) * step) / 6;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function stageBox(page: Page) {
  const box = await stage(page).boundingBox();
  if (!box) throw new Error('the reader stage is not on screen');
  return box;
}

test('opens a PDF from the home screen and draws its first page with text', async ({ reader: page }) => {
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  await expect(page.getByTestId('reader-position')).toHaveText('Page 1 of 24');
  expect(await inkIn(page, headingBox)).toBeGreaterThan(0.05);
  await page.getByTestId('reader').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('reader')).toHaveCount(0);
  // The item page's cover is the first page drawn small.
  const cover = page.getByTestId('pdf-thumbnail');
  await expect(cover).toBeVisible();
  expect(await cover.evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(100);

  await page.getByTestId('open-item').click();
  await expectPageShown(page, 1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reader')).toHaveCount(0);
});

test('turns pages by tapping the edges, swiping, buttons and arrow keys', async ({ reader: page }) => {
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  const box = await stageBox(page);
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
  await expectPageShown(page, 2);
  await page.mouse.click(box.x + box.width * 0.1, box.y + box.height / 2);
  await expectPageShown(page, 1);

  await swipe(page, box.x + box.width * 0.7, box.x + box.width * 0.2, box.y + box.height / 2);
  await expectPageShown(page, 2);
  await swipe(page, box.x + box.width * 0.7, box.x + box.width * 0.2, box.y + box.height / 2);
  await expectPageShown(page, 3);
  await swipe(page, box.x + box.width * 0.2, box.x + box.width * 0.7, box.y + box.height / 2);
  await expectPageShown(page, 2);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expectPageShown(page, 3);
  await page.keyboard.press('ArrowRight');
  await expectPageShown(page, 4);
  await page.keyboard.press('ArrowLeft');
  await expectPageShown(page, 3);
  await page.keyboard.press('End');
  await expectPageShown(page, 24);
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
});

test('zooms by preset, by double tap and by pinch, and pans instead of turning when zoomed', async ({
  reader: page,
}) => {
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  const sheet = page.locator('.reader-sheet');
  const widthAt = async () => (await sheet.boundingBox())!.width;
  const fitWidth = await widthAt();

  await page.getByRole('button', { name: '200%' }).click();
  await expect(page.getByRole('button', { name: '200%' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(widthAt).toBeCloseTo(fitWidth * 2, -1);
  const box = await stageBox(page);
  await page.mouse.click(box.x + box.width * 0.95, box.y + box.height / 2);
  await expectPageShown(page, 1);

  await page.getByRole('button', { name: 'Whole page' }).click();
  await expect.poll(widthAt).toBeCloseTo(fitWidth, -1);

  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(widthAt).toBeCloseTo(fitWidth * 2, -1);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(widthAt).toBeCloseTo(fitWidth, -1);

  const cdp = await page.context().newCDPSession(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [
      { x: cx - 50, y: cy, id: 1 },
      { x: cx + 50, y: cy, id: 2 },
    ],
  });
  for (let step = 1; step <= 5; step++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [
        { x: cx - 50 - step * 15, y: cy, id: 1 },
        { x: cx + 50 + step * 15, y: cy, id: 2 },
      ],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  // The fingers spread from 100 to 250 pixels: two and a half times the whole page.
  await expect.poll(widthAt).toBeCloseTo(fitWidth * 2.5, -1);
  await expect(stage(page)).toHaveAttribute('data-page-ready', '1');
});

test('+ and - zoom in and out from every preset, Fit width on a wide screen included', async ({ reader: page }) => {
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  const factor = async () => Number(await page.locator('.reader-sheet').getAttribute('data-zoom-factor'));
  const fitWidth = page.getByRole('button', { name: 'Fit width' });

  await fitWidth.click();
  await expect(fitWidth).toHaveAttribute('aria-pressed', 'true');
  // On a landscape screen an A4 page's width fills it at well over the whole-page size.
  await expect.poll(factor).toBeGreaterThan(2);
  const atFitWidth = await factor();
  await page.keyboard.press('+');
  await expect.poll(factor).toBeGreaterThan(atFitWidth * 1.05);
  await page.keyboard.press('-');
  await expect(fitWidth).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('-');
  await expect.poll(factor).toBeLessThan(atFitWidth / 1.05);

  await page.getByRole('button', { name: 'Whole page' }).click();
  await expect.poll(factor).toBe(1);
  await page.keyboard.press('-');
  await page.keyboard.press('+');
  await expect(page.getByRole('button', { name: '150%' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(factor).toBe(1.5);
});

/** The reader's alert that the page on screen could not be drawn. */
function pageError(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'This page could not be shown' });
}

/** No page error now, nor once the neighbours drawn ahead (the damaged one among them) have had time to fail. */
async function expectNoPageError(page: Page): Promise<void> {
  await expect(pageError(page)).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(pageError(page)).toHaveCount(0);
}

test('a page that cannot be drawn says so, and the message leaves with it however the page is turned', async ({
  reader: page,
}) => {
  await openItem(page, 'leaflet-damaged');
  await expectPageShown(page, 1);
  await expectNoPageError(page);
  const box = await stageBox(page);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByTestId('reader')).toHaveAttribute('data-page', '2');
  await expect(pageError(page)).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expectPageShown(page, 3);
  await expectNoPageError(page);

  await swipe(page, box.x + box.width * 0.2, box.x + box.width * 0.7, box.y + box.height / 2);
  await expect(page.getByTestId('reader')).toHaveAttribute('data-page', '2');
  await expect(pageError(page)).toBeVisible();
  await swipe(page, box.x + box.width * 0.2, box.x + box.width * 0.7, box.y + box.height / 2);
  await expectPageShown(page, 1);
  await expectNoPageError(page);

  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
  await expect(page.getByTestId('reader')).toHaveAttribute('data-page', '2');
  await expect(pageError(page)).toBeVisible();
  await page.getByRole('button', { name: 'Pages', exact: true }).click();
  await page.getByRole('button', { name: 'Go to page 3' }).click();
  await expectPageShown(page, 3);
  await expectNoPageError(page);
});

test('finds text across pages and marks the hits', async ({ reader: page }) => {
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByLabel('Find in this document').fill('Chlorophyll');
  await page.getByTestId('reader').getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Match' })).toHaveText('Match 1 of 3');
  await expectPageShown(page, 7);
  await expect(page.getByTestId('reader-mark')).toHaveCount(2);
  await expect(page.locator('.reader-mark.current')).toHaveCount(1);
  await page.getByRole('button', { name: 'Next match' }).click();
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Match' })).toHaveText('Match 3 of 3');
  await expectPageShown(page, 12);
  await expect(page.getByTestId('reader-mark')).toHaveCount(1);

  await page.getByLabel('Find in this document').fill('no such word anywhere');
  await page.getByTestId('reader').getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No matches in this document.')).toBeVisible();
});

test('the page strip and the contents jump to pages', async ({ reader: page }) => {
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  await page.getByRole('button', { name: 'Pages', exact: true }).click();
  await page.getByRole('button', { name: 'Go to page 6' }).click();
  await expectPageShown(page, 6);
  await expect(page.getByRole('button', { name: 'Go to page 6' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Contents' }).click();
  await page.getByRole('button', { name: 'Chapter starting on page 10' }).click();
  await expectPageShown(page, 10);
});

test('an internal link jumps; a web link shows its address and never navigates or opens a window', async ({
  reader: page,
}) => {
  await openItem(page, 'leaflet-text');
  await expectPageShown(page, 1);
  const url = page.url();
  let popups = 0;
  page.on('popup', () => popups++);
  const requestsToWeb: string[] = [];
  page.on('request', (request) => {
    const target = request.url();
    if (/^(https?|wss?):/.test(target) && new URL(target).origin !== new URL(url).origin) requestsToWeb.push(target);
  });

  await page.getByRole('button', { name: `Link to a web page: ${externalUrl}` }).click();
  await expect(page.getByTestId('reader-notice-url')).toHaveText(externalUrl);
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByTestId('reader-notice-url')).toHaveCount(0);

  await page.getByRole('button', { name: 'Link to page 4' }).click();
  await expectPageShown(page, 4);
  expect(page.url()).toBe(url);
  expect(popups).toBe(0);
  expect(requestsToWeb).toEqual([]);
});

test('a Chinese and Korean PDF draws its glyphs', async ({ reader: page }) => {
  await openItem(page, 'leaflet-cjk');
  await expectPageShown(page, 1);
  // The heading "光合作用 광합성" at 56 pt leaves plenty of ink in its box; a missing font leaves none.
  expect(await inkIn(page, cjkBox)).toBeGreaterThan(0.05);
  expect(await inkIn(page, { x: 60, y: 500, width: 400, height: 200 })).toBe(0);
});

test('a 512 MB PDF opens by range requests without being read whole', async ({ reader: page, library }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const contentRequests = new Set<string>();
  let received = 0;
  const ranges: string[] = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.includes(`/content/${library.largeHash}`)) {
      contentRequests.add(event.requestId);
      ranges.push(event.request.headers['Range'] ?? event.request.headers['range'] ?? 'whole');
    }
  });
  cdp.on('Network.dataReceived', (event) => {
    if (contentRequests.has(event.requestId)) received += event.dataLength;
  });
  await openItem(page, 'leaflet-large');
  await expectPageShown(page, 1);
  await page.keyboard.press('ArrowRight');
  await expectPageShown(page, 2);
  console.log(
    `large PDF: ${received} of ${library.largeSize} bytes transferred in ${ranges.length} requests (${ranges.join(', ')})`,
  );
  expect(ranges.some((range) => range.startsWith('bytes='))).toBe(true);
  expect(received).toBeGreaterThan(0);
  expect(received).toBeLessThan(library.largeSize / 100);
});

test('stored content needs the launch secret and a 64-hex name', async ({ library, request, reader: page }) => {
  const url = `${library.host.origin}/content/${library.largeHash}`;
  expect((await request.get(url)).status()).toBe(401);
  const answers = await page.evaluate(
    async ([hash]) => {
      const status = async (path: string, init?: RequestInit) => (await fetch(path, init)).status;
      const ranged = await fetch(`/content/${hash}`, { headers: { Range: 'bytes=0-7' } });
      return {
        ranged: ranged.status,
        type: ranged.headers.get('content-type'),
        body: await ranged.text(),
        upper: await status(`/content/${hash!.toUpperCase()}`),
        short: await status(`/content/${hash!.slice(0, 40)}`),
        listing: await status('/content/'),
        prefix: await status(`/content/${hash!.slice(0, 2)}/${hash}`),
      };
    },
    [library.largeHash],
  );
  expect(answers).toEqual({
    ranged: 206,
    type: 'application/pdf',
    body: '%PDF-1.7',
    upper: 404,
    short: 404,
    listing: 404,
    prefix: 404,
  });
});
