/** The first catalog schema: installed packs, items with per-language texts, subjects and files. */
export const sql = `
CREATE TABLE packs (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  version INTEGER NOT NULL,
  installed_at TEXT NOT NULL
) STRICT;

CREATE TABLE subjects (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE subject_names (
  subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  lang TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (subject_id, lang)
) STRICT, WITHOUT ROWID;

CREATE TABLE items (
  id TEXT PRIMARY KEY,
  pack_id TEXT NOT NULL REFERENCES packs(id),
  kind TEXT NOT NULL,
  added_at TEXT NOT NULL
) STRICT;
CREATE INDEX items_by_added ON items(added_at DESC, id);

CREATE TABLE item_texts (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  lang TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  PRIMARY KEY (item_id, lang)
) STRICT, WITHOUT ROWID;

CREATE TABLE item_subjects (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  subject_id TEXT NOT NULL REFERENCES subjects(id),
  PRIMARY KEY (subject_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_subjects_by_item ON item_subjects(item_id);
`;
