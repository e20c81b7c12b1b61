/**
 * PDFs for the reader's specs and benchmarks, made by code here so a reader sees how each was
 * built, and a data folder holding them: files in the content store by their SHA-256 and a
 * catalog with one item per PDF, installed through the catalog's own code before the host starts.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  StandardFonts,
  rgb,
  type PDFPage,
} from 'pdf-lib';
import { CatalogWriter } from '../../main/catalog/catalog-writer.ts';
import { PAGE_TEXT_MEDIA_TYPE, pageTextBytes, parsePageText } from '../../main/packs/page-text.ts';
import { contentPath } from '../../main/store/content-paths.ts';

const a4 = { width: 595, height: 842 } as const;

/** Where the heading of every generated text page is drawn, in PDF points from the top left. */
export const headingBox = { x: 60, y: 50, width: 330, height: 50 } as const;

export const externalUrl = 'https://example.org/solar-cooking';

/**
 * A text leaflet of `pages` pages: a heading "Page N" and body text on each; page 1 carries a link
 * to the web and a link to page 4; "chlorophyll" appears twice on page 7 and once on page 12;
 * the document has an outline (contents) whose entries point at pages 1, 5 and 10.
 */
export async function textPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const made: PDFPage[] = [];
  for (let number = 1; number <= pages; number++) {
    const page = doc.addPage([a4.width, a4.height]);
    made.push(page);
    page.drawText(`Page ${number}`, { x: headingBox.x, y: a4.height - 90, size: 40, font: bold });
    const lines = [
      'Plants turn light into sugar. This leaflet explains how, step by step.',
      `This is line two of page ${number}; the reader draws it with the kiosk's own fonts.`,
      ...(number === 7 ? ['Leaves are green because of chlorophyll.', 'Chlorophyll absorbs red and blue light.'] : []),
      ...(number === 12 ? ['Without chlorophyll there is no photosynthesis.'] : []),
    ];
    lines.forEach((line, index) => page.drawText(line, { x: 60, y: a4.height - 160 - index * 24, size: 14, font }));
  }
  const first = made[0]!;
  first.drawText('Read more on the web', { x: 60, y: 300, size: 18, font, color: rgb(0, 0, 0.8) });
  first.drawText('Jump to page 4', { x: 60, y: 200, size: 18, font, color: rgb(0, 0, 0.8) });
  const context = doc.context;
  const webLink = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [55, 290, 300, 320],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(externalUrl) },
    }),
  );
  const pageLink = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [55, 190, 300, 220],
      Border: [0, 0, 0],
      Dest: [made[Math.min(3, pages - 1)]!.ref, 'Fit'],
    }),
  );
  first.node.set(PDFName.of('Annots'), context.obj([webLink, pageLink]));

  const outlineRef = context.nextRef();
  const entries = [1, 5, 10].filter((page) => page <= pages);
  const entryRefs = entries.map(() => context.nextRef());
  entries.forEach((page, index) => {
    context.assign(
      entryRefs[index]!,
      context.obj({
        Title: PDFHexString.fromText(`Chapter starting on page ${page}`),
        Parent: outlineRef,
        Dest: [made[page - 1]!.ref, 'Fit'],
        ...(index > 0 ? { Prev: entryRefs[index - 1]! } : {}),
        ...(index < entries.length - 1 ? { Next: entryRefs[index + 1]! } : {}),
      }),
    );
  });
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: entryRefs[0]!, Last: entryRefs.at(-1)!, Count: entries.length }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
  return doc.save();
}

/**
 * A three-page leaflet whose page 2 cannot be opened: the page tree holds, in its place, a
 * subtree whose only kid is a number, not a page. Its /Count still says 1, so PDF.js finds pages
 * 1 and 3 (and counts three) without looking inside it; asking for page 2 fails.
 */
