/**
 * The SQL of the catalog's read paths that grow with the catalog (shelves, search, item pages), with
 * the shapes of the rows they give. Kept apart from the reader so tests can check each statement's
 * query plan: a statement that silently stops using its index would make a large catalog slow
 * without failing anything else.
 */
import type { DocumentType, ItemFile, ItemKind } from '../../preload/contract/catalog.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import type { Statements } from './statements.ts';

export interface Statement {
  count: string;
  page: string;
}

/** What `itemColumns` selects. */
export interface ItemRow {
  id: string;
  kind: ItemKind;
  added_at: string;
  arrived_at: string;
  pages: number | null;
  duration_seconds: number | null;
  featured: 0 | 1;
  document_type: DocumentType | null;
}

export const itemColumns =
  'i.id, i.kind, i.added_at, i.arrived_at, i.pages, i.duration_seconds, i.featured, i.document_type';

/**
 * The parameters of a `listStatement`; `subject` is read only by the subject shelf's statements, `shown` (a
 * JSON array of subject ids) only by the statements of a kiosk where staff hid subjects.
 */
export interface ListParams {
  subject: string | null;
  shown: string | null;
  since: string;
  limit: number;
  offset: number;
}

/**
 * A shelf, newest arrival first; with a subject it reads the subject's index, already in shelf order.
 * Featured only, it reads the partial index of featured rows, so its cost follows the featured items,
 * not the catalog. `featured = 1` is written out (not a parameter) because only then may SQLite use a
 * partial index.
 */
export function listStatement(filter: { subject: boolean; featured: boolean; hidden?: boolean }): Statement {
  const featured = (alias: string) => (filter.featured ? ` AND ${alias}featured = 1` : '');
  if (!filter.subject && filter.hidden) {
    // Only where staff hid a subject: each candidate row is checked against the subject index, which costs
    // a lookup a row instead of none, so a kiosk that hides nothing keeps the plain statements.
    const shown = `EXISTS (SELECT 1 FROM item_subjects x WHERE x.item_id = i.id
                      AND x.subject_id IN (SELECT value FROM json_each(@shown)))`;
    return {
      count: `SELECT count(*) FROM items i WHERE i.arrived_at >= @since${featured('i.')} AND ${shown}`,
      page: `SELECT ${itemColumns} FROM items i WHERE i.arrived_at >= @since${featured('i.')} AND ${shown}
              ORDER BY i.arrived_at DESC, i.id LIMIT @limit OFFSET @offset`,
    };
  }
  return filter.subject
    ? {
        count: `SELECT count(*) FROM item_subjects WHERE subject_id = @subject AND arrived_at >= @since${featured('')}`,
        page: `SELECT ${itemColumns} FROM item_subjects s JOIN items i ON i.id = s.item_id
                WHERE s.subject_id = @subject AND s.arrived_at >= @since${featured('s.')}
                ORDER BY s.arrived_at DESC, s.item_id LIMIT @limit OFFSET @offset`,
      }
    : {
        count: `SELECT count(*) FROM items WHERE arrived_at >= @since${featured('')}`,
        page: `SELECT ${itemColumns} FROM items i WHERE i.arrived_at >= @since${featured('i.')}
                ORDER BY i.arrived_at DESC, i.id LIMIT @limit OFFSET @offset`,
      };
}

/**
 * Search: how many items match, and a page of them in bm25 order (ties by rowid, for stable
 * pages) or newest-installed first (rowid descending, read straight from the index without
 * ranking). Filters are part of the MATCH expression (the `facets` column), so only the page's
 * rows are ever joined to items.
 */
