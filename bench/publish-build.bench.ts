/**
 * The publisher's `publish build` time per 1,000 PDF pages, with and without `--ocr`, on generated
 * fixtures: text leaflets (1,000 pages in 10 PDFs of 100, their own text), and scans (pages that are
 * only pictures of printed lines, 150 dpi, as `build-ocr.test.ts` makes them). OCR (tesseract, each
 * page drawn at 216 dpi) runs on a few dozen scanned pages only and is extrapolated per 1,000 pages;
 * the same scans built without `--ocr` are the baseline in the same run.
 *
 *   node bench/publish-build.bench.ts [--scan-pages 36] [--text-pages 1000]
 */
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { generateKey } from '../main/packs/signing-keys.ts';
import { tempDir, writeKey } from '../test/main/packs/pack-fixtures.ts';
import { textPdf } from '../test/e2e/reader-library.ts';
import { buildPack } from '../tools/publish/build-pack.ts';

const { values } = parseArgs({
  options: {
    'scan-pages': { type: 'string', default: '36' },
    'text-pages': { type: 'string', default: '1000' },
  },
});
const scanPages = Number(values['scan-pages']);
const textPages = Number(values['text-pages']);
const perScanPdf = 12;
const perTextPdf = 100;

const words =
  'solar panels turn sunlight into electricity for the farm and the school water pump runs all day while the battery stores power for the night'.split(
    ' ',
  );

/** A page that is a picture of printed lines, as a scanner makes it (150 dpi). */
function scannedPage(seed: number): Buffer {
  const canvas = createCanvas(1240, 1754);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#111111';
  context.font = '36px "Noto Sans", sans-serif';
  for (let line = 0; line < 24; line++) {
    const text = Array.from({ length: 7 }, (_, index) => words[(seed * 7 + line * 3 + index) % words.length]).join(' ');
    context.fillText(text, 100, 160 + line * 62);
  }
  return canvas.toBuffer('image/png');
}

async function scanPdf(pages: number, first: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page++) {
    const picture = await document.embedPng(scannedPage(first + page));
    document.addPage([595, 842]).drawImage(picture, { x: 0, y: 0, width: 595, height: 842 });
  }
  return document.save();
}

async function sourceFolder(files: { name: string; bytes: Uint8Array }[]): Promise<{ dir: string; sheetFile: string }> {
  const dir = await tempDir('publish-bench-');
  const items: string[] = [];
  for (const [index, file] of files.entries()) {
    await writeFile(path.join(dir, file.name), file.bytes);
    items.push(
      `  - { id: item-${index}, kind: pdf, addedAt: 2026-11-01, subjects: [energy], texts: { en: { title: Item ${index} } }, files: [{ role: main, path: ${file.name} }] }`,
    );
  }
  const sheetFile = path.join(dir, 'sheet.yaml');
  await writeFile(sheetFile, `subjects:\n  - { id: energy, names: { en: Energy } }\nitems:\n${items.join('\n')}\n`);
  return { dir, sheetFile };
}

console.log(
  `Preparing: ${textPages} text pages in PDFs of ${perTextPdf}, ${scanPages} scanned pages in PDFs of ${perScanPdf}…`,
);
const textFiles = [];
for (let index = 0; index < Math.ceil(textPages / perTextPdf); index++) {
  textFiles.push({
    name: `text-${index}.pdf`,
    bytes: await textPdf(Math.min(perTextPdf, textPages - index * perTextPdf)),
  });
}
const scanFiles = [];
for (let index = 0; index < Math.ceil(scanPages / perScanPdf); index++) {
  const pages = Math.min(perScanPdf, scanPages - index * perScanPdf);
  scanFiles.push({ name: `scan-${index}.pdf`, bytes: await scanPdf(pages, index * perScanPdf) });
}
const text = await sourceFolder(textFiles);
const scans = await sourceFolder(scanFiles);
const keyDir = await tempDir('publish-bench-key-');
const keyFile = await writeKey(keyDir, generateKey('centre-bench', ['*']));

async function timeBuild(source: { dir: string; sheetFile: string }, ocr: boolean): Promise<number> {
  const outDir = path.join(await tempDir('publish-bench-out-'), 'pack');
  const started = performance.now();
  await buildPack({
    sourceDir: source.dir,
    sheetFile: source.sheetFile,
    keyFile,
    id: 'bench',
    channel: 'energy',
    version: 1,
    outDir,
    ocr,
  });
  const elapsed = performance.now() - started;
  await rm(path.dirname(outDir), { recursive: true, force: true });
  return elapsed;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perThousand = (ms: number, pages: number) => (ms / pages) * 1000;
try {
  // A first build warms pdf.js and the file cache; it is not counted.
  await timeBuild(scans, false);
  const textPlain = await timeBuild(text, false);
  const textOcr = await timeBuild(text, true);
  const scanPlain = await timeBuild(scans, false);
  const scanOcr = await timeBuild(scans, true);
  console.log(`\npublish build, ${os.cpus().length} cores, Node ${process.versions.node}:`);
  console.log(
    `  ${textPages} text pages: ${seconds(textPlain)} (${seconds(perThousand(textPlain, textPages))} per 1,000 pages); with --ocr ${seconds(textOcr)} (no page is without text, so nothing is read)`,
  );
  console.log(
    `  ${scanPages} scanned pages without --ocr (baseline): ${seconds(scanPlain)} (${seconds(perThousand(scanPlain, scanPages))} per 1,000 pages, extrapolated)`,
  );
  console.log(
    `  ${scanPages} scanned pages with --ocr: ${seconds(scanOcr)}, ${(scanOcr / scanPages / 1000).toFixed(2)} s a page → ${seconds(perThousand(scanOcr, scanPages))} per 1,000 pages (extrapolated from ${scanPages}), ${(scanOcr / scanPlain).toFixed(1)}× the baseline`,
  );
} finally {
  for (const dir of [text.dir, scans.dir, keyDir]) await rm(dir, { recursive: true, force: true });
}
