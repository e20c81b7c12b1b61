import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../tools/publish/pdf-text.ts';
import { tempDir } from '../../main/packs/pack-fixtures.ts';
import { chinesePdfWithoutToUnicode, identityLine, latinLine, pdfReadingBack, ucs2Line } from './text-pdfs.ts';

async function written(bytes: Uint8Array, name: string): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, bytes);
  return file;
}

describe('extractPdfText', () => {
  it('finds the words and pages of a generated PDF', async () => {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    const pages = ['Compost feeds earthworms', 'Earthworms loosen heavy clay', 'Cover crops protect bare soil'];
    for (const line of pages) document.addPage([420, 595]).drawText(line, { x: 40, y: 500, size: 18, font });
    const { pages: count, text } = await extractPdfText(await written(await document.save(), 'leaflet.pdf'));
    expect(count).toBe(3);
    for (const line of pages) expect(text).toContain(line);
  });

  it('reads Chinese whose fonts have no ToUnicode through Adobe-GB1 CMaps', async () => {
    const { text } = await extractPdfText(await written(await chinesePdfWithoutToUnicode(), 'chinese.pdf'));
    expect(text).toContain(identityLine);
    expect(text).toContain(ucs2Line);
    expect(text).toContain(latinLine);
  });

  it('drops the control, private-use and non-characters a broken ToUnicode gives, keeping the words apart', async () => {
    const broken = 'Soil\u0000water\u0007air\u001flight\uffffsun\u{10fffd}moon\u{f0000}star\ufdd0sky\u{1f600}';
    const { text } = await extractPdfText(await written(await pdfReadingBack(broken), 'broken.pdf'));
    expect(text).toBe('Soil water air lightsunmoonstarsky\u{1f600}');
  });
});