export async function damagedPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= 3; number++) {
    const page = doc.addPage([a4.width, a4.height]);
    page.drawText(`Page ${number}`, { x: headingBox.x, y: a4.height - 90, size: 40, font });
  }
  const context = doc.context;
  const treeRef = doc.catalog.get(PDFName.of('Pages'))!;
  const notAPage = context.register(PDFNumber.of(0));
  const subtree = context.register(context.obj({ Type: 'Pages', Parent: treeRef, Count: 1, Kids: [notAPage] }));
  doc.catalog.Pages().lookup(PDFName.of('Kids'), PDFArray).set(1, subtree);
  return doc.save({ useObjectStreams: false });
}

/** The pages of `manualPdf` that carry its rare word, and the word. */
export const manualRareWord = 'magnetar';
export const manualRarePages = [40, 1400, 2100] as const;

/** A word of `manualPdf` on page 1,400 and nowhere else, in a line of its body. */
export const manualLonelyWord = 'heliostat';
export const manualLonelyPage = 1400;
const manualLonelyLine = `The ${manualLonelyWord} on the roof turns a mirror to follow the sun.`;

/** The body lines of page `number` of `manualPdf`, as drawn. */
function manualLines(number: number, bodyLines: number): string[] {
  const lines = [
    `Section ${number}: configuring the reading room's lamps, fans and power supply.`,
    'Every setting below is explained with an example and the value it takes.',
    `Line three of page ${number} lists the parts and where to find them in the store.`,
    'Keep this manual beside the kiosk; the staff can print any page of it.',
  ];
  const body = Array.from({ length: bodyLines }, (_, index) => lines[index % lines.length]!);
  return number === manualLonelyPage ? [...body, manualLonelyLine] : body;
}

/**
 * The text of each page of `manualPdf(pages, bodyLines)`, as the publisher's extraction gives it (the
 * heading, the green band's words, the body lines): what its `page-text` file holds.
 */
export function manualPageTexts(pages: number, bodyLines = 4): string[] {
  return Array.from({ length: pages }, (_, index) => {
    const number = index + 1;
    const rare = (manualRarePages as readonly number[]).includes(number) ? [`MMWW ${manualRareWord} field`] : [];
    return [`Page ${number}`, ...rare, ...manualLines(number, bodyLines)].join('\n');
  });
}

/**
 * A long manual of `pages` pages, as real software manuals run to thousands: a heading "Page N"
 * and `bodyLines` lines of body text each (a real manual's page holds about 40), so a find must
 * read every page's text; `manualRareWord` appears once on each of `manualRarePages`, in a white
 * heading on a green band, and `manualLonelyWord` once, on `manualLonelyPage`.
 */
export async function manualPdf(pages: number, bodyLines = 4): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let number = 1; number <= pages; number++) {
    const page = doc.addPage([a4.width, a4.height]);
    page.drawText(`Page ${number}`, { x: headingBox.x, y: a4.height - 90, size: 40, font: bold });
    const rare = (manualRarePages as readonly number[]).includes(number);
    if (rare) {
      page.drawRectangle({ x: 40, y: a4.height - 200, width: 515, height: 70, color: rgb(0.1, 0.45, 0.25) });
      // Wide capitals before the word: a match placed by its share of the run's characters lands left of it.
      page.drawText(`MMWW ${manualRareWord} field`, {
        x: 60,
        y: a4.height - 180,
        size: 36,
        font: bold,
        color: rgb(1, 1, 1),
      });
    }
    manualLines(number, bodyLines).forEach((line, index) =>
      page.drawText(line, { x: 60, y: a4.height - 260 - index * 14, size: 10, font }),
    );
  }
  return doc.save({ useObjectStreams: false });
}

/** Where the CJK line of `cjkPdf` is drawn, in PDF points from the top left. */
export const cjkBox = { x: 60, y: 60, width: 480, height: 70 } as const;

