/**
 * The catalog file: migrations from empty and from schema 1, journal and key settings, refusal of a
 * newer schema, and the read-only connection the catalog worker reads through.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogReader } from '../../../main/catalog/catalog-reader.ts';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import {
  migrateCatalog,
  openCatalogForReading,
  openCatalogForWriting,
  schemaVersion,
} from '../../../main/catalog/database.ts';
import { migrations } from '../../../main/catalog/migrations/index.ts';
import { ServiceError } from '../../../main/api/service-error.ts';
import { installedAt, item, newSince, pack, tempCatalogPath } from './catalog-fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempFile(): string {
  const temp = tempCatalogPath();
  cleanups.push(temp.cleanup);
  return temp.file;
}

describe('openCatalogForWriting', () => {
  it('migrates an empty file to the newest schema with WAL and foreign keys on', () => {
    const file = tempFile();
    const db = openCatalogForWriting(file);
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
    const first = openCatalogForWriting(file);
    first.prepare("UPDATE catalog_meta SET value = 41 WHERE key = 'revision'").run();
    first.close();
    const second = openCatalogForWriting(file);
    expect(second.prepare("SELECT value FROM catalog_meta WHERE key = 'revision'").pluck().get()).toBe(41);
    second.close();
  });

  it('refuses a file written by a newer app version and leaves it untouched', () => {
    const file = tempFile();
    openCatalogForWriting(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();

    let refusal: unknown;
    try {
      openCatalogForWriting(file);
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

/** A file as the first kiosk release left it: schema 1, two packs installed a month apart. */
function schemaOneCatalog(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(migrations[0]!.sql);
  db.pragma('user_version = 1');
  db.exec(`
    INSERT INTO packs (id, seq, channel, version, installed_at) VALUES
      ('early', 1, 'test', 3, '2026-10-01T09:00:00.000Z'),
      ('late', 2, 'test', 1, '2026-11-01T09:00:00.000Z');
    INSERT INTO subjects (id, pack_id, pack_seq, position) VALUES ('energy', 'early', 1, 0);
    INSERT INTO pack_subjects (pack_id, subject_id, position) VALUES ('early', 'energy', 0), ('late', 'energy', 0);
    INSERT INTO items (id, pack_id, kind, added_at, featured) VALUES
      ('e1', 'early', 'pdf', '2026-12-01T00:00:00.000Z', 1),
      ('l1', 'late', 'video', '2025-01-01T00:00:00.000Z', 0);
    INSERT INTO item_texts (item_id, lang, title, summary) VALUES ('e1', 'en', 'Early', ''), ('l1', 'en', 'Late', '');
    INSERT INTO item_subjects (item_id, subject_id, added_at, featured) VALUES
      ('e1', 'energy', '2026-12-01T00:00:00.000Z', 1),
      ('l1', 'energy', '2025-01-01T00:00:00.000Z', 0);
  `);
  db.close();
}

describe('migration 002 (arrival)', () => {
  it('backfills each item’s arrival from its pack’s install time and orders shelves by it', () => {
    const file = tempFile();
    schemaOneCatalog(file);
    migrateCatalog(file);

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(raw.prepare('SELECT id, added_at, arrived_at FROM items ORDER BY id').raw().all()).toEqual([
      ['e1', '2026-12-01T00:00:00.000Z', '2026-10-01T09:00:00.000Z'],
      ['l1', '2025-01-01T00:00:00.000Z', '2026-11-01T09:00:00.000Z'],
    ]);
    expect(raw.prepare('SELECT * FROM item_subjects ORDER BY item_id').all()).toEqual([
      { item_id: 'e1', subject_id: 'energy', featured: 1, arrived_at: '2026-10-01T09:00:00.000Z' },
      { item_id: 'l1', subject_id: 'energy', featured: 0, arrived_at: '2026-11-01T09:00:00.000Z' },
    ]);
    const indexes = raw
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(expect.arrayContaining(['items_by_arrival', 'items_featured_by_arrival']));
    expect(indexes).not.toEqual(expect.arrayContaining(['items_by_added']));
    raw.close();

    const reader = new CatalogReader(file);
    const shelf = (subject?: string) =>
      reader.listItems({ locale: 'en', subject, newSince, offset: 0, limit: 10 }).items.map((entry) => entry.id);
    expect(shelf()).toEqual(['l1', 'e1']);
    expect(shelf('energy')).toEqual(['l1', 'e1']);
    expect(reader.item({ locale: 'en', id: 'e1', newSince })).toMatchObject({
      addedAt: '2026-12-01T00:00:00.000Z',
      arrivedAt: '2026-10-01T09:00:00.000Z',
      isNew: false,
    });
    reader.close();
  });
});

