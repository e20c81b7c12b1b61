/**
 * The catalog's reads, synchronous over better-sqlite3: shelves, search and item pages for visitors,
 * and the installed packs and referenced files the import pipeline asks the main thread for. It runs
 * inside the catalog worker on a connection SQLite opens read-only, so nothing that reaches the worker
 * can change the catalog; writes are `catalog-writer.ts`'s, in the import worker.
 */
import {
  documentTypeByPages,
  type ItemDetail,
  type ItemSummary,
  type PageHit,
  type SearchHit,
  type Subject,
} from '../../preload/contract/catalog.ts';
import type { ContentLanguage, Locale } from '../../preload/contract/schemas.ts';
import type { InstalledPack, PackSummary } from '../packs/pack-record-types.ts';
import { contentUrl } from '../store/content-paths.ts';
import {
  firstPageStatement,
  itemFilesStatement,
  PAGE_ROWID_SHIFT,
  pageDocsStatement,
  pageTextStatement,
  itemOwners,
  itemStatement,
  listStatement,
  pageSubjectsStatement,
  pageTextsStatement,
  searchStatement,
  subjectsStatement,
  type ItemFileRow,
  type ItemRow,
  type ListParams,
  type Statement,
  type TextRow,
} from './catalog-queries.ts';
import { openCatalogForReading, type CatalogDatabase } from './database.ts';
import { languagePreference, preferredLanguage } from './languages.ts';
import { pageSnippet } from './page-snippet.ts';
import { pageMatchExpression, searchTerms } from './search-text.ts';
import { Statements } from './statements.ts';
import { isoTimestamp } from './timestamps.ts';

/** Every query that answers with summaries says from when an arrival counts as new (ISO; see `recency.ts`). */
interface Recency {
  newSince: string;
}

/** Where staff hid subjects: the subjects still shown. An item is listed when it is in one of them. */
interface Shown {
  shownSubjects?: readonly string[] | undefined;
}

/** Whether hidden subjects leave nothing to list: every subject hidden, or the shelf asked for is. */
function hidesAll(query: Shown & { subject?: string | undefined }): boolean {
  const shown = query.shownSubjects;
  return !!shown && (shown.length === 0 || (query.subject !== undefined && !shown.includes(query.subject)));
}

export interface ListQuery extends Recency, Shown {
  locale: Locale;
  subject?: string | undefined;
  /** Only items that arrived at this kiosk at or after this ISO date or timestamp. */
  arrivedSince?: string | undefined;
  /** Only featured items. */
  featured?: boolean | undefined;
  offset: number;
  limit: number;
}

export interface SearchQuery extends Recency, Shown {
  locale: Locale;
  query: string;
  subject?: string | undefined;
  language?: ContentLanguage | undefined;
  offset: number;
  limit: number;
}

export interface ItemQuery extends Recency {
  locale: Locale;
  id: string;
}

export interface ItemPage {
  items: ItemSummary[];
  total: number;
}

export interface SearchPage {
  items: SearchHit[];
  total: number;
}

export class CatalogReader {
  readonly #db: CatalogDatabase;
  readonly #statements: Statements;

  /** The file must have been migrated (`migrateCatalog`): a read-only connection cannot do it. */
  constructor(path: string) {
    this.#db = openCatalogForReading(path);
    this.#statements = new Statements(this.#db);
  }

  close(): void {
    this.#db.close();
  }

  installedPacks(): InstalledPack[] {
    return this.#statements
      .rows<[], InstalledPack>('SELECT id, channel, version, installed_at AS installedAt FROM packs ORDER BY id')
      .all();
  }

  /** Every installed pack with its item count and the bytes of its files, in the order they first came. */
  packSummaries(): PackSummary[] {
    return this.#statements
      .rows<[], PackSummary>(
        `SELECT p.id, p.channel, p.version, p.installed_at AS installedAt,
           (SELECT count(*) FROM items i WHERE i.pack_id = p.id) AS itemCount,
           (SELECT coalesce(sum(f.size), 0) FROM files f WHERE f.hash IN (
              SELECT x.hash FROM item_files x JOIN items i ON i.id = x.item_id WHERE i.pack_id = p.id)) AS bytes
         FROM packs p ORDER BY p.seq`,
      )
      .all();
  }

  /** The ids of the items an installed pack holds; none when it is not installed. */
  packItemIds(packId: string): string[] {
    return this.#statements.values<[string], string>('SELECT id FROM items WHERE pack_id = ? ORDER BY id').all(packId);
  }

