/**
 * Import benchmark: the pipeline's throughput against `cp -r` of the same pack on the same disk in the
 * same run (large files and many small ones), bytes read per pack byte, and the main thread's event-loop
 * delay during an import with a burst of catalog searches. Drops the page cache before each timed run
 * when it can (root), so both sides read from the disk.
 *   npm run bench:import [-- --large-mb 256 --large-files 4 --small-files 5000 --small-kb 20 --dir /path]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startCatalog } from '../main/catalog/catalog-client.ts';
import { importPack, type ImportProgress, type ImportResult } from '../main/packs/import/import-pack.ts';
import {
  fullManifest,
  itemFor,
  randomFile,
  testKey,
  writeTestPack,
  type FixtureFile,
} from '../test/main/packs/import-fixtures.ts';

const { values } = parseArgs({
  options: {
    'large-mb': { type: 'string', default: '256' },
    'large-files': { type: 'string', default: '4' },
    'small-files': { type: 'string', default: '5000' },
    'small-kb': { type: 'string', default: '20' },
    dir: { type: 'string', default: os.tmpdir() },
  },
});
const { key, trust } = testKey('bench', ['bench']);

function dropCaches(): boolean {
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

function readBytes(): number {
  const match = /^read_bytes: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  return match ? Number(match[1]) : NaN;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function buildPack(dir: string, count: number, size: number): Promise<{ dir: string; bytes: number }> {
  const files: FixtureFile[] = Array.from({ length: count }, () => randomFile(size));
  const perItem = Math.max(1, Math.ceil(count / 500));
  const items = Array.from({ length: Math.ceil(count / perItem) }, (_, index) =>
    itemFor(`item-${index + 1}`, files.slice(index * perItem, (index + 1) * perItem)),
  );
  await writeTestPack(dir, key, fullManifest(key, { channel: 'bench', id: 'bench', files, items }), files);
  return { dir, bytes: count * size };
}

interface Figures {
  label: string;
  packBytes: number;
  cpMs: number;
  cpSyncMs: number;
  importMs: number;
  /** How long each phase took, from its first progress event to the next phase's. */
  phaseMs: string;
  streamBytesRead: number;
  diskBytesRead: number;
  loopP99Ms: number;
  loopMaxMs: number;
  searches: number;
  /** The same search burst for as long, without an import: what the machine's own load costs. */
  baselineP99Ms: number;
  baselineSearches: number;
}

/** Runs catalog searches back to back while `during` runs; returns the main thread's event-loop delay. */
async function withSearchBurst(
  catalog: ReturnType<typeof startCatalog>,
  during: () => Promise<unknown>,
): Promise<{ p99Ms: number; maxMs: number; searches: number }> {
  let searching = true;
  let searches = 0;
  const burst = (async () => {
    while (searching) {
      await catalog.api.search({
        locale: 'en',
        newSince: '2026-01-01T00:00:00.000Z',
        query: 'item',
        offset: 0,
        limit: 24,
      });
      searches += 1;
    }
  })();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  await during();
  loop.disable();
  searching = false;
  await burst;
  return { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6, searches };
}

/** One import into a fresh data folder, with the catalog worker the kiosk would have. */
async function runImport(
  work: string,
  name: string,
  pack: { dir: string },
  during: (catalog: ReturnType<typeof startCatalog>, run: () => Promise<ImportResult>) => Promise<void>,
): Promise<{ phases: Map<ImportProgress['phase'], number> }> {
  const dataDir = path.join(work, `data-${name}`);
  mkdirSync(dataDir, { recursive: true });
  const catalog = startCatalog(path.join(dataDir, 'catalog.sqlite'));
  await catalog.api.installedPacks();
  const phases = new Map<ImportProgress['phase'], number>();
  await during(catalog, () =>
    importPack(pack.dir, {
      dataDir,
      catalogPath: path.join(dataDir, 'catalog.sqlite'),
      catalog: catalog.api,
      trust,
      onProgress: (progress) => {
        if (!phases.has(progress.phase)) phases.set(progress.phase, performance.now());
      },
    }),
  );
  await catalog.close();
  await rm(dataDir, { recursive: true, force: true });
  return { phases };
}

