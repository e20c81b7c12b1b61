/**
 * A PDF's whole text, page by page, from its `page-text` file: each page its own row of a second FTS5 index,
 * so a search can say on which page of a 1,500-page manual a word stands and show it there. Pages are kept
 * per file (`page_docs`, by the file's hash), not per item, so an update that keeps a manual keeps its pages'
 * index instead of writing it again.
 */
export const sql = `
-- item_files learns the page-text role. SQLite cannot change a CHECK in place: the table is rebuilt, and
-- nothing references it, so its rows move as they are.
CREATE TABLE item_files_new (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('main', 'cover', 'subtitles', 'attachment', 'narration', 'page-text')),
  hash TEXT NOT NULL REFERENCES files(hash),
  lang TEXT,
  pages INTEGER CHECK (pages IS NULL OR pages > 0),
  -- A narration's page starts in seconds, as a JSON array (the manifest's pageStarts); NULL for other files.
  page_starts TEXT CHECK (page_starts IS NULL OR (role = 'narration' AND json_valid(page_starts))),
  PRIMARY KEY (item_id, position)
) STRICT, WITHOUT ROWID;
INSERT INTO item_files_new (item_id, position, role, hash, lang, pages, page_starts)
  SELECT item_id, position, role, hash, lang, pages, page_starts FROM item_files;
DROP TABLE item_files;
ALTER TABLE item_files_new RENAME TO item_files;
CREATE INDEX item_files_by_hash ON item_files(hash);

-- One row per page-text file some item uses. A page's rowid, in page_texts and page_index alike, is
-- id * 131072 + its page number (pages are at most 100,000 < 2^17), so a document's pages are one rowid range.
CREATE TABLE page_docs (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE REFERENCES files(hash),
  pages INTEGER NOT NULL CHECK (pages > 0)
) STRICT;

-- Each page's text as the publisher extracted it, for the snippet a search shows; pages without text have no row.
CREATE TABLE page_texts (
  rowid INTEGER PRIMARY KEY,
  text TEXT NOT NULL
) STRICT;

-- Contentless like search_index, and cut into terms by the same rules (../search-text.ts: CJK as bigrams).
CREATE VIRTUAL TABLE page_index USING fts5(
  text,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);
`;
