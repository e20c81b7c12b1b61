import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DailyRow } from '../../../main/stats/daily-row.ts';
import { csvField, statsCsvText, writeStatsExport } from '../../../main/stats/export-stats.ts';
import { openKioskKey, type KioskKey } from '../../../main/stats/kiosk-key.ts';
import { ExportRefusedError, readVenues, verifyStatsExport } from '../../../tools/publish/stats/verify-export.ts';
import { tempDir } from '../packs/pack-fixtures.ts';
import { parseCsv, writeVenues } from './stats-fixtures.ts';

const createdAt = new Date('2027-03-01T09:00:00.000Z');

const tricky: DailyRow[] = [
  row('2027-02-03', 'item-open', 'solar-basics', 'Solar power, the basics', 12),
  row('2027-02-03', 'reading-time', 'solar-basics', 'Solar power, the basics', 3, 421.5),
  row('2027-02-04', 'item-open', 'quotes', 'The "quoted" title', 2),
  row('2027-02-04', 'item-open', 'lines', 'First line\nsecond line\r\nthird', 1),
  row('2027-02-05', 'item-open', 'formula-eq', '=HYPERLINK("http://x.example","click")', 1),
  row('2027-02-05', 'item-open', 'formula-plus', '+1+2', 1),
  row('2027-02-05', 'item-open', 'formula-minus', '-3+4', 1),
  row('2027-02-05', 'item-open', 'formula-at', '@SUM(A1:A2)', 1),
  row('2027-02-06', 'item-open', 'korean', '태양광 발전의 기초', 5),
  row('2027-02-06', 'item-open', 'chinese', '太阳能基础知识', 6),
  row('2027-02-06', 'item-open', 'mongolian', 'ᠨᠠᠷᠠᠨ ᠡᠷᠴᠢᠮ ᠦᠨ ᠦᠨᠳᠦᠰᠦ', 7),
  row('2027-02-06', 'item-open', 'cyrillic', 'Нарны эрчим хүч', 8),
  { day: '2027-02-01', kind: 'visit-start', itemId: '', itemTitle: '', subject: '', count: 40, amount: 0 },
];

function row(day: string, kind: DailyRow['kind'], itemId: string, itemTitle: string, count: number, amount = 0) {
  return { day, kind, itemId, itemTitle, subject: 'energy', count, amount } satisfies DailyRow;
}

async function exported(key?: KioskKey) {
  const data = await tempDir('stats-kiosk-');
  const stick = await tempDir('stats-stick-');
  const kioskKey = key ?? (await openKioskKey(data, createdAt));
  const written = await writeStatsExport({
    dir: stick,
    key: kioskKey,
    venueName: 'Riverside, "East" Library',
    sequence: 7,
    createdAt,
    fromDay: '2027-02-01',
    toDay: '2027-02-28',
    rows: tricky,
  });
  const venuesFile = path.join(data, 'venues.json');
  await writeVenues(venuesFile, [{ key: kioskKey, name: 'Riverside', region: 'North' }]);
  return { stick, key: kioskKey, written, venues: await readVenues(venuesFile) };
}

describe('writeStatsExport', () => {
  it('writes the JSON, its signature and the CSV, and the centre verifies what it wrote', async () => {
    const { stick, key, written, venues } = await exported();
    const folder = path.join(stick, 'reading-room-stats');
    expect((await readdir(folder)).sort()).toEqual(
      [`${key.venueId}-7.csv`, `${key.venueId}-7.json`, `${key.venueId}-7.json.sig`].sort(),
    );
    expect(written.jsonFile).toBe(path.join(folder, `${key.venueId}-7.json`));

    const verified = await verifyStatsExport(written.jsonFile, venues);
    expect(verified.content).toMatchObject({
      format: 1,
      venueId: key.venueId,
      keyId: key.venueId,
      venueName: 'Riverside, "East" Library',
      sequence: 7,
      createdAt: '2027-03-01T09:00:00.000Z',
      fromDay: '2027-02-01',
      toDay: '2027-02-28',
    });
    const byKey = (a: DailyRow, b: DailyRow) =>
      `${a.day}${a.kind}${a.itemId}` < `${b.day}${b.kind}${b.itemId}` ? -1 : 1;
    expect(verified.content.rows).toEqual([...tricky].sort(byKey));

    const sig = await readFile(written.signatureFile, 'utf8');
    expect(sig).toMatch(/^\{"format":1,"keyId":"k-[0-9a-f]{16}","signature":"[A-Za-z0-9+/=]+"\}\n$/);
  });

  it('gives the same bytes for the same rows in any order', async () => {
    const data = await tempDir('stats-kiosk-');
    const key = await openKioskKey(data, createdAt);
    const texts: string[] = [];
    for (const rows of [tricky, [...tricky].reverse()]) {
      const stick = await tempDir('stats-stick-');
      const input = {
        dir: stick,
        key,
        venueName: 'R',
        sequence: 1,
        createdAt,
        fromDay: '2027-02-01',
        toDay: '2027-02-28',
        rows,
      };
      texts.push(await readFile((await writeStatsExport(input)).jsonFile, 'utf8'));
    }
    expect(texts[1]).toBe(texts[0]);
  });

  it('refuses rows the centre would refuse: outside the days, or a (day, kind, item) twice', async () => {
    const data = await tempDir('stats-kiosk-');
    const key = await openKioskKey(data, createdAt);
    const base = {
      dir: await tempDir('stats-stick-'),
      key,
      venueName: 'R',
      sequence: 1,
      createdAt,
      fromDay: '2027-02-01',
      toDay: '2027-02-28',
    };
    await expect(writeStatsExport({ ...base, rows: [row('2027-03-01', 'item-open', 'a', 'A', 1)] })).rejects.toThrow(
      /outside/,
    );
    const twice = row('2027-02-02', 'item-open', 'a', 'A', 1);
    await expect(writeStatsExport({ ...base, rows: [twice, { ...twice }] })).rejects.toThrow(/second row/);
    expect(await readdir(base.dir)).toEqual([]);
  });
});

