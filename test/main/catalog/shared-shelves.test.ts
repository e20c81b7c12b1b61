/**
 * Shelves (subjects) shared by packs of different channels: the earliest installed pack that uses a
 * subject names and places its shelf, no other pack can rename or move it, and each pack's names
 * come and go with that pack alone. Real SQLite files.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogReader } from '../../../main/catalog/catalog-reader.ts';
import type { PackRecord } from '../../../main/packs/pack-record-types.ts';
import { item, openTestCatalog, pack, type TestCatalog } from './catalog-fixtures.ts';

let catalog: TestCatalog;
let file: string;

beforeEach(() => {
  catalog = openTestCatalog();
  file = catalog.file;
});
afterEach(() => {
  catalog.close();
});

/** The venue's own channel: energy and health, in that order, named in English and Korean. */
function venuePack(overrides: Partial<PackRecord> = {}): PackRecord {
  return pack(
    'venue-science',
    [item('v-solar', { subjects: ['energy'] }), item('v-clinic', { subjects: ['health'] })],
    {
      channel: 'venue',
      subjects: [
        { id: 'energy', names: { en: 'Energy', ko: '에너지' } },
        { id: 'health', names: { en: 'Health', ko: '건강' } },
      ],
      ...overrides,
    },
  );
}

/** A partner's channel: it puts its own subject first and names the venue's energy shelf its own way. */
function partnerPack(overrides: Partial<PackRecord> = {}): PackRecord {
  return pack('partner-kit', [item('p-wind', { subjects: ['energy'] }), item('p-garden', { subjects: ['soil'] })], {
    channel: 'partner',
    subjects: [
      { id: 'soil', names: { en: 'Soil', zh: '土壤' } },
      { id: 'energy', names: { en: 'Sponsored Power', ko: '후원 전력', zh: '赞助能源' } },
    ],
    ...overrides,
  });
}

function shelves(locale: Parameters<CatalogReader['subjects']>[0]): [string, string, number][] {
  return catalog.reader.subjects(locale).map((subject) => [subject.id, subject.name, subject.itemCount]);
}

/** Every subject name row, as (pack, subject, language, name). */
function nameRows(): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT pack_id, subject_id, lang, name FROM subject_names ORDER BY 1, 2, 3').raw().all();
  } finally {
    db.close();
  }
}

describe('shelves shared by packs of different channels', () => {
  it('are named and ordered by the pack installed first; a later pack cannot rename or move them', () => {
    catalog.install(venuePack());
    catalog.install(partnerPack());
    expect(shelves('en')).toEqual([
      ['energy', 'Energy', 2],
      ['health', 'Health', 1],
      ['soil', 'Soil', 1],
    ]);
    expect(shelves('ko')[0]).toEqual(['energy', '에너지', 2]);
    // The venue gives no Chinese name: the visitor gets the venue's next language, not the partner's Chinese.
    expect(shelves('zh-Hans')[0]).toEqual(['energy', 'Energy', 2]);
    expect(shelves('zh-Hans')[2]).toEqual(['soil', '土壤', 1]);

    // A new partner version, installed after the venue's, still cannot take the shelf over.
    catalog.install(partnerPack({ version: 2 }));
    expect(shelves('en').map(([id, name]) => [id, name])).toEqual([
      ['energy', 'Energy'],
      ['health', 'Health'],
      ['soil', 'Soil'],
    ]);
    // Nor does a new venue version lose it by being installed last.
    catalog.install(venuePack({ version: 2 }));
    expect(shelves('ko').map(([id, name]) => [id, name])).toEqual([
      ['energy', '에너지'],
      ['health', '건강'],
      ['soil', 'Soil'],
    ]);
  });

  it('goes the same way when the partner is installed first: neither channel renames the other', () => {
    catalog.install(partnerPack());
    catalog.install(venuePack());
    expect(shelves('en')).toEqual([
      ['soil', 'Soil', 1],
      ['energy', 'Sponsored Power', 2],
      ['health', 'Health', 1],
    ]);
  });

  it('drops a name when a new version of its pack drops that language', () => {
    catalog.install(venuePack());
    catalog.install(partnerPack());
    catalog.install(
      venuePack({
        version: 2,
        subjects: [
          { id: 'energy', names: { en: 'Energy' } },
          { id: 'health', names: { en: 'Health', ko: '건강' } },
        ],
      }),
    );
    expect(shelves('ko')[0]).toEqual(['energy', 'Energy', 2]);
    expect(nameRows()).not.toContainEqual(['venue-science', 'energy', 'ko', '에너지']);
    expect(nameRows()).toContainEqual(['partner-kit', 'energy', 'ko', '후원 전력']);
  });

  it('keeps the other pack’s names when one is removed, and leaves nothing behind when both are', () => {
    catalog.install(venuePack());
    catalog.install(partnerPack());
    const venueNames = nameRows().filter((row) => (row as string[])[0] === 'venue-science');

    expect(catalog.writer.removePack('partner-kit')).toBe(true);
    expect(shelves('en')).toEqual([
      ['energy', 'Energy', 1],
      ['health', 'Health', 1],
    ]);
    expect(nameRows()).toEqual(venueNames);

    // With the venue's pack gone, the partner's own names are what its shelves are called.
    catalog.install(partnerPack());
    expect(catalog.writer.removePack('venue-science')).toBe(true);
    expect(shelves('ko')).toEqual([
      ['soil', 'Soil', 1],
      ['energy', '후원 전력', 1],
    ]);

    expect(catalog.writer.removePack('partner-kit')).toBe(true);
    expect(shelves('en')).toEqual([]);
    expect(nameRows()).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM pack_subjects').pluck().get()).toBe(0);
    db.close();
  });

  it('claims no shelf for a subject a pack lists but none of its items use', () => {
    catalog.install(
      partnerPack({
        items: [item('p-garden', { subjects: ['soil'] })],
      }),
    );
    catalog.install(venuePack());
    expect(shelves('en').map(([id, name]) => [id, name])).toEqual([
      ['soil', 'Soil'],
      ['energy', 'Energy'],
      ['health', 'Health'],
    ]);
  });

  it('gives back each pack’s own names in its record, whoever names the shelf', () => {
    catalog.install(venuePack());
    catalog.install(partnerPack());
    expect(catalog.writer.packRecord('partner-kit')?.subjects).toEqual(partnerPack().subjects);
  });
});
