/**
 * A day of reading in one renderer: documents opened one after another through the real renderer
 * served by the browser host in headless Chromium, each from its item page (cover drawn), read to
 * page 3 and closed. After every `--every` opens garbage is collected (CDP) and the page's renderer
 * process is measured: resident set and its own memory (RssAnon) from /proc, JS heap and DOM nodes
 * from CDP. Printed: the figures at each interval, the trend (least-squares slope per 100 opens,
 * from the baseline on) and the end figure against the goal (≤ 300 MB, no upward trend); the
 * baseline, in the same run, is the memory after `--every` opens.
 *
 *   node bench/reader-soak.bench.ts [--opens 300] [--every 10] [--baseline DIR] [--devtools-network]
 *
 * Chromium is driven over the DevTools protocol without Playwright (`raw-chromium.ts`), which would
 * enable the Network domain; `--devtools-network` enables it, to show what that alone costs.
 * `--baseline DIR` first runs the same soak on another checkout (its renderer built, e.g. a
 * worktree of main), so the before and after figures come from the same run.
 * The renderer must be built first (npm run build:renderer).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installLibrary, scannedPdf, storeBytes, textPdf, type LibraryItem } from '../test/e2e/reader-library.ts';
import { startBenchHost } from './bench-host.ts';
import { launchRawChromium, rendererMemory, type CdpSession } from './raw-chromium.ts';

const { values } = parseArgs({
  options: {
    opens: { type: 'string', default: '300' },
    every: { type: 'string', default: '10' },
    baseline: { type: 'string' },
    'devtools-network': { type: 'boolean', default: false },
  },
});
const opens = Number(values.opens);
const every = Number(values.every);
const goalMb = 300;
const repoRoot = path.resolve(import.meta.dirname, '..');
const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (value: number) => value.toFixed(0).padStart(5);

console.log('Preparing: 8 text leaflets (12–40 pages) and 4 scanned leaflets (300 dpi, 3–6 pages)…');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reader-soak-bench-'));
const items: LibraryItem[] = [];
for (const [index, pages] of [12, 16, 20, 24, 28, 32, 36, 40].entries()) {
  items.push({
    id: `soak-text-${index}`,
    title: `Leaflet ${index}`,
    file: await storeBytes(dataDir, await textPdf(pages)),
    pages,
  });
}
for (const [index, pages] of [3, 4, 5, 6].entries()) {
  items.push({
    id: `soak-scan-${index}`,
    title: `Scan ${index}`,
    file: await storeBytes(dataDir, await scannedPdf(pages)),
    pages,
  });
}
installLibrary(dataDir, items);

interface Sample {
  opens: number;
  rss: number;
  anon: number;
  shmem: number;
  heap: number;
  nodes: number;
}

async function soak(root: string, label: string): Promise<Sample[]> {
  // Each checkout on its own copy: a newer checkout's host migrates the catalog past an older one's.
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'reader-soak-run-'));
  await cp(dataDir, runDir, { recursive: true });
  const { child, launchUrl } = await startBenchHost(root, runDir);
  const chromium = await launchRawChromium(launchUrl);
  const samples: Sample[] = [];
  try {
    const { page, browser } = chromium;
    await page.evaluate(inPageHelpers);
    await page.evaluate(`__soak.until('[data-testid="attract"]').then((attract) => attract.click())`);
    await page.evaluate(`__soak.until('[data-item-id="${items[0]!.id}"]').then(() => true)`);
    await page.send('Performance.enable');
    // What Playwright does to every page: DevTools then keeps response bodies in the renderer.
    if (values['devtools-network']) await page.send('Network.enable');
    console.log(`\n${label}: opens   RSS MB  RssAnon MB  RssShmem MB  JS heap MB  DOM nodes`);
    const measure = async (done: number) => {
      const sample = { opens: done, ...(await settledMemory(page, browser)) };
      samples.push(sample);
      console.log(
        `${' '.repeat(label.length)}  ${String(done).padStart(5)}  ${fmt(mb(sample.rss))}    ${fmt(mb(sample.anon))}     ${fmt(mb(sample.shmem))}        ${mb(sample.heap).toFixed(1).padStart(5)}     ${String(sample.nodes).padStart(6)}`,
      );
    };
    await measure(0);
    const started = performance.now();
    for (let open = 1; open <= opens; open++) {
      await page.evaluate(`__soak.readOnce(${JSON.stringify(items[(open - 1) % items.length]!.id)})`);
      if (open % every === 0) await measure(open);
    }
    console.log(`${' '.repeat(label.length)}  ${((performance.now() - started) / opens / 1000).toFixed(2)} s an open`);
  } finally {
    await chromium.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(runDir, { recursive: true, force: true });
  }
  return samples;
}

/**
 * One visitor's reading, run inside the page: item page (its cover), Read, two pages on, Close, back
 * to the shelves. Taps are clicks on the elements a visitor touches.
 */
