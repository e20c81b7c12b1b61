/**
 * How much disk a pack's catalog switch takes, per byte of the pack's record (its items, texts and file
 * list as JSON, which for a full pack is about the manifest): the growth of the catalog file plus the
 * WAL at its largest, before the import checkpoints it. The import's space check multiplies the record's
 * size by a factor chosen from these figures (`catalogBytesPerRecordByte` in import-space.ts).
 *   node bench/catalog-growth.bench.ts
 */
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CatalogWriter } from '../main/catalog/catalog-writer.ts';
import type { FullManifest } from '../main/packs/manifest.ts';
import { packRecordOf } from '../main/packs/import/pack-record.ts';
import { fullManifest, itemFor, randomFile, testKey, textHeavyItem } from '../test/main/packs/import-fixtures.ts';

const { key } = testKey('bench', ['science']);

interface Shape {
  label: string;
  manifest: (version: number, seed: number) => FullManifest;
}

const fileOf = (count: number) => Array.from({ length: count }, () => randomFile(16));
const books = fileOf(1500);
const leaflets = fileOf(5000);
const shapes: Shape[] = [
  {
    label: '1,500 books, 7 KB + 1.75 KB of text each',
    manifest: (version, seed) =>
      fullManifest(key, {
        version,
        files: books,
        items: books.map((file, index) => textHeavyItem(`book-${index}`, [file], 7000, seed + index * 4)),
      }),
  },
  {
    label: '300 books, 40 KB + 10 KB of text each',
    manifest: (version, seed) =>
      fullManifest(key, {
        version,
        files: books.slice(0, 300),
        items: books
          .slice(0, 300)
          .map((file, index) => textHeavyItem(`book-${index}`, [file], 40_000, seed + index * 4)),
      }),
  },
  {
    label: '5,000 leaflets, titles only',
    manifest: (version) =>
      fullManifest(key, {
        version,
        files: leaflets,
        items: leaflets.map((file, index) => itemFor(`leaflet-${index}`, [file], `Leaflet ${index} v${version}`)),
      }),
  },
];

const size = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

const work = await mkdtemp(path.join(os.tmpdir(), 'catalog-growth-'));
try {
  console.log('| pack | manifest | record | step | file growth | WAL | (growth + WAL) ÷ record |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [index, shape] of shapes.entries()) {
    const catalogPath = path.join(work, `catalog-${index}.sqlite`);
    const writer = new CatalogWriter(catalogPath);
    for (const [version, step] of [
      [1, 'first install'],
      [2, 'new version replaces it'],
    ] as const) {
      const manifest = shape.manifest(version, version * 1_000_000);
      const manifestBytes = Buffer.byteLength(JSON.stringify(manifest, null, 1));
      const record = packRecordOf(manifest, undefined);
      const recordBytes = Buffer.byteLength(JSON.stringify(record));
      const before = size(catalogPath);
      writer.installPack(record, '2026-12-01T00:00:00.000Z');
      const growth = size(catalogPath) - before;
      const wal = size(`${catalogPath}-wal`);
      console.log(
        `| ${shape.label} | ${mb(manifestBytes)} MB | ${mb(recordBytes)} MB | ${step} | ${mb(growth)} MB | ${mb(wal)} MB | ${((growth + wal) / recordBytes).toFixed(2)} |`,
      );
      writer.checkpoint();
    }
    writer.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