/** A one-page leaflet in Chinese and Korean, with Noto Sans CJK (from this machine's fonts) embedded as a subset. */
export async function cjkPdf(): Promise<Uint8Array> {
  const collection = await readFile('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  const doc = await PDFDocument.create();
  // The file is a font collection; fontkit picks the face by its PostScript name.
  doc.registerFontkit({ create: (data: Uint8Array) => fontkit.create(data, 'NotoSansCJKsc-Regular') } as never);
  const font = await doc.embedFont(collection, { subset: true });
  const page = doc.addPage([a4.width, a4.height]);
  page.drawText('光合作用 광합성', { x: cjkBox.x, y: a4.height - 120, size: 56, font });
  page.drawText('植物把光变成糖。식물은 빛을 당으로 바꿉니다.', { x: 60, y: a4.height - 200, size: 18, font });
  return doc.save();
}

/**
 * A scanned leaflet: every page one 300-dpi grey image (2480 × 3508 pixels) of paper grain and
 * dark text-like bars, no text layer. Three page images are made and used in turn.
 */
export async function scannedPdf(pages: number): Promise<Uint8Array> {
  const width = 2480;
  const height = 3508;
  const images = [0, 1, 2].map((variant) => {
    const pixels = new Uint8Array(width * height);
    let seed = 12345 + variant;
    for (let y = 0; y < height; y++) {
      const inLine = y > 300 && y < height - 300 && Math.floor((y - 300) / 60) % 2 === 0;
      for (let x = 0; x < width; x++) {
        seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
        // The high bits of this generator are the random ones.
        const noise = seed >>> 16;
        const word = inLine && x > 250 && x < width - 250 && Math.floor((x + variant * 37) / 90) % 5 !== 4;
        pixels[y * width + x] = word ? 20 + (noise % 50) : 225 + (noise % 30);
      }
    }
    return deflateSync(pixels, { level: 6 });
  });
  const doc = await PDFDocument.create();
  const refs = images.map((data) =>
    doc.context.register(
      doc.context.stream(data, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        ColorSpace: 'DeviceGray',
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
      }),
    ),
  );
  for (let number = 0; number < pages; number++) {
    const page = doc.addPage([a4.width, a4.height]);
    const name = page.node.newXObject('Scan', refs[number % refs.length]!);
    const content = doc.context.stream(`q ${a4.width} 0 0 ${a4.height} 0 0 cm /${name.asString().slice(1)} Do Q`);
    page.node.set(PDFName.of('Contents'), doc.context.register(content));
  }
  return doc.save({ useObjectStreams: false });
}

export interface StoredFile {
  hash: string;
  size: number;
}

/** Puts `bytes` into the content store of `dataDir` under their SHA-256. */
export async function storeBytes(dataDir: string, bytes: Uint8Array): Promise<StoredFile> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const target = contentPath(dataDir, hash);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return { hash, size: bytes.length };
}

/**
 * Writes a PDF of about `size` bytes whose two pages sit after a filler stream of zeros (a sparse file,
 * so it costs no disk), then moves it into the store under its SHA-256. Opening page 1 needs the
 * file's start, its end (the cross-reference table) and a few objects; nothing of the filler.
 */
