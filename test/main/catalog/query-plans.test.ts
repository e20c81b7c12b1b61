/**
 * The query plan of every read statement that grows with the catalog: each must reach items through
 * an index (or the full-text index), never by scanning a table, so a shelf or a search costs the
 * same whether the kiosk holds a hundred items or a million.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  itemFilesStatement,
  itemOwnersStatement,
  itemStatement,
  listStatement,
  pageSubjectsStatement,
  pageTextsStatement,
  searchStatement,
  subjectsStatement,
} from '../../../main/catalog/catalog-queries.ts';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import { installedAt, item, multilingualPack, pack, tempCatalogPath } from './catalog-fixtures.ts';

let db: Database.Database;
let cleanup: () => void;

beforeAll(() => {
  const temp = tempCatalogPath();
  cleanup = temp.cleanup;
  const writer = new CatalogWriter(temp.file);
  writer.installPack(multilingualPack(), installedAt);
  writer.installPack(
    pack(
      'many',
      Array.from({ length: 500 }, (_, index) => item(`item-${index}`, { featured: index % 50 === 0 })),
    ),
    installedAt,
  );
  writer.close();
  db = new Database(temp.file, { readonly: true });
});
afterAll(() => {
  db.close();
  cleanup();
});

const params = {
  since: '',
  subject: 'energy',
  language: 'en',
  match: '{facets} : ("s656e65726779") AND {title summary body title_chars} : ("solar"*)',
  limit: 24,
  offset: 0,
};

function plan(sql: string, args: unknown = params): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(args as object) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/**
 * Table scans are allowed only of the full-text index itself, of small JSON parameter lists, and
 * of `hit`, the search's already-limited page of matches.
 */
function expectNoTableScan(details: string[]): void {
  const scans = details.filter(
    (detail) => detail.startsWith('SCAN') && !/^SCAN ((search_index|json_each|pref) VIRTUAL TABLE|hit$)/.test(detail),
  );
  expect(scans, details.join('\n')).toEqual([]);
}

