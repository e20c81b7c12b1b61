/** What the build tells the publisher about PDFs it cannot make fully searchable: no text, or text cut. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH } from '../../../main/packs/manifest.ts';
import { parsePageText } from '../../../main/packs/page-text.ts';
import { generateKey } from '../../../main/packs/signing-keys.ts';
import { parseManifest } from '../../../main/packs/verify-pack.ts';
import { buildPack } from '../../../tools/publish/build-pack.ts';
import { tempDir, writeKey } from '../../main/packs/pack-fixtures.ts';

/** `pages` pages of `lines` numbered lines each, or blank pages (as a scan without text) when `lines` is 0. */
async function pdf(pages: number, lines: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Courier);
  for (let number = 1; number <= pages; number++) {
    const page = document.addPage([842, 1191]);
    for (let line = 0; line < lines; line++) {
      const text = `Page ${number} line ${line} `.padEnd(90, 'x');
      page.drawText(text, { x: 20, y: 1170 - line * 15, size: 8, font });
    }
  }
  return document.save();
}

describe('publish build', () => {
  it('names every PDF that yields no text and every one whose text was cut', async () => {
    const dir = await tempDir('pack-source-');
    await writeFile(path.join(dir, 'scan.pdf'), await pdf(3, 0));
    // 60 pages of 76 lines of 90 characters: about 410,000 characters with the line breaks.
    await writeFile(path.join(dir, 'manual.pdf'), await pdf(60, 76));
    await writeFile(path.join(dir, 'leaflet.pdf'), await pdf(2, 5));
    const sheetFile = path.join(dir, 'sheet.yaml');
    const item = (id: string) =>
      `  - { id: ${id}, kind: pdf, addedAt: 2026-11-01, subjects: [tech], texts: { en: { title: ${id} } }, files: [{ role: main, path: ${id}.pdf }] }\n`;
    await writeFile(
      sheetFile,
      `subjects:\n  - { id: tech, names: { en: Technology } }\nitems:\n${item('scan')}${item('manual')}${item('leaflet')}`,
    );
    const notes: string[] = [];
    const outDir = path.join(await tempDir(), 'pack');
    await buildPack({
      sourceDir: dir,
      sheetFile,
      keyFile: await writeKey(dir, generateKey('centre-test', ['*'])),
      id: 'notes',
      channel: 'main',
      version: 1,
      outDir,
      onNote: (note) => notes.push(note),
    });
    expect(notes).toHaveLength(2);
    expect(notes[0]).toBe(
      'sheet.yaml items[0] (scan) files[0] "scan.pdf": no text in its 3 pages (a scan?); search finds it by title only',
    );
    expect(notes[1]).toMatch(
      /^sheet\.yaml items\[1\] \(manual\) files\[0\] "manual\.pdf": body cut to 400000 of its \d{6} characters; its page text carries all 60 pages, so search finds every one$/,
    );
    const manifest = parseManifest(await readFile(path.join(outDir, 'manifest.json')));
    if (manifest.kind !== 'full') throw new Error('expected a full pack');
    expect(manifest.items[1]?.texts.en?.body).toHaveLength(MAX_BODY_LENGTH);
    // The page text beside the PDF holds every page, the last one too; a scan without text has none.
    const pageText = manifest.items[1]!.files.find((file) => file.role === 'page-text')!;
    expect(pageText.language).toBe('en');
    const parsed = parsePageText(await readFile(path.join(outDir, 'files', pageText.hash)));
    expect(parsed.ok && parsed.pages.length).toBe(60);
    expect(parsed.ok && parsed.pages[59]).toContain('Page 60 line 75');
    expect(manifest.items[0]!.files.map((file) => file.role)).toEqual(['main']);
  });
});
