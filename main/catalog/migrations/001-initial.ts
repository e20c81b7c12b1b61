/**
 * The first catalog schema: installed packs, their items with per-language texts, subjects,
 * files, and the full-text index (see `../search-text.ts` for how text becomes search terms).
 */
export const sql = `
CREATE TABLE catalog_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO catalog_meta (key, value) VALUES ('revision', 0);

-- seq: the order packs were first installed in, kept when a pack is replaced by a new version; the
-- earliest installed pack that uses a subject names and places its shelf (see subjects).
CREATE TABLE packs (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  version INTEGER NOT NULL,
  installed_at TEXT NOT NULL
) STRICT;

-- What each pack says about the subjects its items use: their place in its list and their names.
-- One pack's rows are written and removed only with that pack, so no pack can rename another's shelf.
CREATE TABLE pack_subjects (
  pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  subject_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (pack_id, subject_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX pack_subjects_by_subject ON pack_subjects(subject_id);

CREATE TABLE subject_names (
  pack_id TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (pack_id, subject_id, lang),
  FOREIGN KEY (pack_id, subject_id) REFERENCES pack_subjects(pack_id, subject_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- The shelves: one row per subject some installed item uses, derived from pack_subjects after every
-- install and removal. pack_id is the earliest installed pack using the subject (its names are shown);
-- pack_seq and position (that pack's order) are copied so the shelf list is read in order from one index.
CREATE TABLE subjects (
  id TEXT PRIMARY KEY,
  pack_id TEXT NOT NULL,
  pack_seq INTEGER NOT NULL,
  position INTEGER NOT NULL
) STRICT;
CREATE INDEX subjects_in_order ON subjects(pack_seq, position, id);

-- seq is the rowid of the item's row in search_index; id is what packs and the renderer use.
CREATE TABLE items (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('pdf', 'video', 'article', 'quiz')),
  added_at TEXT NOT NULL,
  pages INTEGER CHECK (pages > 0),
  duration_seconds REAL CHECK (duration_seconds >= 0),
  featured INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1))
) STRICT;
CREATE INDEX items_by_added ON items(added_at DESC, id);
-- Partial: holds only the few featured items, so the attract screen's list never reads the others.
CREATE INDEX items_featured_by_added ON items(added_at DESC, id) WHERE featured = 1;
CREATE INDEX items_by_pack ON items(pack_id);

-- A rowid table, not WITHOUT ROWID: bodies are long, and long rows belong in rowid tables.
CREATE TABLE item_texts (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  lang TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (item_id, lang)
) STRICT;

-- added_at and featured are copied from items so a subject's shelf (all or featured) is read in order from one index.
CREATE TABLE item_subjects (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  subject_id TEXT NOT NULL REFERENCES subjects(id),
  added_at TEXT NOT NULL,
  featured INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
  PRIMARY KEY (item_id, subject_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_subjects_by_subject ON item_subjects(subject_id, added_at DESC, item_id);
CREATE INDEX item_subjects_featured ON item_subjects(subject_id, added_at DESC, item_id) WHERE featured = 1;

CREATE TABLE files (
  hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  media_type TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE item_files (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('main', 'cover', 'subtitles', 'attachment')),
  hash TEXT NOT NULL REFERENCES files(hash),
  lang TEXT,
  PRIMARY KEY (item_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_files_by_hash ON item_files(hash);

-- Contentless: the texts live in item_texts; the index keeps only terms, rowid = items.seq.
-- facets holds a token per subject and per language of the item, so filters are matched inside
-- the index instead of by joining every match to its item (see ../search-text.ts).
CREATE VIRTUAL TABLE search_index USING fts5(
  title, summary, body, title_chars, facets,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);
-- Title hits rank above summary hits, and those above body hits; facets do not rank.
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 10.0, 0.0)');
`;
