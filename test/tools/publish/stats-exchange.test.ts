import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DailyRow } from '../../../main/stats/daily-row.ts';
import { writeStatsExport } from '../../../main/stats/export-stats.ts';
import { verifyPack, verifyPackContents } from '../../../main/packs/verify-pack.ts';
import { ContentLanguage } from '../../../preload/contract/schemas.ts';
import { extractPdfText } from '../../../tools/publish/pdf-text.ts';
import { exchangeVersion, writeExchangePack } from '../../../tools/publish/stats/exchange-pack.ts';
import { mergeStats } from '../../../tools/publish/stats/merge-stats.ts';
import { readVenues } from '../../../tools/publish/stats/verify-export.ts';
import { newKey, tempDir, trustOnly, writeKey } from '../../main/packs/pack-fixtures.ts';
import { parseCsv } from '../../main/stats/stats-fixtures.ts';
import { publish } from './publish-cli.ts';
import { generateExports, writeVenuesFile, type Generated } from './stats-data.ts';

const plan = {
  venues: 2,
  exportsPerVenue: 4,
  daysPerExport: 7,
  itemsPerDay: 4,
  catalogSize: 40,
  firstDay: '2027-01-04',
};

/** A week of quizzes at venue 0 after the plan's days: starts, finishes, one question's answers, a contest. */
function quizRows(): DailyRow[] {
  const on = (kind: DailyRow['kind'], itemId: string, count: number, amount: number): DailyRow => ({
    day: '2027-02-02',
    kind,
    itemId,
    itemTitle: itemId === 'soil-quiz' ? 'Soil quiz' : 'What is pH?',
    subject: 'agriculture',
    count,
    amount,
  });
  return [
    on('quiz-start', 'soil-quiz', 31, 0),
    on('quiz-finish', 'soil-quiz', 27, 1900),
    on('quiz-answer', 'soil-quiz/ph', 27, 18),
    { ...on('contest-entry', 'spring-cup/red-team', 4, 300), itemTitle: 'Spring cup — Red team', subject: '' },
    { ...on('contest-entry', 'spring-cup/blue-team', 6, 480), itemTitle: 'Spring cup — Blue team', subject: '' },
  ];
}

