/** The catalog file: migrations from empty, journal and key settings, and refusal of a newer schema. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, schemaVersion } from '../../../main/catalog/database.ts';
import { migrations } from '../../../main/catalog/migrations/index.ts';
import { ServiceError } from '../../../main/api/service-error.ts';
import { tempCatalogPath } from './catalog-fixtures.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function tempFile(): string {
  const temp = tempCatalogPath();
  cleanup = temp.cleanup;
  return temp.file;
}

describe('openCatalogDatabase', () => {
  it('migrates an empty file to the newest schema with WAL and foreign keys on', () => {
    const file = tempFile();
    const db = openCatalogDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(schemaVersion()).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'catalog_meta',
        'packs',
        'items',
        'item_texts',
        'subjects',
        'subject_names',
        'pack_subjects',
        'item_subjects',
        'files',
        'item_files',
        'search_index',
      ]),
    );
    db.close();
  });

  it('opens an up-to-date file again without re-running migrations', () => {
    const file = tempFile();
    const first = openCatalogDatabase(file);
    first.prepare("UPDATE catalog_meta SET value = 41 WHERE key = 'revision'").run();
    first.close();
    const second = openCatalogDatabase(file);
    expect(second.prepare("SELECT value FROM catalog_meta WHERE key = 'revision'").pluck().get()).toBe(41);
    second.close();
  });

  it('refuses a file written by a newer app version and leaves it untouched', () => {
    const file = tempFile();
    openCatalogDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();

    let refusal: unknown;
    try {
      openCatalogDatabase(file);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ServiceError);
    expect((refusal as ServiceError).code).toBe('unavailable');
    expect((refusal as ServiceError).message).toMatch(/newer version of the app/);
    expect((refusal as ServiceError).message).toContain(`schema ${migrations.length + 1}`);

    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    after.close();
  });
});
