/**
 * Opens the catalog's SQLite file, for writing (WAL journal, full sync, foreign keys, and the numbered
 * migrations tracked by `PRAGMA user_version`) or for reading only. A database written by a newer
 * kiosk is refused rather than guessed at.
 */
import Database from 'better-sqlite3';
import { ServiceError } from '../api/service-error.ts';
import { migrations } from './migrations/index.ts';

export type CatalogDatabase = Database.Database;

/** A connection that writes, with the schema brought up to date first. */
export function openCatalogForWriting(path: string): CatalogDatabase {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    // Only imports write, rarely; FULL makes their commit survive a power cut before the
    // importer deletes the files the old version used, at no cost to the reads visitors make.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Creates the file or brings its schema up to date, then lets go: what must happen before a reader
 * opens it, since a read-only connection can neither create the file nor migrate it.
 */
export function migrateCatalog(path: string): void {
  openCatalogForWriting(path).close();
}

/**
 * A connection SQLite itself keeps from writing (every write fails with SQLITE_READONLY), on a file
 * `migrateCatalog` has prepared. WAL still lets it read while another connection writes; it creates
 * the -shm file if the last writer removed it, which needs the folder to be writable.
 */
export function openCatalogForReading(path: string): CatalogDatabase {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Searches read long doclists (a common word across 500,000 pages, a manual's whole text in one row): mapped,
    // SQLite reads them straight from the page cache instead of one read() per 4 KiB page, which took the
    // search p95 over 500 manuals from about 100 ms to 13 (bench/page-text.bench.ts). Address space, not memory.
    db.pragma('mmap_size = 1073741824');
    const current = userVersion(db);
    refuseNewer(current);
    if (current < migrations.length) {
      throw new Error(
        `The catalog at ${path} is at schema ${current}, this app needs ${migrations.length}: it must be migrated before it is read.`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(): number {
  return migrations.length;
}

function migrate(db: CatalogDatabase): void {
  const current = userVersion(db);
  refuseNewer(current);
  for (let version = current + 1; version <= migrations.length; version++) {
    const migration = migrations[version - 1]!;
    // The version is read again under the write lock: the catalog worker and an import worker may
    // open the file at the same moment, and only one of them must run each migration.
    db.transaction(() => {
      if (userVersion(db) >= version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}

function refuseNewer(current: number): void {
  if (current > migrations.length) {
    throw new ServiceError(
      'unavailable',
      `The catalog at this kiosk was written by a newer version of the app (schema ${current}, this app knows ${migrations.length}). Install the newer app version again.`,
    );
  }
}

function userVersion(db: CatalogDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}