describe('query plans', () => {
  it('reads the newest arrivals from items_by_arrival in order, without sorting', () => {
    const { count, page } = listStatement({ subject: false, featured: false });
    expect(plan(count)).toEqual([
      expect.stringMatching(/^SEARCH items USING COVERING INDEX items_by_arrival \(arrived_at>\?\)/),
    ]);
    expect(plan(page)).toEqual([expect.stringMatching(/^SEARCH i USING INDEX items_by_arrival \(arrived_at>\?\)/)]);
  });

  it('reads a subject shelf from item_subjects_by_subject in order of arrival, without sorting', () => {
    const { count, page } = listStatement({ subject: true, featured: false });
    expect(plan(count)).toEqual([
      expect.stringMatching(
        /^SEARCH item_subjects USING COVERING INDEX item_subjects_by_subject \(subject_id=\? AND arrived_at>\?\)/,
      ),
    ]);
    const details = plan(page);
    expectNoTableScan(details);
    expect(details.join('\n')).toMatch(/SEARCH s USING COVERING INDEX item_subjects_by_subject \(subject_id=\?/);
    expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('where staff hid subjects, still reads arrivals in order, looking up each row’s subjects by index', () => {
    for (const featured of [false, true]) {
      const { count, page } = listStatement({ subject: false, featured, hidden: true });
      for (const statement of [count, page]) {
        const details = plan(statement, { ...params, shown: JSON.stringify(['energy']) });
        expectNoTableScan(details);
        expect(details.join('\n')).toMatch(/^SEARCH i USING (COVERING )?INDEX items_(featured_)?by_arrival/);
        expect(details.join('\n')).toMatch(/SEARCH x (EXISTS )?USING PRIMARY KEY \(item_id=\? AND subject_id=\?\)/);
        expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('reads the featured items from their partial indexes in order, without sorting', () => {
    const newest = listStatement({ subject: false, featured: true });
    expect(plan(newest.count)).toEqual([
      expect.stringMatching(/^SEARCH items USING COVERING INDEX items_featured_by_arrival \(arrived_at>\?\)/),
    ]);
    expect(plan(newest.page)).toEqual([
      expect.stringMatching(/^SEARCH i USING INDEX items_featured_by_arrival \(arrived_at>\?\)/),
    ]);
    const shelf = listStatement({ subject: true, featured: true });
    expect(plan(shelf.count)).toEqual([
      expect.stringMatching(
        /^SEARCH item_subjects USING COVERING INDEX item_subjects_featured \(subject_id=\? AND arrived_at>\?\)/,
      ),
    ]);
    const details = plan(shelf.page);
    expectNoTableScan(details);
    expect(details.join('\n')).toMatch(/SEARCH s USING COVERING INDEX item_subjects_featured \(subject_id=\?/);
    expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('searches through the full-text index alone, filters included, and reaches items by key', () => {
    const details = [plan(searchStatement.count), plan(searchStatement.rank), plan(searchStatement.newest)];
    for (const statement of details) {
      expectNoTableScan(statement);
      expect(statement.join('\n')).toMatch(/SCAN search_index VIRTUAL TABLE INDEX/);
    }
    expect(details[0]!.join('\n')).not.toMatch(/items|item_subjects|item_texts/);
    for (const page of details.slice(1)) {
      expect(page.join('\n')).toMatch(/SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    }
    // Newest first is read from the index in rowid order: nothing is ranked or sorted.
    expect(details[2]!.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('reaches an item, its files, texts and subjects by key', () => {
    expect(plan(itemStatement, ['solar-power'])).toEqual([
      expect.stringMatching(/^SEARCH i USING INDEX sqlite_autoindex_items_1 \(id=\?\)/),
    ]);
    const files = plan(itemFilesStatement, ['solar-power']);
    expectNoTableScan(files);
    expect(files.join('\n')).toMatch(/SEARCH x USING PRIMARY KEY \(hash=\?\)/);
    // An import asks which packs hold its item ids: by the unique id, however many items the catalog has.
    const owners = plan(itemOwnersStatement, ['["solar-power"]']);
    expectNoTableScan(owners);
    expect(owners.join('\n')).toMatch(/SEARCH items USING INDEX sqlite_autoindex_items_1 \(id=\?\)/);
    for (const statement of [pageTextsStatement, pageSubjectsStatement]) {
      const details = plan(statement, ['["solar-power"]']);
      expectNoTableScan(details);
      expect(details.join('\n')).toMatch(/USING (COVERING |PRIMARY KEY|INDEX)/);
    }
  });

  it('counts a subject’s items from its index and lists the shelves in index order, without sorting', () => {
    const details = plan(subjectsStatement, ['["en"]']);
    expect(details.join('\n')).toMatch(/SCAN s USING INDEX subjects_in_order/);
    // The only sort allowed is of one subject's few names by language preference, inside its subquery.
    const outer = db.prepare(`EXPLAIN QUERY PLAN ${subjectsStatement}`).all('["en"]') as {
      parent: number;
      detail: string;
    }[];
    expect(outer.filter((row) => row.parent === 0 && /TEMP B-TREE/.test(row.detail))).toEqual([]);
    expect(details.join('\n')).toMatch(/SEARCH n USING PRIMARY KEY \(pack_id=\? AND subject_id=\?/);
    expect(details.join('\n')).toMatch(/SEARCH i USING COVERING INDEX item_subjects_by_subject \(subject_id=\?\)/);
    // The subjects table itself is scanned: it holds the subject list, a few dozen rows.
    expect(details.filter((detail) => detail.startsWith('SCAN') && !detail.startsWith('SCAN s'))).toEqual(
      details.filter((detail) => /^SCAN (json_each|pref) VIRTUAL TABLE/.test(detail)),
    );
  });
});
