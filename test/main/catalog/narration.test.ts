/** A narration's page starts go into the catalog with the pack and come back on the item page and as a delta's base. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashOf, item, newSince, openTestCatalog, pack, type TestCatalog } from './catalog-fixtures.ts';

let catalog: TestCatalog;
beforeEach(() => {
  catalog = openTestCatalog();
});
afterEach(() => catalog.close());

const narrated = pack(
  'n',
  [
    item('leaflet', {
      pages: 3,
      files: [
        { role: 'main', hash: hashOf(1), language: 'en' },
        { role: 'narration', hash: hashOf(2), language: 'en', pageStarts: [0, 4.25, 9.5] },
      ],
    }),
  ],
  {
    files: [
      { sha256: hashOf(1), size: 1000, mediaType: 'application/pdf' },
      { sha256: hashOf(2), size: 5000, mediaType: 'audio/wav' },
    ],
  },
);

describe('narration in the catalog', () => {
  it('serves the page starts with the narration file, and no marks with the others', () => {
    catalog.install(narrated);
    const detail = catalog.reader.item({ locale: 'en', id: 'leaflet', newSince })!;
    expect(detail.files.map(({ url: _url, ...file }) => file)).toEqual([
      { role: 'main', hash: hashOf(1), size: 1000, mediaType: 'application/pdf', language: 'en' },
      {
        role: 'narration',
        hash: hashOf(2),
        size: 5000,
        mediaType: 'audio/wav',
        language: 'en',
        pageStarts: [0, 4.25, 9.5],
      },
    ]);
  });

  it('gives the marks back in the installed record, the base of a delta', () => {
    catalog.install(narrated);
    expect(catalog.writer.packRecord('n')!.items[0]!.files).toEqual(narrated.items[0]!.files);
  });

  it('refuses marks on a file that is not a narration (the schema keeps them apart)', () => {
    catalog.install(narrated);
    const db = new Database(catalog.file);
    try {
      expect(() => db.prepare("UPDATE item_files SET page_starts = '[0]' WHERE role = 'main'").run()).toThrow(
        /CHECK constraint/,
      );
    } finally {
      db.close();
    }
  });
});
