/**
 * Opens the catalog's SQLite file: WAL journal, foreign keys, and numbered migrations tracked
 * by `PRAGMA user_version`. A database written by a newer kiosk is refused rather than guessed at.
 */
import Database from 'better-sqlite3';
import { ServiceError } from '../api/service-error.ts';
import { migrations } from './migrations/index.ts';

export type CatalogDatabase = Database.Database;

export function openCatalogDatabase(path: string): CatalogDatabase {
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

function migrate(db: CatalogDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new ServiceError(
      'unavailable',
      `The catalog at this kiosk was written by a newer version of the app (schema ${current}, this app knows ${migrations.length}). Install the newer app version again.`,
    );
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    const migration = migrations[version - 1]!;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

export function schemaVersion(): number {
  return migrations.length;
}
