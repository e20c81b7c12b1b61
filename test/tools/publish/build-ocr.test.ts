/**
 * `publish build --ocr`: a scan (a PDF whose pages are only pictures of text) is read by tesseract, so its words
 * reach the item's body and the catalog's search; pages with text of their own are left as they are.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from 'vitest';
import { generateKey } from '../../../main/packs/signing-keys.ts';
import { parseManifest } from '../../../main/packs/verify-pack.ts';
import { buildPack } from '../../../tools/publish/build-pack.ts';
import { tempDir, writeKey } from '../../main/packs/pack-fixtures.ts';

/** A page that is a picture of printed lines, as a scanner makes it. */
function scannedPage(lines: readonly string[]): Buffer {
  const canvas = createCanvas(1240, 1754);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#111111';
  context.font = '48px "Noto Sans", sans-serif';
  lines.forEach((line, index) => context.fillText(line, 100, 200 + index * 90));
  return canvas.toBuffer('image/png');
}

async function scanPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const picture = await document.embedPng(scannedPage(['Solar panels turn sunlight', 'into electricity for the farm']));
  const scanned = document.addPage([595, 842]);
  scanned.drawImage(picture, { x: 0, y: 0, width: 595, height: 842 });
  const typed = document.addPage([595, 842]);
  typed.drawText('A page with text of its own', {
    x: 50,
    y: 700,
    size: 14,
    font: await document.embedFont(StandardFonts.Helvetica),
  });
  return document.save();
}

test('a scanned page is read by tesseract and its words join the body; a typed page keeps its own text', async () => {
  const dir = await tempDir('pack-source-');
  await writeFile(path.join(dir, 'scan.pdf'), await scanPdf());
  const sheetFile = path.join(dir, 'sheet.yaml');
  await writeFile(
    sheetFile,
    'subjects:\n  - { id: energy, names: { en: Energy } }\nitems:\n' +
      '  - { id: solar-scan, kind: pdf, addedAt: 2026-11-01, subjects: [energy], texts: { en: { title: Solar scan } }, files: [{ role: main, path: scan.pdf }] }\n',
  );
  const keyFile = await writeKey(dir, generateKey('centre-test', ['*']));
  const build = async (ocr: boolean) => {
    const notes: string[] = [];
    const outDir = path.join(await tempDir(), 'pack');
    await buildPack({
      sourceDir: dir,
      sheetFile,
      keyFile,
      id: 'scans',
      channel: 'energy',
      version: 1,
      outDir,
      ocr,
      onNote: (note) => notes.push(note),
    });
    const manifest = parseManifest(await readFile(path.join(outDir, 'manifest.json')));
    if (manifest.kind !== 'full') throw new Error('expected a full pack');
    return { body: manifest.items[0]!.texts.en!.body, notes };
  };
  const plain = await build(false);
  expect(plain.body).toBe('A page with text of its own');
  expect(plain.notes).toEqual([]);
  const read = await build(true);
  expect(read.body.toLowerCase()).toContain('sunlight');
  expect(read.body.toLowerCase()).toContain('electricity');
  expect(read.body).toContain('A page with text of its own');
  expect(read.notes).toHaveLength(1);
  expect(read.notes[0]).toMatch(/"scan\.pdf": OCR read \d+ characters on 1 of its 1 pages without text$/);
}, 60_000);
