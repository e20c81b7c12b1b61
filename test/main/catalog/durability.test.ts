import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogForWriting, type CatalogDatabase } from '../../../main/catalog/database.ts';

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
});
