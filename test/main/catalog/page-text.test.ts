/**
 * The page index in the catalog: pages kept per page-text file (a new version that keeps a manual keeps its
 * pages' rows, a removal drops them), the first matching page in the visitor's language, snippets that are
 * text only, and query plans that reach pages by rowid range, never by scanning.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstPageStatement, pageDocsStatement, pageTextStatement } from '../../../main/catalog/catalog-queries.ts';
import { pageSnippet } from '../../../main/catalog/page-snippet.ts';
import { pageMatchExpression } from '../../../main/catalog/search-text.ts';
import type { PackItem } from '../../../main/packs/pack-record-types.ts';
import { hashOf, item, newSince, openTestCatalog, pack, type TestCatalog } from './catalog-fixtures.ts';

let catalog: TestCatalog;
/** The page-text files the tests' packs use, by hash, and how often each was read. */
const files = new Map<string, string[]>();
const reads = new Map<string, number>();
const source = (hash: string) => {
  reads.set(hash, (reads.get(hash) ?? 0) + 1);
  return files.get(hash)!;
};

beforeEach(() => {
  catalog = openTestCatalog();
  files.clear();
  reads.clear();
  files.set(hashOf(101), ['Contents', 'The pump needs a <b>gasket</b> & a seal.', '', 'Index: gasket, seal']);
  files.set(hashOf(102), ['차례', '펌프에는 개스킷이 필요합니다.']);
  files.set(hashOf(103), ['Ανάπτυξη', 'Café crème: the crème brûlée of manuals.']);
});
afterEach(() => catalog.close());

function manual(id: string, texts: Record<string, number>, overrides: Partial<PackItem> = {}): PackItem {
  return item(id, {
    texts: Object.fromEntries(Object.keys(texts).map((lang) => [lang, { title: `Manual ${id}`, summary: '' }])),
    files: Object.entries(texts).flatMap(([lang, n]) => [
      { role: 'main' as const, hash: hashOf(n + 1000), language: lang as 'en' },
      { role: 'page-text' as const, hash: hashOf(n), language: lang as 'en' },
    ]),
    ...overrides,
  });
}

function packFiles(...numbers: number[]) {
  return numbers.flatMap((n) => [
    { sha256: hashOf(n), size: 10, mediaType: 'application/json' },
    { sha256: hashOf(n + 1000), size: 10, mediaType: 'application/pdf' },
  ]);
}

const install = (items: PackItem[], numbers: number[], version = 1) =>
  catalog.writer.installPack(
    pack('manuals', items, { version, files: packFiles(...numbers) }),
    '2026-12-01T00:00:00.000Z',
    source,
  );

const search = (query: string, locale: 'en' | 'ko' = 'en', language?: 'en' | 'ko') =>
  catalog.reader.search({ locale, query, newSince, offset: 0, limit: 24, ...(language ? { language } : {}) });

