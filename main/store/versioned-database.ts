/**
 * Opens one of the kiosk's own SQLite files (usage counts, quiz boards) in WAL mode, creating its schema on first
 * use. A file from a newer kiosk (a downgrade, or a copied data folder) is refused rather than read with the
 * wrong schema; `user_version` holds the schema's version.
 */
import Database from 'better-sqlite3';

export interface SchemaFile {
  schema: string;
  version: number;
  /** How the refusal names the file to staff, e.g. "The usage counts". */
  what: string;
}

export function openVersionedDatabase(path: string, file: SchemaFile): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > file.version) {
    db.close();
    throw new Error(`${file.what} at ${path} were written by a newer kiosk (schema ${version}).`);
  }
  if (version === 0) {
    db.transaction(() => {
      db.exec(file.schema);
      db.pragma(`user_version = ${file.version}`);
    })();
  }
  return db;
}