async function measure(label: string, work: string, pack: { dir: string; bytes: number }): Promise<Figures> {
  const cpTarget = path.join(work, `cp-${label}`);
  const cachesDropped = dropCaches();
  const cpMs = time(() => execFileSync('cp', ['-r', pack.dir, cpTarget]));
  const cpSyncMs = cpMs + time(() => execFileSync('sync'));
  await rm(cpTarget, { recursive: true, force: true });
  if (!cachesDropped) console.warn('  (page cache NOT dropped: not root; both sides may read from memory)');

  // Throughput: the import alone, as cp ran alone.
  dropCaches();
  let importMs = 0;
  let diskBytesRead = 0;
  let streamBytesRead = 0;
  const { phases } = await runImport(work, `${label}-alone`, pack, async (_catalog, run) => {
    const diskBefore = readBytes();
    const started = performance.now();
    streamBytesRead = (await run()).bytesRead;
    importMs = performance.now() - started;
    diskBytesRead = readBytes() - diskBefore;
  });

  // Responsiveness: the import again with a burst of searches, then the burst alone for as long.
  dropCaches();
  let busy = { p99Ms: 0, maxMs: 0, searches: 0 };
  let baseline = { p99Ms: 0, maxMs: 0, searches: 0 };
  await runImport(work, `${label}-busy`, pack, async (catalog, run) => {
    const started = performance.now();
    busy = await withSearchBurst(catalog, run);
    const busyMs = performance.now() - started;
    baseline = await withSearchBurst(catalog, () => new Promise((resolve) => setTimeout(resolve, busyMs)));
  });
  return {
    label,
    packBytes: pack.bytes,
    cpMs,
    cpSyncMs,
    importMs,
    phaseMs: [...phases.entries()]
      .slice(0, -1)
      .map(([phase, at], index) => `${phase} ${([...phases.values()][index + 1]! - at).toFixed(0)}`)
      .join(', '),
    streamBytesRead,
    diskBytesRead,
    loopP99Ms: busy.p99Ms,
    loopMaxMs: busy.maxMs,
    searches: busy.searches,
    baselineP99Ms: baseline.p99Ms,
    baselineSearches: baseline.searches,
  };
}

function report(figures: Figures): void {
  const mbps = (ms: number) => `${(figures.packBytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
  console.log(`\n${figures.label}: ${(figures.packBytes / 1e6).toFixed(0)} MB`);
  console.log(
    `  cp -r            ${figures.cpMs.toFixed(0)} ms (${mbps(figures.cpMs)}); with sync ${figures.cpSyncMs.toFixed(0)} ms`,
  );
  console.log(
    `  import           ${figures.importMs.toFixed(0)} ms (${mbps(figures.importMs)}); phases (ms): ${figures.phaseMs}`,
  );
  console.log(`  throughput ratio import ÷ cp -r: ${(figures.cpMs / figures.importMs).toFixed(2)}`);
  console.log(`                   import ÷ (cp -r && sync): ${(figures.cpSyncMs / figures.importMs).toFixed(2)}`);
  console.log(
    `  bytes read ÷ pack bytes: ${(figures.streamBytesRead / figures.packBytes).toFixed(4)} (counted in the stream), ${(figures.diskBytesRead / figures.packBytes).toFixed(4)} (/proc/self/io read_bytes)`,
  );
  console.log(
    `  event-loop delay during import + ${figures.searches} searches: p99 ${figures.loopP99Ms.toFixed(1)} ms, max ${figures.loopMaxMs.toFixed(1)} ms`,
  );
  console.log(
    `  baseline, ${figures.baselineSearches} searches alone for as long: p99 ${figures.baselineP99Ms.toFixed(1)} ms (import ÷ baseline ${(figures.loopP99Ms / figures.baselineP99Ms).toFixed(2)})`,
  );
}

const work = await mkdtemp(path.join(values.dir, 'import-bench-'));
try {
  console.log(
    `import benchmark ${new Date().toISOString()} on ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, in ${work}`,
  );
  const large = await buildPack(
    path.join(work, 'large'),
    Number(values['large-files']),
    Number(values['large-mb']) * 1024 * 1024,
  );
  report(await measure('large files', work, large));
  await rm(large.dir, { recursive: true, force: true });
  const small = await buildPack(
    path.join(work, 'small'),
    Number(values['small-files']),
    Number(values['small-kb']) * 1024,
  );
  report(await measure('small files', work, small));
} finally {
  await rm(work, { recursive: true, force: true });
}
