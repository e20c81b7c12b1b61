/**
 * The PDF reader in headless Chromium over the real browser host:
 *   - cold start of the renderer to interactive (the attract screen answering touches);
 *   - tap "Read" to the first page drawn, for a 300-page text PDF and a 300-dpi scanned PDF;
 *   - page turns to a page drawn ahead (p50/p95), against jumps to pages not drawn yet (the baseline);
 *   - renderer memory (JS heap, process RSS) over 200 page turns, first 50 against last 50.
 *
 *   node bench/reader.bench.ts [--turns 200] [--runs 5]
 *
 * The renderer must be built first (npm run build:renderer).
 */
import { startBenchHost } from './bench-host.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { installLibrary, scannedPdf, storeBytes, textPdf } from '../test/e2e/reader-library.ts';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
  },
});
const turns = Number(values.turns);
const runs = Number(values.runs);
const repoRoot = path.resolve(import.meta.dirname, '..');

const goals = { textFirstPage: 1000, scanFirstPage: 2000, turnP95: 100, memoryMb: 300, coldStart: 1000 };

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const median = (samples: readonly number[]) => percentile(samples, 50);
const mean = (samples: readonly number[]) => samples.reduce((a, b) => a + b, 0) / samples.length;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ratio = (value: number, against: number) => `${(value / against).toFixed(2)}×`;

console.log('Preparing: a 300-page text PDF and a 10-page 300-dpi scanned PDF…');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reader-bench-'));
const text = await storeBytes(dataDir, await textPdf(300));
const scan = await storeBytes(dataDir, await scannedPdf(10));
installLibrary(dataDir, [
  { id: 'bench-text', title: 'Three hundred pages of text', file: text, pages: 300 },
  { id: 'bench-scan', title: 'A scanned leaflet', file: scan, pages: 10 },
]);
console.log(`  text PDF ${mb(text.size)}, scanned PDF ${mb(scan.size)}`);

const { child: host, launchUrl } = await startBenchHost(repoRoot, dataDir);

