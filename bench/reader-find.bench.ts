/**
 * Find over a long document in headless Chromium over the real browser host: a 2,415-page manual
 * (as long as the real one find was slow in, 40 lines of text a page), a word on three of its
 * pages, searched from page 1.
 * Measured: the time from Search to the last page searched, and the renderer's JS heap (after a
 * forced garbage collection) with the reader open before the find and after it.
 *
 *   node bench/reader-find.bench.ts [--pages 2415] [--lines 40] [--runs 3] [--baseline DIR]
 *
 * `--baseline DIR` runs the same find, in the same run, on another checkout of the kiosk (its
 * renderer built, e.g. a worktree of main), so the figures stand as a ratio against it.
 * The renderer must be built first (npm run build:renderer).
 */
import { startBenchHost } from './bench-host.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { installLibrary, manualPdf, manualRareWord, storeBytes } from '../test/e2e/reader-library.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '2415' },
    lines: { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    baseline: { type: 'string' },
  },
});
const pages = Number(values.pages);
const runs = Number(values.runs);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (samples: readonly number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

console.log(`Preparing: a ${pages.toLocaleString('en')}-page manual, ${values.lines} lines a page…`);
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reader-find-bench-'));
const manual = await storeBytes(dataDir, await manualPdf(pages, Number(values.lines)));
installLibrary(dataDir, [{ id: 'bench-manual', title: 'A long manual', file: manual, pages }]);

const startHost = (root: string) => startBenchHost(root, dataDir);

interface Figures {
  ms: number[];
  heapOpen: number[];
  heapAfter: number[];
}

/** Opens the manual `runs` times in a fresh browser and finds the word from page 1 each time. */
async function measure(root: string): Promise<Figures> {
  // Both checkouts serve the same data folder; one host at a time.
  const { child, launchUrl } = await startHost(root);
  const browser = await chromium.launch({
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const figures: Figures = { ms: [], heapOpen: [], heapAfter: [] };
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    };
    await page.goto(launchUrl);
    await page.getByTestId('attract').click();
    for (let run = 0; run < runs; run++) {
      await page.locator('[data-item-id="bench-manual"]').first().click();
      await page.getByTestId('open-item').click();
      await page.getByTestId('reader-stage').and(page.locator('[data-page-ready="1"]')).waitFor();
      figures.heapOpen.push(await heap());
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await page.getByLabel('Find in this document').fill(manualRareWord);
      const started = performance.now();
      await page.getByTestId('reader').getByRole('button', { name: 'Search' }).click();
      // Both versions say "Match 1 of 3" once every page is searched, and not before.
      await page.getByRole('status').filter({ hasText: 'Match 1 of 3' }).waitFor({ timeout: 120_000 });
      figures.ms.push(performance.now() - started);
      figures.heapAfter.push(await heap());
      await page.getByTestId('reader').getByRole('button', { name: 'Close' }).click();
      await page.getByTestId('reader').waitFor({ state: 'detached' });
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return figures;
}

const report = (name: string, figures: Figures) => {
  const kept = figures.heapAfter.map((after, index) => after - figures.heapOpen[index]!);
  console.log(
    `${name}: find ${(median(figures.ms) / 1000).toFixed(1)} s median of ${runs} (${figures.ms.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s); ` +
      `JS heap open ${mb(median(figures.heapOpen))}, after find ${mb(median(figures.heapAfter))}, kept by find ${mb(median(kept))}`,
  );
  return { ms: median(figures.ms), kept: median(kept), after: median(figures.heapAfter) };
};

try {
  const repoRoot = path.resolve(import.meta.dirname, '..');
  const now = report('this checkout', await measure(repoRoot));
  if (values.baseline) {
    const before = report(`baseline ${values.baseline}`, await measure(path.resolve(values.baseline)));
    console.log(
      `ratio to baseline: find time ${(now.ms / before.ms).toFixed(2)}×, heap after find ${(now.after / before.after).toFixed(2)}×, ` +
        `kept by find ${mb(now.kept)} against ${mb(before.kept)}`,
    );
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
