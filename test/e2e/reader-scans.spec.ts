/**
 * Scans in the reader: a JPEG 2000 page and a JBIG2 page (generated, `scan-fixtures.ts`) are drawn,
 * decoded in the PDF.js worker by its WebAssembly decoders — the page's own policy still refusing
 * WebAssembly and eval — and a CMYK page is coloured through PDF.js's CMYK profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { pinnedTest as base, signIn, startHost, type KioskHost } from './fixtures.ts';
import { installLibrary, storeBytes } from './reader-library.ts';
import { cmykPdf, cyanBox, jbig2ScanPdf, jpxScanPdf, scanBlankBox, scanInkBox } from './scan-fixtures.ts';

/** One data folder and host per worker: the tests only read. */
const test = base.extend<{ reader: Page; watch: Watch }, { library: KioskHost }>({
  library: [
    async ({}, use) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-scans-'));
      installLibrary(dataDir, [
        { id: 'scan-jpx', title: 'A JPEG 2000 scan', file: await storeBytes(dataDir, await jpxScanPdf(2)), pages: 2 },
        { id: 'scan-jbig2', title: 'A JBIG2 scan', file: await storeBytes(dataDir, await jbig2ScanPdf(2)), pages: 2 },
        { id: 'print-cmyk', title: 'A leaflet in CMYK', file: await storeBytes(dataDir, await cmykPdf()), pages: 1 },
      ]);
      const { host, child } = await startHost(dataDir);
      await use(host);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  watch: async ({ page }, use) => {
    const watch: Watch = { requests: [], console: [] };
    // Requests and console lines of the page and of its workers.
    page.context().on('request', (request) => watch.requests.push(new URL(request.url()).pathname));
    page.context().on('response', (response) => {
      if (response.status() >= 400) watch.requests.push(`failed ${new URL(response.url()).pathname}`);
    });
    page.on('console', (message) => watch.console.push(message.text()));
    page.on('worker', (worker) => worker.on('console', (message) => watch.console.push(message.text())));
    await use(watch);
  },
  reader: async ({ page, library, watch }, use) => {
    void watch;
    await signIn(page, library);
    await use(page);
  },
});

test.use({ hasTouch: true });

interface Watch {
  requests: string[];
  console: string[];
}

async function openItem(page: Page, id: string): Promise<void> {
  await page.getByTestId('attract').tap();
  await page.locator(`[data-item-id="${id}"]`).first().tap();
  await page.getByTestId('open-item').tap();
  await expect(page.getByTestId('reader-stage')).toHaveAttribute('data-page-ready', '1');
}

/** The page canvas's mean colour and share of dark pixels in a box given in PDF points from the top left. */
function pixelsIn(page: Page, box: { x: number; y: number; width: number; height: number }) {
  return page.evaluate((box) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="reader-stage"] canvas')!;
    const scale = canvas.width / 595;
    const { data } = canvas
      .getContext('2d')!
      .getImageData(box.x * scale, box.y * scale, box.width * scale, box.height * scale);
    const sum = [0, 0, 0];
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!;
      if (data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
    }
    const count = data.length / 4;
    return { dark: dark / count, rgb: sum.map((value) => Math.round(value / count)) };
  }, box);
}

/** What PDF.js says when a decoder's WebAssembly cannot be used, and what the CSP says when it refuses. */
const refusals = /WebAssembly|wasm|Content Security Policy|getWasmInstance|getJsInstance|ICC/i;

for (const [id, decoder] of [
  ['scan-jpx', 'openjpeg'],
  ['scan-jbig2', 'jbig2'],
] as const) {
  test(`draws a ${id === 'scan-jpx' ? 'JPEG 2000' : 'JBIG2'} page, decoded by the worker's WebAssembly`, async ({
    reader: page,
    watch,
  }) => {
    await openItem(page, id);
    expect((await pixelsIn(page, scanInkBox)).dark).toBeGreaterThan(0.95);
    expect((await pixelsIn(page, scanBlankBox)).dark).toBeLessThan(0.05);
    // The decoder's module was fetched from the kiosk and compiled: PDF.js falls back to its
    // JavaScript decoder (a script of its own) only when WebAssembly fails.
    expect(watch.requests).toContain(`/pdfjs/wasm/${decoder}.wasm`);
    expect(watch.requests.filter((request) => request.includes('nowasm') || request.startsWith('failed'))).toEqual([]);
    expect(watch.console.filter((line) => refusals.test(line))).toEqual([]);
  });
}

test('the page itself still refuses WebAssembly and eval while the worker decodes', async ({ reader: page }) => {
  await openItem(page, 'scan-jpx');
  // Code DevTools evaluates is exempt from the CSP, so the attempts run in a timer of the page's own.
  const attempt = await page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve) => {
        setTimeout(() => {
          let evaluated: string;
          try {
            evaluated = `ran: ${String((0, eval)('6 * 7'))}`;
          } catch (error) {
            evaluated = (error as Error).name;
          }
          const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
          WebAssembly.compile(empty).then(
            () => resolve({ wasm: 'compiled', eval: evaluated }),
            (error: unknown) => resolve({ wasm: (error as Error).name, eval: evaluated }),
          );
        }, 0);
      }),
  );
  expect(attempt).toEqual({ wasm: 'CompileError', eval: 'EvalError' });
});

test('colours a CMYK page through the CMYK profile', async ({ reader: page, watch }) => {
  await openItem(page, 'print-cmyk');
  const [red, green, blue] = (await pixelsIn(page, cyanBox)).rgb as [number, number, number];
  // Process cyan as printed, not the screen's pure cyan (0, 255, 255) of the formula.
  expect(red).toBeLessThan(40);
  expect(green).toBeGreaterThan(120);
  expect(green).toBeLessThan(200);
  expect(blue).toBeGreaterThan(190);
  expect(watch.requests).toContain('/pdfjs/iccs/CGATS001Compat-v2-micro.icc');
  expect(watch.requests).toContain('/pdfjs/wasm/qcms_bg.wasm');
  expect(watch.console.filter((line) => refusals.test(line))).toEqual([]);
});
