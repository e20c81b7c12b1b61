/**
 * JPEG 2000 scans in the reader, decoded by the PDF.js worker's WebAssembly decoder against its
 * JavaScript fallback, in the same run: headless Chromium over the real browser host, one browser
 * context as the kiosk runs (WebAssembly) and one whose requests for `openjpeg.wasm` fail, so PDF.js
 * falls back to `openjpeg_nowasm_fallback.js` (what a worker without 'wasm-unsafe-eval' would run).
 * The document is an 8-page 300-dpi grey scan (2480 × 3508, every page its own image, so no decoded
 * image is reused). Measured inside the page: tap Read → page 1 painted, and page turns with the
 * visitor's moment on each page (250 ms, when the neighbours are drawn ahead) → the next page painted.
 *
 *   node bench/reader-jpx.bench.ts [--runs 3]
 *
 * The renderer must be built first (npm run build:renderer).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { installLibrary, storeBytes } from '../test/e2e/reader-library.ts';
import { jpxScanPdf } from '../test/e2e/scan-fixtures.ts';
import { startBenchHost } from './bench-host.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const pages = 8;
const repoRoot = path.resolve(import.meta.dirname, '..');

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (value: number) => `${value.toFixed(0)} ms`;

console.log(`Preparing: an ${pages}-page 300-dpi JPEG 2000 scan (opj_compress)…`);
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reader-jpx-bench-'));
const scan = await storeBytes(dataDir, await jpxScanPdf(pages, 300, pages));
installLibrary(dataDir, [{ id: 'bench-jpx', title: 'A JPEG 2000 scan', file: scan, pages }]);
console.log(`  ${(scan.size / 1024 / 1024).toFixed(1)} MB`);

const { child: host, launchUrl } = await startBenchHost(repoRoot, dataDir);
const browser = await chromium.launch({
  executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});

interface Figures {
  open: number[];
  turns: number[];
  fallbackLoaded: boolean;
  wasmLoaded: boolean;
}

/** The session's cookies: the launch link is good once, so the second context reuses the first one's session. */
let session: Awaited<ReturnType<import('playwright-core').BrowserContext['cookies']>> | undefined;

async function measure(wasm: boolean): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const figures: Figures = { open: [], turns: [], fallbackLoaded: false, wasmLoaded: false };
  context.on('request', (request) => {
    if (request.url().includes('openjpeg_nowasm_fallback')) figures.fallbackLoaded = true;
  });
  context.on('response', (response) => {
    if (response.url().endsWith('/openjpeg.wasm') && response.ok()) figures.wasmLoaded = true;
  });
  if (!wasm) await context.route('**/openjpeg.wasm', (route) => route.abort());
  try {
    const page = await context.newPage();
    if (session) {
      await context.addCookies(session);
      await page.goto(new URL(launchUrl).origin);
    } else {
      await page.goto(launchUrl);
      session = await context.cookies();
    }
    await page.getByTestId('attract').click();
    for (let run = 0; run < runs; run++) {
      await page.locator('[data-item-id="bench-jpx"]').first().click();
      await page.getByTestId('open-item').waitFor();
      figures.open.push(await timed(page, 'open', 1));
      for (let target = 2; target <= pages; target++) {
        await page.waitForTimeout(250);
        figures.turns.push(await timed(page, 'turn', target));
      }
      await page.getByTestId('reader').getByRole('button', { name: 'Close' }).click();
      await page.getByTestId('reader').waitFor({ state: 'detached' });
      await page.getByTestId('back').click();
    }
  } finally {
    await context.close();
  }
  return figures;
}

/** Taps Read (or turns to the next page) inside the page and times until page `target` is painted. */
function timed(page: Page, action: 'open' | 'turn', target: number): Promise<number> {
  return page.evaluate(
    ([action, target]) =>
      new Promise<number>((resolve) => {
        const ready = () => document.querySelector(`[data-testid="reader-stage"][data-page-ready="${target}"]`);
        const observer = new MutationObserver(() => {
          if (!ready()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        const started = performance.now();
        if (action === 'open') document.querySelector<HTMLButtonElement>('[data-testid="open-item"]')!.click();
        else
          document
            .querySelector('[data-testid="reader"]')!
            .dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
      }),
    [action, target] as const,
  );
}

try {
  // JavaScript first: the machine's page cache and Chromium's HTTP cache then favour WebAssembly no more than it.
  const fallback = await measure(false);
  const assembly = await measure(true);
  console.log('\nJPEG 2000 scan, 300 dpi, headless Chromium, software rendering, 1920×1080:');
  for (const [label, figures] of [
    ['JavaScript fallback (baseline)', fallback],
    ['WebAssembly (the kiosk)', assembly],
  ] as const) {
    console.log(
      `  ${label}: tap Read → page 1 p50 ${ms(percentile(figures.open, 50))}, max ${ms(Math.max(...figures.open))}; page turn p50 ${ms(percentile(figures.turns, 50))}, p95 ${ms(percentile(figures.turns, 95))} over ${figures.turns.length} turns (openjpeg.wasm loaded: ${figures.wasmLoaded}, fallback script loaded: ${figures.fallbackLoaded})`,
    );
  }
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(
    `  WebAssembly ÷ JavaScript: open p50 ${ratio(percentile(assembly.open, 50), percentile(fallback.open, 50))}, turn p50 ${ratio(percentile(assembly.turns, 50), percentile(fallback.turns, 50))}, p95 ${ratio(percentile(assembly.turns, 95), percentile(fallback.turns, 95))}`,
  );
} finally {
  await browser.close();
  host.kill('SIGTERM');
  await new Promise((resolve) => host.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