const launchBrowser = () =>
  chromium.launch({
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
let browser = await launchBrowser();

try {
  // Cold start: a fresh profile each time (no HTTP cache), launch link to the attract screen.
  const coldStarts: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(launchUrl, { waitUntil: 'commit' });
    await page.getByTestId('attract').waitFor({ state: 'visible' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    coldStarts.push(performance.now() - started);
    await context.close();
  }

  let context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  let page = await context.newPage();
  await page.goto(launchUrl);
  await page.getByTestId('attract').click();
  await page.locator('[data-item-id="bench-text"]').first().waitFor();

  const firstPage = async (id: string): Promise<number[]> => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.locator(`[data-item-id="${id}"]`).first().click();
      await page.getByTestId('open-item').waitFor();
      times.push(await tapToFirstPage(page));
      await page.getByTestId('reader').getByRole('button', { name: 'Close' }).click();
      await page.getByTestId('reader').waitFor({ state: 'detached' });
      await page.getByTestId('back').click();
      await page.locator(`[data-item-id="${id}"]`).first().waitFor();
    }
    return times;
  };
  const textTimes = await firstPage('bench-text');
  const scanTimes = await firstPage('bench-scan');

  // Page turns and memory in a browser of their own, so the one renderer holding the page is measured:
  // the home screen first (the baseline), then the text PDF, far jumps to pages not drawn yet (the
  // baseline of turns), then page after page.
  await browser.close();
  browser = await launchBrowser();
  const browserCdp = await browser.newBrowserCDPSession();
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  page = await context.newPage();
  await page.goto(launchUrl);
  await page.getByTestId('attract').click();
  await page.locator('[data-item-id="bench-text"]').first().waitFor();
  await page.waitForTimeout(1000);
  const home = await rendererMemory(browserCdp);
  await page.locator('[data-item-id="bench-text"]').first().click();
  await page.getByTestId('open-item').click();
  await page.locator('[data-testid="reader-stage"][data-page-ready="1"]').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');

  await page.getByTestId('reader').getByRole('button', { name: 'Pages', exact: true }).click();
  const jumps: number[] = [];
  for (let target = 150; target <= 290; target += 10) {
    jumps.push(await measureTurn(page, { thumbnail: target }, target));
  }
  await page.getByTestId('reader').getByRole('button', { name: 'Pages', exact: true }).click();
  await page.getByTestId('reader').press('Home');
  await page.locator('[data-testid="reader-stage"][data-page-ready="1"]').waitFor();

  const turnTimes: number[] = [];
  const heap: number[] = [];
  const rss: number[] = [];
  const anon: number[] = [];
  for (let turn = 1; turn <= turns; turn++) {
    // A reader looks at a page for a moment; that is when the neighbours are drawn.
    await page.waitForTimeout(250);
    turnTimes.push(await measureTurn(page, { key: 'ArrowRight' }, turn + 1));
    const { metrics } = await cdp.send('Performance.getMetrics');
    heap.push(metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0);
    const memory = await rendererMemory(browserCdp);
    rss.push(memory.rss);
    anon.push(memory.anon);
  }

  const prerendered = percentile(turnTimes, 95);
  console.log('\nReader figures (headless Chromium, software rendering, 1920×1080):');
  console.log(
    `  cold start to interactive: median ${ms(median(coldStarts))}, max ${ms(Math.max(...coldStarts))} (goal ≤ ${ms(goals.coldStart)}: ${ratio(median(coldStarts), goals.coldStart)})`,
  );
  const firstPageLine = (label: string, times: number[], goal: number) =>
    `  tap to first page, ${label}: first open ${ms(times[0]!)}, median ${ms(median(times))}, max ${ms(Math.max(...times))} (goal ≤ ${ms(goal)}: ${ratio(Math.max(...times), goal)})`;
  console.log(firstPageLine('300-page text PDF', textTimes, goals.textFirstPage));
  console.log(firstPageLine('300-dpi scanned PDF', scanTimes, goals.scanFirstPage));
  console.log(
    `  page turn to a page drawn ahead: p50 ${ms(median(turnTimes))}, p95 ${ms(prerendered)}, max ${ms(Math.max(...turnTimes))} over ${turnTimes.length} turns (goal p95 ≤ ${ms(goals.turnP95)})`,
  );
  console.log(
    `  baseline, jump to a page not drawn yet: p50 ${ms(median(jumps))}, p95 ${ms(percentile(jumps, 95))}; drawn-ahead p95 is ${ratio(prerendered, percentile(jumps, 95))} of it`,
  );
  const window = Math.min(50, Math.floor(turns / 2));
  const first = (samples: number[]) => mean(samples.slice(0, window));
  const last = (samples: number[]) => mean(samples.slice(-window));
  console.log(
    `  JS heap over ${turns} turns: first ${window} ${mb(first(heap))}, last ${window} ${mb(last(heap))} (${ratio(last(heap), first(heap))}), max ${mb(Math.max(...heap))}`,
  );
  const memoryLine = (label: string, samples: number[], baseline: number) =>
    `  page's renderer, ${label}: first ${window} turns ${mb(first(samples))}, last ${window} ${mb(last(samples))} (${ratio(last(samples), first(samples))}), max ${mb(Math.max(...samples))} (goal ≤ ${goals.memoryMb} MB); baseline, home screen before any PDF: ${mb(baseline)} (max is ${ratio(Math.max(...samples), baseline)})`;
  console.log(memoryLine('resident (RSS)', rss, home.rss));
  console.log(memoryLine('own memory (RssAnon)', anon, home.anon));
} finally {
  await browser.close();
  host.kill('SIGTERM');
  await new Promise((resolve) => host.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}

/** Clicks "Read" and times, inside the page, until page 1 is drawn and painted. */
function tapToFirstPage(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="reader-stage"][data-page-ready="1"]')) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - started));
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        const started = performance.now();
        document.querySelector<HTMLButtonElement>('[data-testid="open-item"]')!.click();
      }),
  );
}

/** A page turn as the visitor makes it: an arrow key, or a tap on a page in the strip. */
type TurnAction = { key: string } | { thumbnail: number };

/** Makes the turn inside the page and times until page `target` is drawn and painted. */
function measureTurn(page: Page, action: TurnAction, target: number): Promise<number> {
  return page.evaluate(
    ([action, target]) =>
      new Promise<number>((resolve) => {
        const reader = document.querySelector('[data-testid="reader"]')!;
        const ready = () => reader.querySelector(`[data-testid="reader-stage"][data-page-ready="${target}"]`);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (ready()) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - started));
          }
        });
        observer.observe(reader, { subtree: true, attributes: true });
        if ('key' in action) {
          reader.dispatchEvent(new KeyboardEvent('keydown', { key: action.key, bubbles: true, cancelable: true }));
        } else {
          reader.querySelector<HTMLButtonElement>(`[data-thumbnail="${action.thumbnail}"]`)!.click();
        }
      }),
    [action, target] as const,
  );
}

interface ProcessMemory {
  /** Resident set: everything in RAM, including pages of Chromium's code shared with other processes. */
  rss: number;
  /** Anonymous resident memory: the process's own heap, canvases and decoded images. */
  anon: number;
}

/**
 * Memory of the kiosk page's renderer process, read from /proc. Chromium keeps spare renderers
 * too and does not say which one hosts the page; the page's is by far the largest.
 */
async function rendererMemory(cdp: import('playwright-core').CDPSession): Promise<ProcessMemory> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  let largest: ProcessMemory = { rss: 0, anon: 0 };
  for (const renderer of processInfo.filter((info) => info.type === 'renderer')) {
    const status = await readFile(`/proc/${renderer.id}/status`, 'utf8').catch(() => '');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    if (kib('VmRSS') > largest.rss) largest = { rss: kib('VmRSS'), anon: kib('RssAnon') };
  }
  return largest;
}