export const searchStatement = {
  count: 'SELECT count(*) FROM search_index WHERE search_index MATCH @match',
  rank: `SELECT ${itemColumns}
           FROM (SELECT rowid, rank FROM search_index WHERE search_index MATCH @match
                  ORDER BY rank, rowid LIMIT @limit OFFSET @offset) AS hit
           JOIN items i ON i.seq = hit.rowid
          ORDER BY hit.rank, hit.rowid`,
  newest: `SELECT ${itemColumns}
             FROM (SELECT rowid FROM search_index WHERE search_index MATCH @match
                    ORDER BY rowid DESC LIMIT @limit OFFSET @offset) AS hit
             JOIN items i ON i.seq = hit.rowid
            ORDER BY hit.rowid DESC`,
};

/** A page's rowid in `page_texts` and `page_index`: its document's id, then its number (see migration 005). */
export const PAGE_ROWID_SHIFT = 131_072;
export function pageRowid(docId: number, page: number): number {
  return docId * PAGE_ROWID_SHIFT + page;
}

/** The page-text documents of a page of items (ids as a JSON array), with the language each is in. */
export const pageDocsStatement = `SELECT f.item_id, f.lang, d.id AS docId FROM item_files f JOIN page_docs d ON d.hash = f.hash
  WHERE f.item_id IN (SELECT value FROM json_each(?)) AND f.role = 'page-text'`;

/** The first page of one document (a rowid range, see migration 005) that matches, read in rowid order. */
export const firstPageStatement = `SELECT rowid FROM page_index
  WHERE page_index MATCH @match AND rowid BETWEEN @from AND @to ORDER BY rowid LIMIT 1`;

export const pageTextStatement = 'SELECT text FROM page_texts WHERE rowid = ?';

export const itemStatement = `SELECT ${itemColumns} FROM items i WHERE i.id = ?`;

export const itemFilesStatement = `SELECT f.role, f.hash, x.size, x.media_type AS mediaType, f.lang, f.pages,
  f.page_starts AS pageStarts FROM item_files f JOIN files x ON x.hash = f.hash WHERE f.item_id = ? ORDER BY f.position`;

/** What `itemFilesStatement` selects. */
export interface ItemFileRow {
  role: ItemFile['role'] | 'page-text';
  hash: string;
  size: number;
  mediaType: string;
  lang: ContentLanguage | null;
  pages: number | null;
  /** A narration's page starts, as JSON. */
  pageStarts: string | null;
}

/** What `pageTextsStatement` selects. */
export interface TextRow {
  item_id: string;
  lang: ContentLanguage;
  title: string;
  summary: string;
}

/** Texts and subjects of a page of items, given their ids as a JSON array. */
export const pageTextsStatement =
  'SELECT item_id, lang, title, summary FROM item_texts WHERE item_id IN (SELECT value FROM json_each(?))';
export const pageSubjectsStatement = `SELECT item_id, subject_id FROM item_subjects
  WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, subject_id`;

/** The pack holding each of the given item ids (a JSON array), found through the items' unique id. */
export const itemOwnersStatement =
  'SELECT id, pack_id AS packId FROM items WHERE id IN (SELECT value FROM json_each(?))';

/**
 * Which installed pack holds each of `ids`, for the ids some pack holds: what a new pack may not take. Read
 * by the import worker's writer and by a read-only connection alike.
 */
export function itemOwners(statements: Statements, ids: readonly string[]): Map<string, string> {
  const rows = statements.rows<[string], { id: string; packId: string }>(itemOwnersStatement).all(JSON.stringify(ids));
  return new Map(rows.map((row) => [row.id, row.packId]));
}

/**
 * The shelves in order (earliest installed pack's first, each pack's in its own order), each with its
 * item count and its name in the first preferred language (a JSON array) that the naming pack gives.
 */
export const subjectsStatement = `SELECT s.id,
    (SELECT name FROM subject_names n, json_each(?) AS pref
      WHERE n.pack_id = s.pack_id AND n.subject_id = s.id AND n.lang = pref.value ORDER BY pref.key LIMIT 1) AS name,
    (SELECT count(*) FROM item_subjects i INDEXED BY item_subjects_by_subject WHERE i.subject_id = s.id) AS itemCount
  FROM subjects s ORDER BY s.pack_seq, s.position, s.id`;
