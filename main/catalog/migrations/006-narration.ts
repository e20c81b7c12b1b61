/**
 * Narration: an item's file may be a `narration` (audio read aloud, one per language), with the second at which
 * each page starts. SQLite cannot change a CHECK in place, so `item_files` is rebuilt with the new role and the
 * marks column; every row is copied as it is.
 */
export const sql = `
CREATE TABLE item_files_new (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('main', 'cover', 'subtitles', 'attachment', 'narration')),
  hash TEXT NOT NULL REFERENCES files(hash),
  lang TEXT,
  pages INTEGER CHECK (pages IS NULL OR pages > 0),
  -- A narration's page starts in seconds, as a JSON array (the manifest's pageStarts); NULL for other files.
  page_starts TEXT CHECK (page_starts IS NULL OR (role = 'narration' AND json_valid(page_starts))),
  PRIMARY KEY (item_id, position)
) STRICT, WITHOUT ROWID;
INSERT INTO item_files_new (item_id, position, role, hash, lang, pages)
  SELECT item_id, position, role, hash, lang, pages FROM item_files;
DROP TABLE item_files;
ALTER TABLE item_files_new RENAME TO item_files;
CREATE INDEX item_files_by_hash ON item_files(hash);
`;