const inPageHelpers = `
  globalThis.__soak = {
    until(selector, timeout = 60000) {
      return new Promise((resolve, reject) => {
        const found = () => document.querySelector(selector);
        if (found()) return resolve(found());
        const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no ' + selector)); }, timeout);
        const observer = new MutationObserver(() => {
          if (!found()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(found());
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    },
    async readOnce(id) {
      const card = await this.until('[data-item-id="' + id + '"]');
      card.click();
      (await this.until('[data-testid="open-item"]')).click();
      await this.until('[data-testid="reader-stage"][data-page-ready="1"]');
      for (const next of [2, 3]) {
        const reader = document.querySelector('[data-testid="reader"]');
        reader.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
        await this.until('[data-testid="reader-stage"][data-page-ready="' + next + '"]');
      }
      document.querySelector('[data-testid="reader"] .reader-close').click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      (await this.until('[data-testid="back"]')).click();
      await this.until('[data-item-id="' + id + '"]:not([data-testid="item-page"])');
      return true;
    },
  };
  true;
`;

/** Memory once garbage is collected (twice, with a pause for what is freed after it). */
async function settledMemory(page: CdpSession, browser: CdpSession): Promise<Omit<Sample, 'opens'>> {
  for (let round = 0; round < 2; round++) {
    await page.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;
  return { ...(await rendererMemory(browser)), heap: metric('JSHeapUsedSize'), nodes: metric('Nodes') };
}

/** Least-squares slope of `value` against opens, per 100 opens. */
function slopePer100(samples: readonly Sample[], value: (sample: Sample) => number): number {
  const xs = samples.map((sample) => sample.opens);
  const ys = samples.map(value);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, index) => {
    num += (x - mx) * (ys[index]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : (num / den) * 100;
}

function summary(label: string, samples: readonly Sample[]): void {
  const base = samples.find((sample) => sample.opens === every) ?? samples[0]!;
  const end = samples.at(-1)!;
  const trend = samples.filter((sample) => sample.opens >= base.opens);
  console.log(`\n${label}, after ${end.opens} opens (baseline: after ${base.opens} opens, same run):`);
  for (const [name, value] of [
    ['resident (RSS)', (sample: Sample) => mb(sample.rss)],
    ['own memory (RssAnon)', (sample: Sample) => mb(sample.anon)],
    ['shared memory (RssShmem)', (sample: Sample) => mb(sample.shmem)],
    ['JS heap', (sample: Sample) => mb(sample.heap)],
  ] as const) {
    const slope = slopePer100(trend, value);
    const goal =
      name === 'JS heap' || name.startsWith('shared')
        ? ''
        : ` (goal ≤ ${goalMb} MB: ${value(end) <= goalMb ? 'met' : 'missed'})`;
    console.log(
      `  ${name}: ${value(end).toFixed(1)} MB${goal}, ${(value(end) / value(base)).toFixed(2)}× the baseline's ${value(base).toFixed(1)} MB; trend ${slope >= 0 ? '+' : ''}${slope.toFixed(1)} MB per 100 opens, max ${Math.max(...samples.map(value)).toFixed(1)} MB`,
    );
  }
  console.log(`  DOM nodes: ${end.nodes} (baseline ${base.nodes})`);
}

try {
  const baseline = values.baseline ? await soak(path.resolve(values.baseline), 'baseline') : undefined;
  const current = await soak(repoRoot, 'this checkout');
  if (baseline) summary(`Baseline (${values.baseline})`, baseline);
  summary('This checkout', current);
  if (baseline) {
    const end = (samples: readonly Sample[]) => samples.at(-1)!;
    console.log(
      `\nThis checkout ÷ baseline after ${end(current).opens} opens: RSS ${(end(current).rss / end(baseline).rss).toFixed(2)}×, RssAnon ${(end(current).anon / end(baseline).anon).toFixed(2)}×`,
    );
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
