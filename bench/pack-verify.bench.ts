/**
 * What checking a pack costs: the pre-copy checks (signature, structure, sizes) against hashing every file,
 * with reading the same files without hashing as the baseline; and PDF text extraction per page.
 *
 *   node bench/pack-verify.bench.ts [--files 64] [--mib 1]
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { generateKey, publicEntry } from '../main/packs/signing-keys.ts';
import { trustStoreFrom } from '../main/packs/trust-store.ts';
import { verifyPack, verifyPackContents } from '../main/packs/verify-pack.ts';
import { buildPack } from '../tools/publish/build-pack.ts';
import { extractPdfText } from '../tools/publish/pdf-text.ts';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '64' }, mib: { type: 'string', default: '1' } },
});
const fileCount = Number(values.files);
const fileBytes = Number(values.mib) * 1024 * 1024;

async function time<T>(run: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function readAll(files: string[]): Promise<void> {
  for (const file of files) for await (const _chunk of createReadStream(file));
}

const work = await mkdtemp(path.join(os.tmpdir(), 'pack-bench-'));
try {
  const source = path.join(work, 'source');
  await mkdir(path.join(source, 'media'), { recursive: true });
  const items: string[] = [];
  for (let i = 0; i < fileCount; i++) {
    await writeFile(path.join(source, 'media', `f${i}.mp4`), randomBytes(fileBytes));
    items.push(
      `  - { id: item-${i}, kind: video, addedAt: 2026-11-01, subjects: [s], texts: { en: { title: "Item ${i}" } }, ` +
        `files: [{ role: main, path: media/f${i}.mp4 }] }`,
    );
  }
  await writeFile(
    path.join(source, 'sheet.yaml'),
    `subjects:\n  - { id: s, names: { en: S } }\nitems:\n${items.join('\n')}\n`,
  );
  const key = generateKey('bench', ['*']);
  await writeFile(path.join(work, 'key.json'), JSON.stringify(key));
  const packDir = path.join(work, 'pack');
  const buildMs = await time(() =>
    buildPack({
      sourceDir: source,
      sheetFile: path.join(source, 'sheet.yaml'),
      keyFile: path.join(work, 'key.json'),
      id: 'bench',
      channel: 'main',
      version: 1,
      outDir: packDir,
    }),
  );
  const trust = trustStoreFrom([{ set: { format: 1, keys: [publicEntry(key)] }, origin: 'bench' }]);
  const pack = await verifyPack(packDir, { trust });
  const files = pack.files.map((file) => file.path);

  await readAll(files); // warm the page cache so every run reads from memory alike
  const readMs = await time(() => readAll(files));
  const checkMs = await time(() => verifyPack(packDir, { trust }));
  const hashMs = await time(() => verifyPackContents(packDir, pack.manifest));
  const mib = (fileCount * fileBytes) / 1024 / 1024;
  console.log(`pack of ${fileCount} files, ${mib} MiB (page cache warm)`);
  console.log(`  build (hash + copy + sign):   ${buildMs.toFixed(0)} ms`);
  console.log(`  baseline: read every file     ${readMs.toFixed(0)} ms (${(mib / (readMs / 1000)).toFixed(0)} MiB/s)`);
  console.log(`  verifyPack (no hashing):      ${checkMs.toFixed(1)} ms = ${(checkMs / readMs).toFixed(3)} × baseline`);
  console.log(
    `  verifyPackContents (SHA-256): ${hashMs.toFixed(0)} ms = ${(hashMs / readMs).toFixed(2)} × baseline (${(mib / (hashMs / 1000)).toFixed(0)} MiB/s)`,
  );

  const demoPdfs = ['healthy-soil.en', 'healthy-soil.zh', 'hand-washing.mn-Mong'].map((name) =>
    path.join(import.meta.dirname, '..', 'resources', 'demo-source', 'pdf', `${name}.pdf`),
  );
  await extractPdfText(demoPdfs[0]!); // loads pdf.js once
  let pages = 0;
  const extractMs = await time(async () => {
    for (const pdf of demoPdfs) pages += (await extractPdfText(pdf)).pages;
  });
  console.log(
    `  PDF text extraction: ${pages} demo pages in ${extractMs.toFixed(0)} ms (${(extractMs / pages).toFixed(0)} ms/page, pdf.js already loaded)`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