describe('verifyStatsExport', () => {
  it('refuses the JSON after any one changed byte', async () => {
    const { written, venues } = await exported();
    const original = await readFile(written.jsonFile);
    for (const at of [0, Math.floor(original.length / 2), original.indexOf('"count":12') + 9, original.length - 1]) {
      const changed = Buffer.from(original);
      changed[at] = changed[at]! ^ 0x01;
      await writeFile(written.jsonFile, changed);
      const error = await verifyStatsExport(written.jsonFile, venues).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ExportRefusedError);
      expect(error).toMatchObject({ code: 'bad-signature' });
      expect((error as Error).message).toContain('changed after the kiosk signed it');
    }
  });

  it('refuses an export from a venue the registry does not know', async () => {
    const { written } = await exported();
    const other = await openKioskKey(await tempDir('stats-kiosk-'), createdAt);
    const venuesFile = path.join(await tempDir('stats-centre-'), 'venues.json');
    await writeVenues(venuesFile, [{ key: other, name: 'Elsewhere', region: 'South' }]);
    await expect(verifyStatsExport(written.jsonFile, await readVenues(venuesFile))).rejects.toMatchObject({
      code: 'unknown-venue',
      message: expect.stringContaining('not a venue in the registry'),
    });
  });

  it('refuses a missing or malformed signature file, and a renamed export', async () => {
    const { written, venues, key } = await exported();
    const sig = await readFile(written.signatureFile, 'utf8');
    await writeFile(written.signatureFile, sig.trimEnd());
    await expect(verifyStatsExport(written.jsonFile, venues)).rejects.toMatchObject({ code: 'malformed-signature' });
    await writeFile(written.signatureFile, sig);
    const renamed = path.join(path.dirname(written.jsonFile), `${key.venueId}-8.json`);
    await writeFile(renamed, await readFile(written.jsonFile));
    await expect(verifyStatsExport(renamed, venues)).rejects.toMatchObject({ code: 'missing-signature' });
    await writeFile(`${renamed}.sig`, sig);
    await expect(verifyStatsExport(renamed, venues)).rejects.toMatchObject({ code: 'mismatch' });
  });
});

describe('the CSV', () => {
  it('quotes by RFC 4180 and keeps every title, in every script, as it was', async () => {
    const { written } = await exported();
    const bytes = await readFile(written.csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(['day', 'kind', 'item_id', 'item_title', 'subject', 'count', 'amount']);
    expect(records).toHaveLength(tricky.length);
    const titles = new Map(records.map((record) => [record[2], record[3]]));
    expect(titles.get('solar-basics')).toBe('Solar power, the basics');
    expect(titles.get('quotes')).toBe('The "quoted" title');
    expect(titles.get('lines')).toBe('First line\nsecond line\r\nthird');
    expect(titles.get('korean')).toBe('태양광 발전의 기초');
    expect(titles.get('chinese')).toBe('太阳能基础知识');
    expect(titles.get('mongolian')).toBe('ᠨᠠᠷᠠᠨ ᠡᠷᠴᠢᠮ ᠦᠨ ᠦᠨᠳᠦᠰᠦ');
    expect(records.find((record) => record[2] === 'solar-basics' && record[1] === 'reading-time')).toEqual([
      '2027-02-03',
      'reading-time',
      'solar-basics',
      'Solar power, the basics',
      'energy',
      '3',
      '421.5',
    ]);
    expect(text).toContain('"The ""quoted"" title"');
  });

  it('never lets a title start a formula', () => {
    for (const title of ['=HYPERLINK("http://x.example","click")', '+1+2', '-3+4', '@SUM(A1:A2)', '\t=1', '\r=1']) {
      const field = csvField(title, true);
      expect(field.startsWith('"\'')).toBe(true);
      const [[parsed]] = parseCsv(`${field}\r\n`) as [[string]];
      expect(parsed).toBe(`'${title}`);
    }
    expect(csvField('plain', true)).toBe('plain');
    expect(csvField(12.5, false)).toBe('12.5');
    const csv = statsCsvText([row('2027-02-05', 'item-open', '=cmd', '=1+1', 1)]);
    expect(csv).toContain(`"'=cmd","'=1+1"`);
    for (const record of parseCsv(csv.slice(1)).slice(1)) {
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
