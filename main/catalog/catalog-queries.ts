/**
 * The SQL of the catalog's read paths that grow with the catalog (shelves, search, item pages).
 * Kept apart from the store so tests can check each statement's query plan: a statement that
 * silently stops using its index would make a large catalog slow without failing anything else.
 */

export interface Statement {
  count: string;
  page: string;
}

export const itemColumns = 'i.id, i.kind, i.added_at, i.pages, i.duration_seconds';

/** A shelf, newest first; with a subject it reads the subject's index, already in shelf order. */
export function listStatement(filter: { subject: boolean }): Statement {
  return filter.subject
    ? {
        count: 'SELECT count(*) FROM item_subjects WHERE subject_id = @subject AND added_at >= @since',
        page: `SELECT ${itemColumns} FROM item_subjects s JOIN items i ON i.id = s.item_id
                WHERE s.subject_id = @subject AND s.added_at >= @since
                ORDER BY s.added_at DESC, s.item_id LIMIT @limit OFFSET @offset`,
      }
    : {
        count: 'SELECT count(*) FROM items WHERE added_at >= @since',
        page: `SELECT ${itemColumns} FROM items i WHERE i.added_at >= @since
                ORDER BY i.added_at DESC, i.id LIMIT @limit OFFSET @offset`,
      };
}

/**
 * Search matches in bm25 order (ties by rowid, for stable pages) or newest-installed first (rowid
 * descending, read straight from the index without ranking). Without filters only the page's rows
 * are joined to items; with a filter every match is, since the filter needs the item.
 */
export function searchStatement(filter: { subject: boolean; language: boolean }, order: 'rank' | 'newest'): Statement {
  const conditions = [
    filter.subject ? 'EXISTS (SELECT 1 FROM item_subjects s WHERE s.item_id = i.id AND s.subject_id = @subject)' : '',
    filter.language ? 'EXISTS (SELECT 1 FROM item_texts t WHERE t.item_id = i.id AND t.lang = @language)' : '',
  ].filter(Boolean);
  const orderBy = order === 'rank' ? 'rank, rowid' : 'rowid DESC';
  if (conditions.length === 0) {
    return {
      count: 'SELECT count(*) FROM search_index WHERE search_index MATCH @match',
      page: `SELECT ${itemColumns}
               FROM (SELECT rowid, rank FROM search_index WHERE search_index MATCH @match
                      ORDER BY ${orderBy} LIMIT @limit OFFSET @offset) AS hit
               JOIN items i ON i.seq = hit.rowid
              ORDER BY ${order === 'rank' ? 'hit.rank, hit.rowid' : 'hit.rowid DESC'}`,
    };
  }
  const from = `FROM search_index JOIN items i ON i.seq = search_index.rowid
                WHERE search_index MATCH @match AND ${conditions.join(' AND ')}`;
  return {
    count: `SELECT count(*) ${from}`,
    page: `SELECT ${itemColumns} ${from}
            ORDER BY ${order === 'rank' ? 'search_index.rank, search_index.rowid' : 'search_index.rowid DESC'}
            LIMIT @limit OFFSET @offset`,
  };
}

export const itemStatement = `SELECT ${itemColumns} FROM items i WHERE i.id = ?`;

export const itemFilesStatement = `SELECT f.role, f.hash, x.size, x.media_type AS mediaType, f.lang
  FROM item_files f JOIN files x ON x.hash = f.hash WHERE f.item_id = ? ORDER BY f.position`;

/** Texts and subjects of a page of items, given their ids as a JSON array. */
export const pageTextsStatement =
  'SELECT item_id, lang, title, summary FROM item_texts WHERE item_id IN (SELECT value FROM json_each(?))';
export const pageSubjectsStatement = `SELECT item_id, subject_id FROM item_subjects
  WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, subject_id`;

/** Subjects with their name in the first preferred language that has one (a JSON array) and item count. */
export const subjectsStatement = `SELECT s.id,
    (SELECT name FROM subject_names n, json_each(?) AS pref
      WHERE n.subject_id = s.id AND n.lang = pref.value ORDER BY pref.key LIMIT 1) AS name,
    (SELECT count(*) FROM item_subjects i INDEXED BY item_subjects_by_subject WHERE i.subject_id = s.id) AS itemCount
  FROM subjects s ORDER BY s.position, s.id`;