function rows(sql: string): unknown[] {
  const db = new Database(catalog.file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('the page index', () => {
  it('finds the first page of the preferred language, and the filter’s language first', () => {
    install([manual('pump', { en: 101, ko: 102 })], [101, 102]);
    expect(search('gasket').items[0]!.pageHit).toMatchObject({ page: 2, language: 'en' });
    // 개스킷 is Korean only: its Korean page, whatever the visitor's language.
    expect(search('개스킷').items[0]!.pageHit).toMatchObject({ page: 2, language: 'ko' });
    expect(search('펌프', 'en').items[0]!.pageHit).toMatchObject({ page: 2, language: 'ko' });
    // A page that holds no text has no row; the index's page numbers are the PDF's.
    expect(search('index').items[0]!.pageHit).toMatchObject({ page: 4 });
  });

  it('gives the snippet as text pieces: markup in a page stays the text it is', () => {
    install([manual('pump', { en: 101 })], [101]);
    expect(search('gasket').items[0]!.pageHit!.snippet).toEqual([
      { text: 'The pump needs a <b>', mark: false },
      { text: 'gasket', mark: true },
      { text: '</b> & a seal.', mark: false },
    ]);
    // A word's start, folded as the index folds it: "creme" finds "crème" and marks the page's own letters.
    files.set(hashOf(103), ['', 'Café crème: the crème brûlée of manuals.']);
    install([manual('cafe', { en: 103 })], [103], 2);
    expect(search('CREME').items[0]!.pageHit!.snippet.filter((piece) => piece.mark)).toEqual([
      { text: 'crème', mark: true },
      { text: 'crème', mark: true },
    ]);
  });

  it('keeps a manual’s pages when a new version keeps its file, and drops them with its last item', () => {
    install([manual('pump', { en: 101 }), manual('pump-ko', { ko: 102 })], [101, 102]);
    const before = rows('SELECT id, hash FROM page_docs ORDER BY id');
    install([manual('pump', { en: 101 }, { texts: { en: { title: 'Pump, revised', summary: '' } } })], [101], 2);
    // The English manual's rows are the same rows; the Korean one's went with its item.
    expect(rows('SELECT id, hash FROM page_docs ORDER BY id')).toEqual([before[0]]);
    expect(search('gasket').items[0]).toMatchObject({ title: 'Pump, revised', pageHit: { page: 2 } });
    expect(search('개스킷').total).toBe(0);
    expect(rows('SELECT count(*) AS n FROM page_index WHERE page_index MATCH \'"개스"\'')).toEqual([{ n: 0 }]);

    expect(catalog.writer.removePack('manuals')).toBe(true);
    expect(rows('SELECT count(*) AS n FROM page_docs')).toEqual([{ n: 0 }]);
    expect(rows('SELECT count(*) AS n FROM page_texts')).toEqual([{ n: 0 }]);
    expect(rows("SELECT count(*) AS n FROM page_index WHERE page_index MATCH 'gasket'")).toEqual([{ n: 0 }]);
  });

  it('indexes the whole text of page text for the item search, past the manifest’s body', () => {
    files.set(hashOf(104), [...Array.from({ length: 30 }, () => 'filler '.repeat(2000)), 'the last page says zeolite']);
    install([manual('long', { en: 104 })], [104]);
    expect(search('zeolite').items[0]).toMatchObject({ id: 'long', pageHit: { page: 31 } });
  });

  it('refuses an item with page text when no page texts are given to read', () => {
    expect(() =>
      catalog.writer.installPack(pack('manuals', [manual('pump', { en: 101 })], { files: packFiles(101) }), newSince),
    ).toThrow('no page texts were given');
  });
});

describe('page snippets', () => {
  it('are cut around the first match between words, with an ellipsis where they are cut', () => {
    const page = `${'alpha '.repeat(40)}target ${'omega '.repeat(60)}`;
    const snippet = pageSnippet(page, 'target')!;
    expect(snippet[0]!.text.startsWith('…alpha')).toBe(true);
    expect(snippet.at(-1)!.text.endsWith('omega…')).toBe(true);
    expect(snippet.filter((piece) => piece.mark)).toEqual([{ text: 'target', mark: true }]);
  });

  it('mark CJK inside a run and keep surrogate pairs whole', () => {
    expect(pageSnippet('标点符号与中文排版规则𠀋', '排版')).toEqual([
      { text: '标点符号与中文', mark: false },
      { text: '排版', mark: true },
      { text: '规则𠀋', mark: false },
    ]);
  });

  it('mark a word only at its start, as the index matches prefixes', () => {
    expect(pageSnippet('heart art', 'art')).toEqual([
      { text: 'heart ', mark: false },
      { text: 'art', mark: true },
    ]);
  });

  it('mark no more than a dozen matches', () => {
    expect(pageSnippet('a '.repeat(100), 'a')!.filter((piece) => piece.mark)).toHaveLength(12);
  });
});

describe('page query plans', () => {
  it('reach a page of results’ documents by key and a document’s pages by rowid range', () => {
    install([manual('pump', { en: 101 })], [101]);
    const db = new Database(catalog.file, { readonly: true });
    try {
      const plan = (sql: string, args: unknown) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(args as object) as { detail: string }[]).map((row) => row.detail);
      const docs = plan(pageDocsStatement, ['["pump"]']).join('\n');
      expect(docs).toMatch(/SEARCH f USING PRIMARY KEY \(item_id=\?\)/);
      expect(docs).toMatch(/SEARCH d USING (COVERING )?INDEX sqlite_autoindex_page_docs_1 \(hash=\?\)/);
      const first = plan(firstPageStatement, { match: pageMatchExpression('gasket'), from: 0, to: 10 }).join('\n');
      expect(first).toMatch(/SCAN page_index VIRTUAL TABLE INDEX/);
      expect(first).not.toMatch(/TEMP B-TREE/);
      expect(plan(pageTextStatement, [1]).join('\n')).toMatch(/SEARCH page_texts USING INTEGER PRIMARY KEY/);
    } finally {
      db.close();
    }
  });
});