  /** Every file hash an installed item uses: what the content store must keep. */
  referencedHashes(): string[] {
    return this.#statements.values<[], string>('SELECT DISTINCT hash FROM item_files ORDER BY hash').all();
  }

  /** Which installed pack holds each of `ids`, for the ids some pack holds: what a new pack may not take. */
  itemOwners(ids: readonly string[]): Map<string, string> {
    return itemOwners(this.#statements, ids);
  }

  /** A number that changes whenever the catalog's content changes (it only grows). */
  revision(): number {
    // The first migration writes the row; nothing deletes it.
    return this.#statements.values<[], number>("SELECT value FROM catalog_meta WHERE key = 'revision'").get()!;
  }

  subjects(locale: Locale): Subject[] {
    const rows = this.#statements
      .rows<[string], { id: string; name: string | null; itemCount: number }>(subjectsStatement)
      .all(JSON.stringify(languagePreference(locale)));
    return rows.map((row) => ({ id: row.id, name: row.name ?? row.id, itemCount: row.itemCount }));
  }

  /**
   * Newest arrival first; each statement reads an index in order, so a page costs the same at any
   * catalog size.
   */
  listItems(query: ListQuery): ItemPage {
    const since = query.arrivedSince === undefined ? '' : isoTimestamp(query.arrivedSince, 'arrivedSince');
    const shown = query.shownSubjects;
    if (hidesAll(query)) return { items: [], total: 0 };
    const filter = { subject: query.subject !== undefined, featured: query.featured === true, hidden: !!shown };
    return this.#page(listStatement(filter), query, {
      subject: query.subject ?? null,
      shown: shown ? JSON.stringify(shown) : null,
      since,
      limit: query.limit,
      offset: query.offset,
    });
  }

  /**
   * Title hits first, then the rest, each tier in bm25 order (weights: title over summary over
   * full text). The second tier is ranked only when the page reaches into it, so the first pages
   * of a common word cost what its title hits cost, not what all its hits cost. Within a tier, a
   * query made of single Hangul/Han characters is listed newest-installed first (see `SearchTerms`).
   */
  search(query: SearchQuery): SearchPage {
    const newSince = isoTimestamp(query.newSince, 'newSince');
    const shown = query.shownSubjects;
    if (hidesAll(query)) return { items: [], total: 0 };
    const terms = searchTerms(query.query, {
      subject: query.subject,
      language: query.language,
      shownSubjects: shown,
    });
    if (terms === undefined) return { items: [], total: 0 };
    const statements = this.#statements;
    const order = terms.singleCharacters ? 'newest' : 'rank';
    const count = (match: string) =>
      statements.values<{ match: string }, number>(searchStatement.count).get({ match })!;
    const page = (match: string, offset: number, limit: number) =>
      statements
        .rows<{ match: string; offset: number; limit: number }, ItemRow>(searchStatement[order])
        .all({ match, offset, limit });

    return this.#db.transaction(() => {
      const total = count(terms.anywhere);
      const inTitles = count(terms.inTitles);
      const rows = query.offset < inTitles ? page(terms.inTitles, query.offset, query.limit) : [];
      const room = query.limit - rows.length;
      if (room > 0 && total > inTitles) rows.push(...page(terms.elsewhere, Math.max(0, query.offset - inTitles), room));
      const items = this.#summaries(rows, query.locale, newSince);
      const hits = this.#pageHits(items, query);
      return {
        items: items.map((item) => ({ ...item, ...(hits.has(item.id) ? { pageHit: hits.get(item.id) } : {}) })),
        total,
      };
    })();
  }

  /**
   * For the page of results, the first page of each item's page text that matches, in the language the
   * filter asks for or else the visitor's preferred one, with its snippet. One rowid-range lookup per document,
   * so it costs what the page of results holds, not what the catalog does.
   */
  #pageHits(items: readonly ItemSummary[], query: SearchQuery): Map<string, PageHit> {
    const hits = new Map<string, PageHit>();
    const match = pageMatchExpression(query.query);
    if (match === undefined || items.length === 0) return hits;
    const statements = this.#statements;
    const docs = Map.groupBy(
      statements
        .rows<[string], { item_id: string; lang: ContentLanguage; docId: number }>(pageDocsStatement)
        .all(JSON.stringify(items.map((item) => item.id))),
      (doc) => doc.item_id,
    );
    if (docs.size === 0) return hits;
    const preference = languagePreference(query.locale);
    const order = (lang: ContentLanguage) =>
      lang === query.language ? -1 : preference.indexOf(lang) < 0 ? preference.length : preference.indexOf(lang);
    const firstPage = statements.values<{ match: string; from: number; to: number }, number>(firstPageStatement);
    const pageText = statements.values<[number], string>(pageTextStatement);
    for (const [itemId, itemDocs] of docs) {
      for (const doc of itemDocs.toSorted((a, b) => order(a.lang) - order(b.lang))) {
        const from = doc.docId * PAGE_ROWID_SHIFT;
        const rowid = firstPage.get({ match, from, to: from + PAGE_ROWID_SHIFT - 1 });
        if (rowid === undefined) continue;
        const snippet = pageSnippet(pageText.get(rowid) ?? '', query.query) ?? [];
        hits.set(itemId, { page: rowid - from, language: doc.lang, snippet });
        break;
      }
    }
    return hits;
  }

  /** One item with its files, or null when the catalog has no such item. */
  item(query: ItemQuery): ItemDetail | null {
    const newSince = isoTimestamp(query.newSince, 'newSince');
    const statements = this.#statements;
    return this.#db.transaction(() => {
      const row = statements.rows<[string], ItemRow>(itemStatement).get(query.id);
      if (!row) return null;
      const [summary] = this.#summaries([row], query.locale, newSince);
      const files = statements.rows<[string], ItemFileRow>(itemFilesStatement).all(query.id);
      return {
        ...summary!,
        // A page-text file is for the catalog's index, not a file the visitor opens.
        files: files
          .filter((file) => file.role !== 'page-text')
          .map(({ lang, pages, pageStarts, ...file }) => ({
            ...file,
            role: file.role as ItemDetail['files'][number]['role'],
            ...(lang === null ? {} : { language: lang }),
            ...(pages === null ? {} : { pages }),
            ...(pageStarts === null ? {} : { pageStarts: JSON.parse(pageStarts) as number[] }),
            url: contentUrl(file.hash),
          })),
        ...(row.pages === null ? {} : { pages: row.pages }),
        ...(row.duration_seconds === null ? {} : { durationSeconds: row.duration_seconds }),
      };
    })();
  }

  #page(statement: Statement, query: ListQuery, params: ListParams): ItemPage {
    const newSince = isoTimestamp(query.newSince, 'newSince');
    const statements = this.#statements;
    return this.#db.transaction(() => {
      const total = statements.values<ListParams, number>(statement.count).get(params)!;
      const rows = statements.rows<ListParams, ItemRow>(statement.page).all(params);
      return { items: this.#summaries(rows, query.locale, newSince), total };
    })();
  }

  /**
   * Summaries of `rows` in their order, each titled in the language the visitor prefers; `newSince`
   * is already in the catalog's ISO form, so it compares with `arrived_at` as text.
   */
  #summaries(rows: readonly ItemRow[], locale: Locale, newSince: string): ItemSummary[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((row) => row.id));
    const texts = Map.groupBy(
      this.#statements.rows<[string], TextRow>(pageTextsStatement).all(ids),
      (text) => text.item_id,
    );
    const subjects = Map.groupBy(
      this.#statements.rows<[string], { item_id: string; subject_id: string }>(pageSubjectsStatement).all(ids),
      (link) => link.item_id,
    );
    return rows.map((row) => {
      const itemTexts = texts.get(row.id) ?? [];
      const languages = itemTexts.map((text) => text.lang);
      const language = preferredLanguage(languages, locale);
      const text = itemTexts.find((candidate) => candidate.lang === language);
      if (!text) throw new Error(`Catalog item "${row.id}" has no text in any language.`);
      return {
        id: row.id,
        kind: row.kind,
        title: text.title,
        summary: text.summary,
        language: text.lang,
        languages: languagePreference(locale).filter((candidate) => languages.includes(candidate)),
        subjects: (subjects.get(row.id) ?? []).map((link) => link.subject_id),
        addedAt: row.added_at,
        arrivedAt: row.arrived_at,
        isNew: row.arrived_at >= newSince,
        featured: row.featured === 1,
        // What the publisher said, or for packs that said nothing the same guess the publisher makes.
        ...(row.kind === 'pdf'
          ? { documentType: row.document_type ?? documentTypeByPages(row.pages ?? undefined) }
          : {}),
      };
    });
  }
}