describe('migration 004 (document type)', () => {
  it('leaves the labels of installed PDFs to their page count', () => {
    const file = tempFile();
    schemaOneCatalog(file);
    const raw = new Database(file);
    raw.exec("UPDATE items SET pages = 2415 WHERE id = 'e1'");
    raw.close();
    migrateCatalog(file);
    const reader = new CatalogReader(file);
    try {
      expect(reader.item({ locale: 'en', id: 'e1', newSince })).toHaveProperty('documentType', 'book');
      expect(reader.item({ locale: 'en', id: 'l1', newSince })).not.toHaveProperty('documentType');
    } finally {
      reader.close();
    }
  });
});

describe('migration 006 (narration)', () => {
  it('rebuilds item_files with the narration role, keeping every row, its page count and the index by hash', () => {
    const file = tempFile();
    schemaOneCatalog(file);
    const raw = new Database(file);
    raw.exec(`
      INSERT INTO files (hash, size, media_type) VALUES ('${'c'.repeat(64)}', 3, 'application/pdf');
      INSERT INTO item_files (item_id, position, role, hash, lang) VALUES ('e1', 0, 'main', '${'c'.repeat(64)}', 'en');
    `);
    raw.close();
    migrateCatalog(file);
    const after = new Database(file, { readonly: true });
    try {
      expect(after.prepare('SELECT * FROM item_files').all()).toEqual([
        { item_id: 'e1', position: 0, role: 'main', hash: 'c'.repeat(64), lang: 'en', pages: null, page_starts: null },
      ]);
      expect(
        after.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'item_files'").pluck().all(),
      ).toContain('item_files_by_hash');
    } finally {
      after.close();
    }
  });
});

describe('migration 003 (garbage owed)', () => {
  it('owes a collection once after the upgrade; a switch owes one until the clean-up says it is done', () => {
    const file = tempFile();
    schemaOneCatalog(file);
    const writer = new CatalogWriter(file);
    try {
      // Whether the older kiosk was killed while cleaning is not known.
      expect(writer.garbageOwed()).toBe(true);
      writer.garbageCollected();
      expect(writer.garbageOwed()).toBe(false);
      writer.installPack(pack('p', [item('p1')]), installedAt);
      expect(writer.garbageOwed()).toBe(true);
      writer.garbageCollected();
      expect(writer.removePack('p')).toBe(true);
      expect(writer.garbageOwed()).toBe(true);
    } finally {
      writer.close();
    }
  });
});

describe('openCatalogForReading', () => {
  it('gives a connection SQLite refuses every write on', () => {
    const file = tempFile();
    migrateCatalog(file);
    const db = openCatalogForReading(file);
    try {
      const attempts = [
        () => db.prepare("UPDATE catalog_meta SET value = 99 WHERE key = 'revision'").run(),
        () => db.exec("INSERT INTO packs (id, seq, channel, version, installed_at) VALUES ('x', 1, 'c', 1, '')"),
        () => db.exec('DROP TABLE items'),
      ];
      for (const attempt of attempts) expect(attempt).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
      expect(db.prepare("SELECT value FROM catalog_meta WHERE key = 'revision'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuses a file that is missing, not yet migrated, or from a newer app, and changes none', () => {
    const missing = tempFile();
    expect(() => new CatalogReader(missing)).toThrow();
    expect(existsSync(missing)).toBe(false);

    const old = tempFile();
    schemaOneCatalog(old);
    expect(() => new CatalogReader(old)).toThrow(
      new RegExp(`schema 1, this app needs ${migrations.length}: it must be migrated`),
    );
    const raw = new Database(old, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();

    const newer = tempFile();
    migrateCatalog(newer);
    const bump = new Database(newer);
    bump.pragma(`user_version = ${migrations.length + 1}`);
    bump.close();
    expect(() => new CatalogReader(newer)).toThrow(ServiceError);
  });
});
