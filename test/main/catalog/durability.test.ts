import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import { openCatalogForWriting, type CatalogDatabase } from '../../../main/catalog/database.ts';
import { proseText } from '../packs/import-fixtures.ts';
import { installedAt, item, pack } from './catalog-fixtures.ts';

let dir: string | undefined;
let db: CatalogDatabase | undefined;

afterEach(async () => {
  db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('catalog durability', () => {
  it('commits with WAL and a full sync, so an import survives a power cut before old files are deleted', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'catalog-durability-'));
    db = openCatalogForWriting(path.join(dir, 'catalog.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 is FULL: the WAL is synced at every commit, not only at checkpoints.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('a checkpoint after a large switch gives the WAL’s room back', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'catalog-durability-'));
    const file = path.join(dir, 'catalog.sqlite');
    const writer = new CatalogWriter(file);
    try {
      const items = Array.from({ length: 200 }, (_, index) =>
        item(`book-${index}`, {
          texts: { en: { title: `Book ${index}`, summary: '', body: proseText(10_000, index) } },
        }),
      );
      writer.installPack(pack('books', items), installedAt);
      // SQLite's automatic checkpoints reuse the WAL but leave it at its largest.
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);
      writer.checkpoint();
      expect(statSync(`${file}-wal`).size).toBe(0);
    } finally {
      writer.close();
    }
  });
});
