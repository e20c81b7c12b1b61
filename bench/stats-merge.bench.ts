/**
 * What the centre's `stats merge` costs: 2,000 signed exports of a month each (500 venues × 4, about 40 rows a
 * day) merged with verification, DuckDB and all four report files, against a plain JavaScript loop that reads
 * and sums the same JSON without checking anything, in the same run and with the page cache warm.
 *
 *   node bench/stats-merge.bench.ts [--venues 500] [--exports 4] [--days 30] [--items 12]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { StatsExport } from '../main/stats/stats-export.ts';
import { findExports, mergeStats } from '../tools/publish/stats/merge-stats.ts';
import { readVenues, verifyStatsExport } from '../tools/publish/stats/verify-export.ts';
import { generateExports, writeVenuesFile } from '../test/tools/publish/stats-data.ts';

const { values } = parseArgs({
  options: {
    venues: { type: 'string', default: '500' },
    exports: { type: 'string', default: '4' },
    days: { type: 'string', default: '30' },
    items: { type: 'string', default: '12' },
  },
});

const work = await mkdtemp(path.join(os.tmpdir(), 'stats-bench-'));
try {
  const sticks = path.join(work, 'sticks');
  let start = performance.now();
  const generated = await generateExports(sticks, {
    venues: Number(values.venues),
    exportsPerVenue: Number(values.exports),
    daysPerExport: Number(values.days),
    itemsPerDay: Number(values.items),
    catalogSize: 400,
    firstDay: '2027-01-01',
  });
  const venuesFile = path.join(work, 'venues.json');
  await writeVenuesFile(venuesFile, generated.venues);
  const generateMs = performance.now() - start;
  const { files } = await findExports([sticks]);
  let bytes = 0;
  for (const file of files) bytes += (await readFile(file)).length; // warms the page cache for both runs

  // Baseline: read, parse and sum, trusting every file and counting duplicates twice.
  start = performance.now();
  const byVenue = new Map<string, number>();
  const byItem = new Map<string, number>();
  let baselineRows = 0;
  for (const file of files) {
    const content = JSON.parse(await readFile(file, 'utf8')) as StatsExport;
    for (const row of content.rows) {
      baselineRows++;
      if (row.kind === 'visit-start') byVenue.set(content.venueId, (byVenue.get(content.venueId) ?? 0) + row.count);
      if (row.kind === 'item-open') byItem.set(row.itemId, (byItem.get(row.itemId) ?? 0) + row.count);
    }
  }
  const baselineMs = performance.now() - start;

  // The part of the merge DuckDB has no share in: signature, JSON.parse and the schema, file by file.
  const venues = await readVenues(venuesFile);
  start = performance.now();
  for (const file of files) await verifyStatsExport(file, venues).catch(() => undefined);
  const verifyMs = performance.now() - start;

  start = performance.now();
  // CPU time of every thread (workers, DuckDB's): on a machine shared with others' work it moves less than wall time.
  const cpuBefore = process.cpuUsage();
  const report = await mergeStats({
    dirs: [sticks],
    venues,
    outDir: path.join(work, 'report'),
    createdAt: new Date('2027-06-01T00:00:00Z'),
  });
  const mergeMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);

  const mb = bytes / 1e6;
  console.log(
    `${files.length} exports, ${baselineRows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB of JSON ` +
      `(generated in ${(generateMs / 1000).toFixed(1)} s; page cache warm)`,
  );
  console.log(`  baseline: JSON.parse + sum in a loop   ${(baselineMs / 1000).toFixed(2)} s`);
  console.log(`  of which verifying every file alone       ${(verifyMs / 1000).toFixed(2)} s`);
  console.log(
    `  stats merge (verify, DuckDB, reports)   ${(mergeMs / 1000).toFixed(2)} s = ${(mergeMs / baselineMs).toFixed(1)} × baseline ` +
      `(CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, all threads)`,
  );
  console.log(
    `  merged ${report.merged.length}, ${report.rows.toLocaleString('en')} rows; ${report.duplicates.length} duplicates, ` +
      `${report.conflicts.length} conflicts, ${report.refused.length} refused, ${report.gaps.length} gaps; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
  const phases = Object.entries(report.timings).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`);
  console.log(`  merge phases: ${phases.join(', ')}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
