/**
 * A Chinese PDF whose fonts have no ToUnicode, made by code so a reader sees what a real one does: its text
 * can be read back only through Adobe's predefined CMaps, as in most Chinese LaTeX documents and many
 * office-made ones. The fonts are not embedded: text extraction reads only the font dictionaries.
 */
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  StandardFonts,
  beginText,
  endText,
  moveText,
  setFontAndSize,
  showText,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

/**
 * Characters and their CIDs in Adobe's Adobe-GB1 collection (from Adobe's UniGB-UCS2-H). Only
 * `Adobe-GB1-UCS2` maps them back to Unicode, so the extracted text proves that the CMaps were read.
 */
const gb1Cids: Readonly<Record<string, number>> = {
  排: 2950,
  版: 1009,
  数: 3476,
  学: 4048,
  公: 1796,
  式: 3412,
};

/** Drawn with Identity-H codes that are Adobe-GB1 CIDs: how xdvipdfmx writes xeCJK's Fandol fonts. */
export const identityLine = '排版数学公式';
/** Drawn with the predefined UniGB-UCS2-H encoding, codes being UCS-2: how iText and ReportLab write STSong-Light. */
export const ucs2Line = '科技阅览室';
/** A line in a standard Latin font on the same page, which must still come out as before. */
export const latinLine = 'Typesetting mathematics';

const hex = (value: number): string => value.toString(16).padStart(4, '0');

function cjkFont(document: PDFDocument, baseFont: string, encoding: string, toUnicode?: PDFRef): PDFRef {
  const { context } = document;
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4,
      FontBBox: [0, -120, 1000, 880],
      ItalicAngle: 0,
      Ascent: 880,
      Descent: -120,
      CapHeight: 700,
      StemV: 80,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 5 },
      FontDescriptor: descriptor,
      DW: 1000,
    }),
  );
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: encoding,
      DescendantFonts: [cidFont],
      ...(toUnicode ? { ToUnicode: toUnicode } : {}),
    }),
  );
}

function drawLine(page: PDFPage, font: string, size: number, y: number, codes: string): void {
  page.pushOperators(
    beginText(),
    setFontAndSize(font, size),
    moveText(50, y),
    showText(PDFHexString.of(codes)),
    endText(),
  );
}

export async function chinesePdfWithoutToUnicode(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  page.node.setFontDictionary(PDFName.of('FS'), cjkFont(document, 'FandolSong-Regular', 'Identity-H'));
  page.node.setFontDictionary(PDFName.of('FL'), cjkFont(document, 'STSong-Light', 'UniGB-UCS2-H'));
  const identityCodes = [...identityLine].map((character) => hex(gb1Cids[character]!)).join('');
  drawLine(page, 'FS', 24, 760, identityCodes);
  drawLine(page, 'FL', 24, 700, [...ucs2Line].map((character) => hex(character.charCodeAt(0))).join(''));
  const latin = await document.embedFont(StandardFonts.Helvetica);
  page.drawText(latinLine, { x: 50, y: 640, size: 18, font: latin });
  return document.save({ useObjectStreams: false });
}

/**
 * A PDF whose one line reads back as `text`, whatever it holds: each character is a code of a font whose
 * ToUnicode maps it back (UTF-16BE, as the format says), as a PDF with a broken ToUnicode does.
 */
export async function pdfReadingBack(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const characters = [...text];
  const codes = characters.map((_, index) => hex(index + 1));
  const utf16 = (character: string) =>
    Array.from({ length: character.length }, (_, i) => hex(character.charCodeAt(i))).join('');
  const mapping = characters.map((character, index) => `<${codes[index]!}> <${utf16(character)}>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Broken def /CMapType 2 def',
    '1 begincodespacerange <0000> <ffff> endcodespacerange',
    `${mapping.length} beginbfchar`,
    ...mapping,
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = document.context.register(document.context.stream(cmap));
  const page = document.addPage([595, 842]);
  page.node.setFontDictionary(PDFName.of('FB'), cjkFont(document, 'Broken', 'Identity-H', toUnicode));
  drawLine(page, 'FB', 8, 760, codes.join(''));
  return document.save({ useObjectStreams: false });
}
