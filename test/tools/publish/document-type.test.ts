/** What a PDF is labelled (from the sheet, or by its page count), and the body text the build cleans. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PackManifest } from '../../../main/packs/manifest.ts';
import { generateKey } from '../../../main/packs/signing-keys.ts';
import { parseManifest } from '../../../main/packs/verify-pack.ts';
import { buildPack } from '../../../tools/publish/build-pack.ts';
import { SheetError, parseSheet } from '../../../tools/publish/sheet.ts';
import { tempDir, writeKey } from '../../main/packs/pack-fixtures.ts';

async function blankPdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page++) document.addPage([420, 595]);
  return document.save();
}

function pdfItem(id: string, extra = ''): string {
  return `  - id: ${id}
    kind: pdf
    addedAt: 2026-11-01
    subjects: [tech]
${extra}    texts:
      en: { title: ${id} }
    files:
      - { role: main, path: ${id}.pdf }
`;
}

describe('document types', () => {
  it('come from the sheet, or from the page count, into the signed manifest', async () => {
    const dir = await tempDir('pack-source-');
    await writeFile(path.join(dir, 'folded.pdf'), await blankPdf(2));
    await writeFile(path.join(dir, 'stapled.pdf'), await blankPdf(20));
    await writeFile(path.join(dir, 'bound.pdf'), await blankPdf(60));
    await writeFile(path.join(dir, 'handbook.pdf'), await blankPdf(60));
    await mkdir(path.join(dir, 'texts'));
    await writeFile(path.join(dir, 'texts', 'note.md'), 'Line\u0000one\r\nline\ue000two\u{10fffd}\n');
    const sheetFile = path.join(dir, 'sheet.yaml');
    await writeFile(
      sheetFile,
      `subjects:
  - id: tech
    names: { en: Technology }
items:
${pdfItem('folded')}${pdfItem('stapled')}${pdfItem('bound')}${pdfItem('handbook', '    documentType: manual\n')}  - id: note
    kind: article
    addedAt: 2026-11-01
    subjects: [tech]
    texts:
      en: { title: Note, bodyFile: texts/note.md }
`,
    );
    const key = generateKey('centre-test', ['*']);
    const outDir = path.join(await tempDir(), 'pack');
    await buildPack({
      sourceDir: dir,
      sheetFile,
      keyFile: await writeKey(dir, key),
      id: 'labels',
      channel: 'main',
      version: 1,
      outDir,
    });
    const manifest = parseManifest(await readFile(path.join(outDir, 'manifest.json')));
    if (manifest.kind !== 'full') throw new Error('expected a full pack');
    expect(Object.fromEntries(manifest.items.map((item) => [item.id, item.documentType]))).toEqual({
      folded: 'leaflet',
      stapled: 'booklet',
      bound: 'book',
      handbook: 'manual',
      note: undefined,
    });
    expect(manifest.items.find((item) => item.id === 'note')?.texts.en?.body).toBe('Line one\nlinetwo\n');
  });

  it("give each language version its own page count, and the item the first one's", async () => {
    const dir = await tempDir('pack-source-');
    await writeFile(path.join(dir, 'soil.en.pdf'), await blankPdf(2));
    await writeFile(path.join(dir, 'soil.mn-Mong.pdf'), await blankPdf(1));
    const sheetFile = path.join(dir, 'sheet.yaml');
    await writeFile(
      sheetFile,
      `subjects:
  - id: tech
    names: { en: Technology }
items:
  - id: soil
    kind: pdf
    addedAt: 2026-11-01
    subjects: [tech]
    texts:
      en: { title: Soil }
    files:
      - { role: main, path: soil.en.pdf, language: en }
      - { role: main, path: soil.mn-Mong.pdf, language: mn-Mong }
`,
    );
    const outDir = path.join(await tempDir(), 'pack');
    const key = generateKey('centre-test', ['*']);
    await buildPack({
      sourceDir: dir,
      sheetFile,
      keyFile: await writeKey(dir, key),
      id: 'p',
      channel: 'main',
      version: 1,
      outDir,
    });
    const manifest = parseManifest(await readFile(path.join(outDir, 'manifest.json')));
    if (manifest.kind !== 'full') throw new Error('expected a full pack');
    const soil = manifest.items[0]!;
    expect(soil.pages).toBe(2);
    expect(soil.files.map((file) => [file.language, file.pages])).toEqual([
      ['en', 2],
      ['mn-Mong', 1],
    ]);
  });

  it('are refused on an item that is not a pdf, naming the line', () => {
    const sheet = `subjects:
  - id: tech
    names: { en: Technology }
items:
  - id: film
    kind: video
    addedAt: 2026-11-01
    subjects: [tech]
    documentType: book
    texts:
      en: { title: Film }
`;
    const error = (() => {
      try {
        parseSheet(sheet);
      } catch (caught) {
        return caught;
      }
      throw new Error('the sheet was accepted');
    })();
    expect(error).toBeInstanceOf(SheetError);
    expect((error as SheetError).problems).toEqual([
      'sheet.yaml line 9, items[0].documentType: only a pdf item has a documentType',
    ]);
    const unknown = sheet.replace('kind: video', 'kind: pdf').replace('documentType: book', 'documentType: novel');
    expect(() => parseSheet(unknown)).toThrow(/line 9, items\[0\]\.documentType: Invalid option/);
  });

  it('are optional in a manifest, so older packs stay valid, and only a pdf may have one', () => {
    const manifest = (item: Record<string, unknown>) => ({
      format: 1,
      id: 'p',
      channel: 'main',
      version: 1,
      createdAt: '2026-11-01T00:00:00Z',
      expiresAt: '2027-11-01T00:00:00Z',
      keyId: 'k',
      subjects: [{ id: 's', names: { en: 'S' } }],
      files: [],
      kind: 'full',
      items: [
        {
          id: 'a',
          addedAt: '2026-11-01T00:00:00Z',
          subjects: ['s'],
          texts: { en: { title: 'A', summary: '', body: '' } },
          files: [],
          ...item,
        },
      ],
    });
    expect(PackManifest.safeParse(manifest({ kind: 'pdf' })).success).toBe(true);
    expect(PackManifest.safeParse(manifest({ kind: 'pdf', documentType: 'magazine' })).success).toBe(true);
    const refused = PackManifest.safeParse(manifest({ kind: 'video', documentType: 'book' }));
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      'item "a" is a video, and only a pdf has a documentType',
    ]);
  });
});
