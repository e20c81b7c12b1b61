import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DailyRow } from '../../../main/stats/daily-row.ts';
import { statsExportText, statsSignatureText } from '../../../main/stats/export-stats.ts';
import { mergeStats } from '../../../tools/publish/stats/merge-stats.ts';
import { readVenues } from '../../../tools/publish/stats/verify-export.ts';
import { tempDir } from '../../main/packs/pack-fixtures.ts';
import { parseCsv } from '../../main/stats/stats-fixtures.ts';
import { publish } from './publish-cli.ts';
import { generateExports, scriptTitle, seededKioskKey, writeVenuesFile, type Generated } from './stats-data.ts';

const plan = {
  venues: 500,
  exportsPerVenue: 4,
  daysPerExport: 7,
  itemsPerDay: 3,
  catalogSize: 60,
  firstDay: '2027-01-04',
};

function readCsv(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = parseCsv(text.slice(1));
  return records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i] ?? ''])));
}

const sum = (rows: readonly DailyRow[], kind: DailyRow['kind'], column: 'count' | 'amount') =>
  rows.reduce((total, row) => (row.kind === kind ? total + row[column] : total), 0);

describe('publish stats merge: 2,000 exports from 500 venues', () => {
  let root: string;
  let generated: Generated;
  let out: string;
  let stdout: string;
  let venuesFile: string;

  beforeAll(async () => {
    root = await tempDir('stats-merge-');
    generated = await generateExports(path.join(root, 'sticks'), plan);
    venuesFile = path.join(root, 'venues.json');
    await writeVenuesFile(venuesFile, generated.venues);
    out = path.join(root, 'report');
    const result = await publish('stats', 'merge', path.join(root, 'sticks'), '--venues', venuesFile, '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
  }, 60_000);

  it('merges each venue’s days once and says what it left out', () => {
    expect(generated.files).toHaveLength(2000);
    expect(stdout).toContain(
      `2002 exports found: ${2000 - generated.expected.duplicates - generated.expected.conflicts} merged`,
    );
    expect(stdout).toContain(`${generated.expected.duplicates} duplicates, 1 conflicts, 0 overlaps, 2 refused`);
    expect(stdout).toMatch(/refused \(bad-signature\): .*tampered/);
    expect(stdout).toMatch(/refused \(unknown-venue\): .*stranger/);
    expect(stdout).toMatch(/conflict: k-[0-9a-f]{16} \S+ to \S+: #3 has other rows than #4, which was merged/);
    const gaps = [...stdout.matchAll(/gap: (k-[0-9a-f]{16}) (\S+) to (\S+) \((\d+) days\)/g)].map((m) => ({
      venueId: m[1],
      fromDay: m[2],
      toDay: m[3],
    }));
    const byVenue = (a: { venueId: string }, b: { venueId: string }) => (a.venueId < b.venueId ? -1 : 1);
    expect(gaps).toEqual(generated.expected.gaps.toSorted(byVenue));
    expect(gaps).toHaveLength(20);
  });

  it('gives exactly the totals of the rows that should count, per venue and per item', async () => {
    const byVenue = readCsv(await readFile(path.join(out, 'by-venue.csv'), 'utf8'));
    expect(byVenue).toHaveLength(500);
    for (const venue of generated.venues) {
      const truth = generated.truth.get(venue.key.venueId)!;
      const row = byVenue.find((r) => r.venue_id === venue.key.venueId)!;
      expect(row).toMatchObject({
        name: venue.name,
        region: venue.region,
        visits: String(sum(truth, 'visit-start', 'count')),
        visit_seconds: String(sum(truth, 'visit-end', 'amount')),
        items_opened: String(sum(truth, 'item-open', 'count')),
        reading_seconds: String(sum(truth, 'reading-time', 'amount')),
        pages_read: String(sum(truth, 'pages-read', 'amount')),
        video_seconds: String(sum(truth, 'video-watched', 'amount')),
        searches: String(sum(truth, 'search', 'count')),
      });
    }

    const allTruth = [...generated.truth.values()].flat();
    const opens = new Map<string, number>();
    const reading = new Map<string, number>();
    for (const row of allTruth) {
      if (row.kind === 'item-open') opens.set(row.itemId, (opens.get(row.itemId) ?? 0) + row.count);
      if (row.kind === 'reading-time') reading.set(row.itemId, (reading.get(row.itemId) ?? 0) + row.amount);
    }
    const byItem = readCsv(await readFile(path.join(out, 'by-item.csv'), 'utf8'));
    expect(byItem).toHaveLength(opens.size);
    for (const item of byItem) {
      const count = opens.get(item.item_id!)!;
      if (count < 5) {
        expect(item.opens).toBe('<5');
        expect(item.reading_seconds).toBe('');
      } else {
        expect(item.opens).toBe(String(count));
        expect(item.reading_seconds).toBe(String(reading.get(item.item_id!)));
      }
    }
    for (const [itemId, count] of generated.rareItems) {
      const item = byItem.find((r) => r.item_id === itemId)!;
      expect(item.opens).toBe(count < 5 ? '<5' : '5');
    }
    expect(byItem.filter((r) => r.opens === '<5')).toHaveLength(8);
    expect(byItem.find((r) => r.item_id === 'item-11')?.item_title).toBe("'=1+1 and other sums 11");

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const parquet = path.join(out, 'rows.parquet').replaceAll("'", "''");
    const [totals] = (
      await connection.runAndReadAll(
        `SELECT count(*)::DOUBLE AS rows, sum(count)::DOUBLE AS events, sum(amount)::DOUBLE AS amount,
          count(DISTINCT venue_id)::DOUBLE AS venues FROM '${parquet}'`,
      )
    ).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    expect(totals).toEqual({
      rows: allTruth.length,
      events: allTruth.reduce((total, row) => total + row.count, 0),
      amount: allTruth.reduce((total, row) => total + row.amount, 0),
      venues: 500,
    });
  });

  it('writes a report page that loads nothing and runs nothing, every title escaped', async () => {
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<link|<iframe|\bsrc=["']|\bhref=|url\(|@import/i);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain(scriptTitle);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; Library');
    expect(html).toContain('Venues side by side');
    expect(html).toContain('Reading by subject');
    expect(html).toContain('By region');
    expect(html.match(/<svg /g)!.length).toBeGreaterThan(1500);
    expect(html).toContain('<td class="n">&#60;5</td>');
  });
});

describe('mergeStats', () => {
  it('takes overlapping days from the higher sequence and reports the overlap', async () => {
    const root = await tempDir('stats-merge-');
    const key = seededKioskKey(1);
    const folder = path.join(root, 'reading-room-stats');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder);
    const opened = (day: string, count: number): DailyRow => ({
      day,
      kind: 'item-open',
      itemId: 'a',
      itemTitle: 'A',
      subject: 'energy',
      count,
      amount: 0,
    });
    const write = async (sequence: number, fromDay: string, toDay: string, rows: DailyRow[]) => {
      const text = statsExportText({
        format: 1,
        venueId: key.venueId,
        venueName: 'V',
        keyId: key.venueId,
        sequence,
        createdAt: '2027-03-01T00:00:00.000Z',
        fromDay,
        toDay,
        rows,
      });
      await writeFile(path.join(folder, `${key.venueId}-${sequence}.json`), text);
      await writeFile(
        path.join(folder, `${key.venueId}-${sequence}.json.sig`),
        statsSignatureText(Buffer.from(text), key),
      );
    };
    await write(1, '2027-02-01', '2027-02-14', [opened('2027-02-01', 10), opened('2027-02-12', 100)]);
    await write(2, '2027-02-10', '2027-02-20', [opened('2027-02-12', 7), opened('2027-02-20', 1)]);
    await write(3, '2027-03-01', '2027-03-05', [opened('2027-03-02', 1000)]);
    await writeFile(path.join(folder, 'notes.json'), '{}');
    const venuesFile = path.join(root, 'venues.json');
    await writeVenuesFile(venuesFile, [{ key, name: 'V', region: 'R' }]);
    const report = await mergeStats({
      dirs: [root, folder],
      venues: await readVenues(venuesFile),
      outDir: path.join(root, 'out'),
      createdAt: new Date('2027-03-10T00:00:00Z'),
    });
    expect(report.merged.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(report.overlaps).toMatchObject([
      { sequence: 1, days: { fromDay: '2027-02-10', toDay: '2027-02-14' }, keptSequence: 2 },
    ]);
    expect(report.gaps).toEqual([{ venueId: key.venueId, fromDay: '2027-02-21', toDay: '2027-02-28', days: 8 }]);
    expect(report.refused).toMatchObject([{ code: 'mismatch', file: path.join(folder, 'notes.json') }]);
    expect(report.byVenue[0]).toMatchObject({ itemsOpened: 10 + 7 + 1 + 1000, exports: 3, missingDays: 8 });
  });
});

describe('mergeStats: what the fast checks must still catch', () => {
  it('refuses a signed export with one bad row as malformed, and tells a duplicate in another order from a conflict', async () => {
    const root = await tempDir('stats-merge-');
    const folder = path.join(root, 'reading-room-stats');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder);
    const keys = [seededKioskKey(11), seededKioskKey(12), seededKioskKey(13)];
    const row = (day: string, kind: DailyRow['kind'], itemId: string, count: number, amount = 0): DailyRow => ({
      day,
      kind,
      itemId,
      itemTitle: itemId ? `Title ${itemId}` : '',
      subject: itemId ? 'energy' : '',
      count,
      amount,
    });
    const good = [
      row('2027-02-01', 'item-open', 'solar', 9),
      row('2027-02-01', 'quiz-answer', 'soil-quiz/ph', 6, 4.5),
      row('2027-02-01', 'quiz-start', 'soil-quiz', 7),
      row('2027-02-02', 'visit-start', '', 20),
    ];
    // Written as given: signed, in whatever order, with whatever values.
    const write = async (key: (typeof keys)[number], sequence: number, rows: unknown[], edit = (t: string) => t) => {
      const text = edit(
        statsExportText({
          format: 1,
          venueId: key.venueId,
          venueName: 'V',
          keyId: key.venueId,
          sequence,
          createdAt: '2027-03-01T00:00:00.000Z',
          fromDay: '2027-02-01',
          toDay: '2027-02-28',
          rows: rows as DailyRow[],
        }),
      );
      const file = path.join(folder, `${key.venueId}-${sequence}.json`);
      await writeFile(file, text);
      await writeFile(`${file}.sig`, statsSignatureText(Buffer.from(text), key));
      return file;
    };
    await write(keys[0]!, 1, good);
    const duplicate = await write(keys[0]!, 2, good.toReversed());
    await write(keys[1]!, 1, good);
    const conflict = await write(keys[1]!, 2, [...good.slice(1), row('2027-02-01', 'item-open', 'solar', 8)]);
    const bad: [string, unknown][] = [
      ['a negative count', { ...good[0], count: -1 }],
      ['a count that is not whole', { ...good[0], count: 1.5 }],
      ['an unknown kind', { ...good[0], kind: 'visit' }],
      ['an item id of 131 characters', { ...good[0], itemId: 'x'.repeat(131) }],
      ['a day the calendar lacks', { ...good[0], day: '2027-02-30' }],
    ];
    const malformed: string[] = [];
    for (const [index, [, badRow]] of bad.entries()) malformed.push(await write(keys[2]!, index + 1, [badRow]));
    // The kiosk's writer keeps only the row's fields: a field too many is added to the text.
    malformed.push(await write(keys[2]!, 50, [good[0]], (t) => t.replace('"amount":0}', '"amount":0,"extra":1}')));
    await write(keys[2]!, 100, [row('2027-02-01', 'search', '', 1), row('2027-02-01', 'search', '', 2)]);
    const venuesFile = path.join(root, 'venues.json');
    await writeVenuesFile(
      venuesFile,
      keys.map((key, i) => ({ key, name: `V${i}`, region: 'R' })),
    );
    const report = await mergeStats({
      dirs: [root],
      venues: await readVenues(venuesFile),
      outDir: path.join(root, 'out'),
      createdAt: new Date('2027-03-10T00:00:00Z'),
    });
    expect(report.duplicates.map((d) => d.file)).toEqual([path.join(folder, `${keys[0]!.venueId}-1.json`)]);
    expect(report.duplicates[0]?.keptFile).toBe(duplicate);
    expect(report.conflicts.map((c) => c.keptFile)).toEqual([conflict]);
    expect(report.refused.map((r) => r.code)).toEqual(Array(bad.length + 2).fill('malformed'));
    for (const file of malformed) expect(report.refused.map((r) => r.file)).toContain(file);
    expect(report.refused.find((r) => r.file === malformed[4])?.detail).toContain(
      '2027-02-30 is not a day of the calendar',
    );
    expect(report.refused.find((r) => r.detail.includes('a second row'))?.detail).toContain(
      'a second row for 2027-02-01 search ""',
    );
    const v1 = report.byVenue.find((v) => v.venueId === keys[1]!.venueId);
    expect(v1).toMatchObject({ itemsOpened: 8, visits: 20 });
  });

  it('reads a title with a lone surrogate as U+FFFD instead of failing the merge', async () => {
    const root = await tempDir('stats-merge-');
    const key = seededKioskKey(21);
    const folder = path.join(root, 'reading-room-stats');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder);
    const text = statsExportText({
      format: 1,
      venueId: key.venueId,
      venueName: 'V',
      keyId: key.venueId,
      sequence: 1,
      createdAt: '2027-03-01T00:00:00.000Z',
      fromDay: '2027-02-01',
      toDay: '2027-02-28',
      rows: [
        {
          day: '2027-02-01',
          kind: 'item-open',
          itemId: 'broken',
          itemTitle: 'Broken \ud800 title',
          subject: '',
          count: 5,
          amount: 0,
        },
      ],
    });
    const file = path.join(folder, `${key.venueId}-1.json`);
    await writeFile(file, text);
    await writeFile(`${file}.sig`, statsSignatureText(Buffer.from(text), key));
    const venuesFile = path.join(root, 'venues.json');
    await writeVenuesFile(venuesFile, [{ key, name: 'V', region: 'R' }]);
    const report = await mergeStats({
      dirs: [root],
      venues: await readVenues(venuesFile),
      outDir: path.join(root, 'out'),
      createdAt: new Date('2027-03-10T00:00:00Z'),
    });
    expect(report.refused).toEqual([]);
    expect(report.byItem[0]).toMatchObject({ itemId: 'broken', itemTitle: 'Broken \ufffd title', opens: 5 });
  });
});

describe('contests between units', () => {
  it('gives each team its attempts and average over the venues that ran the contest, small teams unpublished', async () => {
    const root = await tempDir('stats-contests-');
    const { mkdir } = await import('node:fs/promises');
    const keys = [seededKioskKey(11), seededKioskKey(12)];
    const entry = (team: string, title: string, count: number, amount: number): DailyRow => ({
      day: '2027-02-03',
      kind: 'contest-entry',
      itemId: `spring-cup/${team}`,
      itemTitle: `Spring cup — ${title}`,
      subject: '',
      count,
      amount,
    });
    const rowsFor = [
      [entry('mill', 'The mill', 6, 480), entry('north-farm', 'North farm', 3, 150)],
      [entry('mill', 'The mill', 4, 200)],
    ];
    for (const [index, key] of keys.entries()) {
      const folder = path.join(root, `stick-${index}`, 'reading-room-stats');
      await mkdir(folder, { recursive: true });
      const text = statsExportText({
        format: 1,
        venueId: key.venueId,
        venueName: `V${index}`,
        keyId: key.venueId,
        sequence: 1,
        createdAt: '2027-03-01T00:00:00.000Z',
        fromDay: '2027-02-01',
        toDay: '2027-02-28',
        rows: rowsFor[index]!,
      });
      await writeFile(path.join(folder, `${key.venueId}-1.json`), text);
      await writeFile(path.join(folder, `${key.venueId}-1.json.sig`), statsSignatureText(Buffer.from(text), key));
    }
    const venuesFile = path.join(root, 'venues.json');
    await writeVenuesFile(
      venuesFile,
      keys.map((key, index) => ({ key, name: `V${index}`, region: 'R' })),
    );
    const report = await mergeStats({
      dirs: [root],
      venues: await readVenues(venuesFile),
      outDir: path.join(root, 'out'),
      createdAt: new Date('2027-03-10T00:00:00Z'),
    });
    expect(report.byContest).toEqual([
      {
        contestId: 'spring-cup',
        teamId: 'mill',
        title: 'Spring cup — The mill',
        venues: 2,
        attempts: 10,
        averagePercent: 68,
      },
      {
        contestId: 'spring-cup',
        teamId: 'north-farm',
        title: 'Spring cup — North farm',
        venues: 1,
        attempts: 3,
        averagePercent: 50,
      },
    ]);
    // Contest entries are not items.
    expect(report.byItem).toEqual([]);
    const html = await readFile(path.join(root, 'out', 'report.html'), 'utf8');
    expect(html).toContain('Contests between units');
    expect(html).toContain('68 % (10 attempts, 2 venues)');
    expect(html).toContain('— (&#60;5 attempts)');
    expect(html).not.toContain('50 %');
  });
});