describe('publish stats merge --exchange-pack', () => {
  let root: string;
  let generated: Generated;
  let out: string;
  let packDir: string;
  let key: ReturnType<typeof newKey>;
  let stdout: string;

  beforeAll(async () => {
    root = await tempDir('stats-exchange-');
    const sticks = path.join(root, 'sticks');
    generated = await generateExports(sticks, plan);
    await writeStatsExport({
      dir: path.join(sticks, 'stick-quiz'),
      key: generated.venues[0]!.key,
      venueName: generated.venues[0]!.name,
      sequence: 5,
      createdAt: new Date('2027-02-08T09:00:00Z'),
      fromDay: '2027-02-01',
      toDay: '2027-02-07',
      rows: quizRows(),
    });
    const venuesFile = path.join(root, 'venues.json');
    await writeVenuesFile(venuesFile, generated.venues);
    key = newKey('centre-exchange', ['exchange']);
    out = path.join(root, 'report');
    packDir = path.join(root, 'exchange-pack');
    const result = await publish(
      'stats',
      'merge',
      sticks,
      '--venues',
      venuesFile,
      '--out',
      out,
      '--exchange-pack',
      packDir,
      '--key',
      await writeKey(root, key),
      '--channel',
      'exchange',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
  }, 120_000);

  it('writes a pack the kiosk verifies, whose one item is the leaflet in every content language', async () => {
    expect(stdout).toMatch(
      /Exchange pack: .*exchange-pack \(exchange-exchange version \d+, channel exchange, 5 leaflets\)/,
    );
    const pack = await verifyPack(packDir, { trust: trustOnly(key) });
    await verifyPackContents(packDir, pack.manifest);
    const { manifest } = pack;
    if (manifest.kind !== 'full') throw new Error('the exchange pack is a full pack');
    expect(manifest).toMatchObject({ id: 'exchange-exchange', channel: 'exchange', keyId: 'centre-exchange' });
    expect(manifest.items).toHaveLength(1);
    const [item] = manifest.items;
    expect(item).toMatchObject({ id: 'exchange-exchange', kind: 'pdf', subjects: ['reading-rooms'] });
    expect(item!.files.filter((file) => file.role === 'main').map((file) => file.language)).toEqual(
      ContentLanguage.options,
    );
    // Each leaflet's text is carried as page text too, so kiosks find the words on it by page.
    expect(item!.files.filter((file) => file.role === 'page-text').map((file) => file.language)).toEqual(
      ContentLanguage.options,
    );
    expect(item!.texts.en?.summary).toBe(
      '2 reading rooms side by side, 2027-01-04 to 2027-02-07: visits, items opened, reading time and quizzes.',
    );
    expect(item!.texts.ko?.body).toContain('열람실');
    expect(item!.texts.zh?.body).toContain('阅览室');
    expect(item!.texts['mn-Cyrl']?.body).toContain('Уншлагын танхим');
  });

  it('compares the venues side by side, their quiz attempts included, and names the items read the longest', async () => {
    const pack = await verifyPack(packDir, { trust: trustOnly(key) });
    if (pack.manifest.kind !== 'full') throw new Error('the exchange pack is a full pack');
    const english = pack.manifest.items[0]!.files.find((file) => file.role === 'main' && file.language === 'en')!;
    const { text } = await extractPdfText(path.join(packDir, 'files', english.hash));
    expect(text).toMatch(/What the reading rooms\s+achieved/);
    expect(text).toContain('Venue 0');
    // A name too long for its column is cut.
    expect(text).toContain('<img src=x onerror');
    expect(text).toMatch(/Quiz\s+attempts/);
    expect(text).toMatch(/Venue 0 [\d,]+ [\d,]+ [\d.,]+ 31/);
    expect(text).toContain('Read the longest');
    // A unit with five attempts or more is named with its average; one with fewer is not.
    expect(text).toContain('Contest: Spring cup');
    expect(text).toMatch(/Blue team 80 6/);
    expect(text).not.toContain('Red team');
    expect(text).not.toContain('What is pH?');
    // A title in a script the English faces lack is named by its item id.
    expect(text).not.toMatch(/[\u1800-\u18af\uac00-\ud7af\u4e00-\u9fff]/);
    expect(text).toMatch(/item-\d+ [\d.]+ \d+/);
    const mongolian = pack.manifest.items[0]!.files.find(
      (file) => file.role === 'main' && file.language === 'mn-Mong',
    )!;
    const vertical = await extractPdfText(path.join(packDir, 'files', mongolian.hash));
    expect(vertical.text).toContain('Venue 0');
    expect(vertical.text).toContain('ᠠᠶᠢᠯᠴᠢᠯᠠᠯ');
  });

  it('counts quizzes per venue in the report, and keeps questions and teams out of the items', async () => {
    const [header, ...records] = parseCsv((await readFile(path.join(out, 'by-venue.csv'), 'utf8')).slice(1));
    const venue0 = records.find((record) => record[0] === generated.venues[0]!.key.venueId)!;
    expect(venue0[header!.indexOf('quiz_attempts')]).toBe('31');
    expect(venue0[header!.indexOf('quizzes_finished')]).toBe('27');
    const byItem = await readFile(path.join(out, 'by-item.csv'), 'utf8');
    expect(byItem).not.toContain('soil-quiz/ph');
    expect(byItem).not.toContain('spring-cup/red-team');
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('Quizzes: 31 attempts, 27 finished, at 1 of 2 venues.');
    expect(html).not.toContain('soil-quiz/ph');
  });

  it('gives each later merge a higher version, so kiosks take the newest', async () => {
    const first = exchangeVersion(new Date('2027-03-01T10:00:00Z'));
    expect(exchangeVersion(new Date('2027-03-01T10:00:01Z'))).toBe(first + 1);
    const report = await mergeStats({
      dirs: [path.join(root, 'sticks')],
      venues: await readVenues(path.join(root, 'venues.json')),
      outDir: path.join(root, 'report-2'),
      createdAt: new Date('2027-03-01T10:00:00Z'),
    });
    const again = await writeExchangePack(report, {
      outDir: path.join(root, 'exchange-pack-2'),
      keyFile: path.join(root, 'centre-exchange.private.json'),
      channel: 'exchange',
      createdAt: new Date('2027-03-08T10:00:00Z'),
    });
    expect(again.version).toBe(first + 7 * 86_400);
    const pack = await verifyPack(path.join(root, 'exchange-pack-2'), { trust: trustOnly(key) });
    expect(pack.manifest.version).toBe(again.version);
  }, 60_000);

  it('asks for --exchange-pack when given a key or a channel alone', async () => {
    const result = await publish('stats', 'merge', root, '--venues', 'v.json', '--out', 'o', '--channel', 'x');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give --exchange-pack DIR with them');
  });
});