export async function storeLargePdf(dataDir: string, size: number): Promise<StoredFile> {
  const head = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const objects: string[] = [];
  const catalog = '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n';
  const fillerOpen = '3 0 obj\n<< /Length FILLER >>\nstream\n';
  const fillerClose = '\nendstream\nendobj\n';
  const text = (line: string) => `BT /F1 40 Tf 60 752 Td (${line}) Tj ET`;
  const pageContent = (n: number) => text(`Far page ${n}`);
  objects.push(
    '2 0 obj\n<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>\nendobj\n',
    `4 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 8 0 R >> >> >>\nendobj\n`,
    `5 0 obj\n<< /Length ${pageContent(1).length} >>\nstream\n${pageContent(1)}\nendstream\nendobj\n`,
    `6 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources << /Font << /F1 8 0 R >> >> >>\nendobj\n`,
    `7 0 obj\n<< /Length ${pageContent(2).length} >>\nstream\n${pageContent(2)}\nendstream\nendobj\n`,
    '8 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n',
  );
  // The filler makes up the size; the few kilobytes of real objects come after it.
  const fillerLength = Math.max(0, size - 4096);
  const fillerStart = fillerOpen.replace('FILLER', String(fillerLength));
  const before = head.length + catalog.length + fillerStart.length + fillerLength + fillerClose.length;
  const offsets = new Map<number, number>([
    [1, head.length],
    [3, head.length + catalog.length],
  ]);
  let body = '';
  [2, 4, 5, 6, 7, 8].forEach((number, index) => {
    offsets.set(number, before + body.length);
    body += objects[index]!;
  });
  let xref = 'xref\n0 9\n0000000000 65535 f \n';
  for (let n = 1; n <= 8; n++) xref += `${String(offsets.get(n)!).padStart(10, '0')} 00000 n \n`;
  const tail = `${body}${xref}trailer\n<< /Size 9 /Root 1 0 R >>\nstartxref\n${before + body.length}\n%%EOF\n`;
  const temporary = path.join(dataDir, `large-${process.pid}.pdf.partial`);
  const file = await open(temporary, 'w');
  try {
    const start = Buffer.from(head + catalog + fillerStart, 'latin1');
    await file.write(start, 0, start.length, 0);
    const end = Buffer.from(fillerClose + tail, 'latin1');
    await file.write(end, 0, end.length, before - fillerClose.length);
  } finally {
    await file.close();
  }
  const hasher = createHash('sha256');
  let total = 0;
  for await (const chunk of createReadStream(temporary, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    hasher.update(chunk);
    total += chunk.length;
  }
  const hash = hasher.digest('hex');
  const target = contentPath(dataDir, hash);
  await mkdir(path.dirname(target), { recursive: true });
  await rename(temporary, target);
  return { hash, size: total };
}

export interface LibraryItem {
  id: string;
  title: string;
  file: StoredFile;
  pages: number;
  /** The document's page text (`storePageText`), so search finds its every page. */
  pageText?: StoredFile;
}

/** Puts a page-text file of `pages` into the content store of `dataDir`. */
export async function storePageText(dataDir: string, pages: readonly string[]): Promise<StoredFile> {
  return storeBytes(dataDir, pageTextBytes(pages));
}

/** Records `items` as one installed pack in the catalog of `dataDir`, through the catalog's own code. */
export function installLibrary(dataDir: string, items: readonly LibraryItem[]): void {
  const catalog = new CatalogWriter(path.join(dataDir, 'catalog.sqlite'));
  try {
    catalog.installPack(
      {
        id: 'reader-test-pack',
        channel: 'test',
        version: 1,
        subjects: [{ id: 'reading', names: { en: 'Reading' } }],
        files: items.flatMap((item) => [
          { sha256: item.file.hash, size: item.file.size, mediaType: 'application/pdf' },
          ...(item.pageText
            ? [{ sha256: item.pageText.hash, size: item.pageText.size, mediaType: PAGE_TEXT_MEDIA_TYPE }]
            : []),
        ]),
        items: items.map((item, index) => ({
          id: item.id,
          kind: 'pdf',
          addedAt: new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
          subjects: ['reading'],
          texts: { en: { title: item.title, summary: `A generated leaflet of ${item.pages} pages.` } },
          files: [
            { role: 'main', hash: item.file.hash },
            ...(item.pageText
              ? [{ role: 'page-text' as const, hash: item.pageText.hash, language: 'en' as const }]
              : []),
          ],
          pages: item.pages,
        })),
      },
      // A fixed install time: the specs do not depend on what counts as new.
      '2026-02-01T00:00:00.000Z',
      (hash) => {
        const parsed = parsePageText(readFileSync(contentPath(dataDir, hash)));
        if (!parsed.ok) throw new Error(`page text ${hash} ${parsed.problem}`);
        return parsed.pages;
      },
    );
  } finally {
    catalog.close();
  }
}
