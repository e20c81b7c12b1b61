/**
 * Renders one leaflet to an A5 PDF with pdf-lib: a title band in the subject's colour, large type,
 * sections (each may end in a table of figures) and a "did you know" box, flowing over as many pages as the
 * text needs. Traditional Mongolian is set vertically (columns top to bottom, left to right) by rotating its
 * lines a quarter turn clockwise; a table turns with it, each row a column.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import { leafletFonts } from './demo-fonts.ts';

/** Rows of figures: the first cell names what a row is about, the others are set flush right. */
export interface LeafletTable {
  header: string[];
  rows: string[][];
}

export interface LeafletText {
  intro: string;
  sections: { heading: string; text: string; table?: LeafletTable }[];
  fact: string;
}

export interface Leaflet {
  language: ContentLanguage;
  title: string;
  subjectName: string;
  /** Hex colour of the subject, e.g. #2e7d32. */
  colour: string;
  /** Written as the PDF's dates, so rendering the same leaflet again gives the same bytes. */
  date: Date;
  content: LeafletText;
  /** The foot of each page and the PDF's creator, when the leaflet is not one of the demo collection's. */
  origin?: { footer: string; creator: string };
}

const WIDTH = 420;
const HEIGHT = 595;
const MARGIN = 34;
const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.42, 0.42, 0.42);
const WHITE = rgb(1, 1, 1);

const labels: Record<ContentLanguage, { fact: string; footer: string }> = {
  en: { fact: 'Did you know?', footer: 'Reading Room demo collection' },
  ko: { fact: '알고 있나요?', footer: '열람실 체험용 자료' },
  zh: { fact: '你知道吗？', footer: '阅览室演示资料' },
  'mn-Cyrl': { fact: 'Та мэдэх үү?', footer: 'Уншлагын танхимын үзүүлэн цуглуулга' },
  'mn-Mong': { fact: 'ᠲᠠ ᠮᠡᠳᠡᠬᠦ ᠦᠦ', footer: '' },
};

function colour(hex: string): RGB {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

function tint(hex: string, amount: number): RGB {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  const mix = (channel: number) => (channel + (255 - channel) * (1 - amount)) / 255;
  return rgb(mix((value >> 16) & 255), mix((value >> 8) & 255), mix(value & 255));
}

/** Pieces a line may break between: words for spaced scripts, characters (with their punctuation) for Chinese. */
function tokens(text: string, language: ContentLanguage): { text: string; spaceBefore: boolean }[] {
  if (language !== 'zh') {
    return text
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => ({ text: word, spaceBefore: true }));
  }
  const pieces =
    text.match(/[\u3000-\u9fff\uff00-\uffef][，。、；：！？）》」]?|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  const result: { text: string; spaceBefore: boolean }[] = [];
  let space = false;
  for (const piece of pieces) {
    if (/^\s+$/.test(piece)) space = true;
    else {
      result.push({ text: piece, spaceBefore: space });
      space = false;
    }
  }
  return result;
}

type Line = { text: string; spaceBefore: boolean }[];

function wrap(text: string, language: ContentLanguage, font: PDFFont, size: number, width: number): Line[] {
  const space = font.widthOfTextAtSize(' ', size);
  const lines: Line[] = [];
  let line: Line = [];
  let used = 0;
  for (const token of tokens(text, language)) {
    const gap = line.length > 0 && token.spaceBefore ? space : 0;
    const tokenWidth = font.widthOfTextAtSize(token.text, size);
    if (line.length > 0 && used + gap + tokenWidth > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 && token.spaceBefore ? space : 0) + tokenWidth;
    line.push(token);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function lineText(line: Line): string {
  return line.map((token, index) => (index > 0 && token.spaceBefore ? ' ' : '') + token.text).join('');
}

/**
 * Draws a line. Korean is drawn word by word: fontkit's Hangul shaping maps the space between syllable
 * blocks to a wrong glyph, so the gaps are left as positioned space instead of drawn.
 */
function drawLine(
  page: PDFPage,
  line: Line,
  language: ContentLanguage,
  at: { x: number; y: number; size: number; font: PDFFont; color: RGB },
) {
  if (language !== 'ko') {
    page.drawText(lineText(line), { x: at.x, y: at.y, size: at.size, font: at.font, color: at.color });
    return;
  }
  const space = at.font.widthOfTextAtSize(' ', at.size);
  let x = at.x;
  line.forEach((token, index) => {
    if (index > 0 && token.spaceBefore) x += space;
    page.drawText(token.text, { x, y: at.y, size: at.size, font: at.font, color: at.color });
    x += at.font.widthOfTextAtSize(token.text, at.size);
  });
}

export async function renderLeaflet(leaflet: Leaflet): Promise<Uint8Array> {
  const { content, language } = leaflet;
  const footer = leaflet.origin?.footer ?? labels[language].footer;
  const allText = [leaflet.title, leaflet.subjectName, content.intro, content.fact, labels[language].fact, footer]
    .concat(
      content.sections.flatMap((section) => [
        section.heading,
        section.text,
        ...(section.table ? [section.table.header, ...section.table.rows].flat() : []),
      ]),
    )
    .concat(ellipsis)
    .join(' ');
  const faces = await leafletFonts(language, allText);
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setTitle(leaflet.title);
  document.setLanguage(language);
  document.setCreator(leaflet.origin?.creator ?? 'Reading Room demo generator');
  document.setProducer('pdf-lib');
  document.setCreationDate(leaflet.date);
  document.setModificationDate(leaflet.date);
  // Ligatures off: a ligature glyph's advance comes out wrong after subsetting ("fi eld"), and search wants letters.
  const embedding = { subset: faces.subsetWhenEmbedding, features: language === 'mn-Mong' ? {} : { liga: false } };
  const fonts = {
    regular: await document.embedFont(faces.regular, embedding),
    bold: await document.embedFont(faces.bold, embedding),
    latin: await document.embedFont(faces.latin),
  };
  if (language === 'mn-Mong') renderVertical(document, leaflet, fonts);
  else renderHorizontal(document, leaflet, fonts);
  const pages = document.getPages();
  pages.forEach((page, index) => {
    const number = `${index + 1} / ${pages.length}`;
    const size = 9;
    page.drawText(number, {
      x: WIDTH - MARGIN - fonts.latin.widthOfTextAtSize(number, size),
      y: 18,
      size,
      font: fonts.latin,
      color: MUTED,
    });
    if (footer) {
      const [line] = wrap(footer, language, fonts.regular, size, WIDTH);
      drawLine(page, line!, language, { x: MARGIN, y: 18, size, font: fonts.regular, color: MUTED });
    }
  });
  return document.save();
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  latin: PDFFont;
}

/** Where a table cell that does not fit is cut. */
const ellipsis = '…';

const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();

function covers(font: PDFFont, character: string): boolean {
  let set = characterSets.get(font);
  if (!set) characterSets.set(font, (set = new Set(font.getCharacterSet())));
  return set.has(character.codePointAt(0)!);
}

/**
 * `text` cut into runs, each in `font` or, for characters only the Latin face has (digits and Latin letters in
 * traditional Mongolian), in `latin`.
 */
function runs(text: string, font: PDFFont, latin: PDFFont): { text: string; font: PDFFont }[] {
  const result: { text: string; font: PDFFont }[] = [];
  for (const character of text) {
    const face = covers(font, character) || !covers(latin, character) ? font : latin;
    const last = result.at(-1);
    if (last && (last.font === face || character === ' ')) last.text += character;
    else result.push({ text: character, font: face });
  }
  return result;
}

const runsWidth = (text: string, font: PDFFont, latin: PDFFont, size: number): number =>
  runs(text, font, latin).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);

/** Draws `text` from (x, y) along the line: rightwards, or downwards when `vertical` (turned 90° clockwise). */
function drawRuns(
  page: PDFPage,
  text: string,
  at: { x: number; y: number; size: number; font: PDFFont; latin: PDFFont; color: RGB; vertical: boolean },
): void {
  let { x, y } = at;
  for (const run of runs(text, at.font, at.latin)) {
    const rotate = at.vertical ? { rotate: degrees(-90) } : {};
    page.drawText(run.text, { x, y, size: at.size, font: run.font, color: at.color, ...rotate });
    const width = run.font.widthOfTextAtSize(run.text, at.size);
    if (at.vertical) y -= width;
    else x += width;
  }
}

/** `text`, cut with an ellipsis where it would run past `width`. */
function fitted(text: string, font: PDFFont, latin: PDFFont, size: number, width: number): string {
  if (runsWidth(text, font, latin, size) <= width) return text;
  const characters = [...text];
  while (characters.length > 0 && runsWidth(characters.join('') + ellipsis, font, latin, size) > width) {
    characters.pop();
  }
  return characters.join('') + ellipsis;
}

interface TableLayout {
  /** Where each column starts along the line, and how long it is. */
  offsets: number[];
  widths: number[];
  /** The header's cells, wrapped to their columns. */
  header: string[][];
}

/** The figure columns as wide as their widest figure or heading word; the first column takes the rest. */
function tableLayout(
  table: LeafletTable,
  language: ContentLanguage,
  fonts: Fonts,
  size: number,
  length: number,
): TableLayout {
  const widths = table.header.map((heading, column) => {
    if (column === 0) return 0;
    const words = tokens(heading, language).map((token) => runsWidth(token.text, fonts.bold, fonts.latin, size));
    const figures = table.rows.map((row) => runsWidth(row[column] ?? '', fonts.regular, fonts.latin, size));
    return Math.max(36, ...words, ...figures) + 10;
  });
  widths[0] = Math.max(60, length - widths.reduce((sum, width) => sum + width, 0));
  const offsets = widths.map((_, column) => widths.slice(0, column).reduce((sum, width) => sum + width, 0));
  const header = table.header.map((heading, column) =>
    wrap(heading, language, fonts.bold, size, widths[column]! - 6).map(lineText),
  );
  return { offsets, widths, header };
}

/**
 * Draws one table row along a line that starts at (x, y): the first cell from the start, cut to its column,
 * the others flush with their column's end.
 */
function drawTableRow(
  page: PDFPage,
  cells: readonly string[],
  layout: TableLayout,
  at: { x: number; y: number; size: number; font: PDFFont; latin: PDFFont; color: RGB; vertical: boolean },
): void {
  cells.forEach((cell, column) => {
    const text = column === 0 ? fitted(cell, at.font, at.latin, at.size, layout.widths[0]! - 6) : cell;
    const start =
      column === 0 ? 0 : layout.offsets[column]! + layout.widths[column]! - runsWidth(text, at.font, at.latin, at.size);
    const along = { x: at.vertical ? at.x : at.x + start, y: at.vertical ? at.y - start : at.y };
    drawRuns(page, text, { ...at, ...along });
  });
}

function renderHorizontal(document: PDFDocument, leaflet: Leaflet, fonts: Fonts): void {
  const { language, content } = leaflet;
  const accent = colour(leaflet.colour);
  const textWidth = WIDTH - 2 * MARGIN;
  const bottom = MARGIN + 16;
  let page = document.addPage([WIDTH, HEIGHT]);

  const titleSize = 25;
  const titleLines = wrap(leaflet.title, language, fonts.bold, titleSize, textWidth);
  const bandHeight = Math.max(128, 74 + titleLines.length * titleSize * 1.22);
  page.drawRectangle({ x: 0, y: HEIGHT - bandHeight, width: WIDTH, height: bandHeight, color: accent });
  page.drawText(leaflet.subjectName, {
    x: MARGIN,
    y: HEIGHT - MARGIN - 6,
    size: 12,
    font: fonts.bold,
    color: WHITE,
    opacity: 0.85,
  });
  let y = HEIGHT - MARGIN - 46;
  for (const line of titleLines) {
    drawLine(page, line, language, { x: MARGIN, y, size: titleSize, font: fonts.bold, color: WHITE });
    y -= titleSize * 1.22;
  }
  y = HEIGHT - bandHeight - 34;

  const newPage = () => {
    page = document.addPage([WIDTH, HEIGHT]);
    page.drawRectangle({ x: 0, y: HEIGHT - 10, width: WIDTH, height: 10, color: accent });
    y = HEIGHT - MARGIN - 14;
  };
  const paragraph = (text: string, size: number, font: PDFFont, color: RGB, leading = 1.5) => {
    for (const line of wrap(text, language, font, size, textWidth)) {
      if (y < bottom) newPage();
      drawLine(page, line, language, { x: MARGIN, y, size, font, color });
      y -= size * leading;
    }
  };

  const table = (rows: LeafletTable) => {
    const size = 10.5;
    const leading = size * 1.6;
    const layout = tableLayout(rows, language, fonts, size, textWidth);
    const cell = { size, latin: fonts.latin, vertical: false };
    const header = () => {
      const lines = Math.max(...layout.header.map((cellLines) => cellLines.length));
      layout.header.forEach((cellLines, column) =>
        cellLines.forEach((line, index) => {
          const start =
            column === 0
              ? 0
              : layout.offsets[column]! + layout.widths[column]! - fonts.bold.widthOfTextAtSize(line, size);
          drawRuns(page, line, { ...cell, x: MARGIN + start, y: y - index * leading, font: fonts.bold, color: accent });
        }),
      );
      y -= (lines - 1) * leading + size * 0.6;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + textWidth, y }, thickness: 0.8, color: accent });
      y -= leading;
    };
    y -= 6;
    if (y - 4 * leading < bottom) newPage();
    header();
    for (const [index, row] of rows.rows.entries()) {
      if (y < bottom) {
        newPage();
        header();
      }
      if (index % 2 === 1) {
        page.drawRectangle({
          x: MARGIN,
          y: y - size * 0.45,
          width: textWidth,
          height: leading,
          color: tint(leaflet.colour, 0.08),
        });
      }
      drawTableRow(page, row, layout, { ...cell, x: MARGIN, y, font: fonts.regular, color: INK });
      y -= leading;
    }
  };

  paragraph(content.intro, 15, fonts.regular, INK);
  for (const section of content.sections) {
    y -= 12;
    // Keep a heading with at least two lines of its text.
    if (y - 16 * 1.3 - 2 * 13.5 * 1.5 < bottom) newPage();
    paragraph(section.heading, 16, fonts.bold, accent, 1.35);
    y -= 2;
    paragraph(section.text, 13.5, fonts.regular, INK);
    if (section.table) table(section.table);
  }

  const factLines = wrap(content.fact, language, fonts.regular, 13.5, textWidth - 28);
  const boxHeight = 24 + 16 * 1.4 + factLines.length * 13.5 * 1.5 + 6;
  y -= 16;
  if (y - boxHeight < bottom) newPage();
  page.drawRectangle({
    x: MARGIN,
    y: y - boxHeight + 14,
    width: textWidth,
    height: boxHeight,
    color: tint(leaflet.colour, 0.14),
  });
  page.drawRectangle({ x: MARGIN, y: y - boxHeight + 14, width: 5, height: boxHeight, color: accent });
  y -= 12;
  page.drawText(labels[language].fact, { x: MARGIN + 16, y, size: 14, font: fonts.bold, color: accent });
  y -= 14 * 1.6;
  for (const line of factLines) {
    drawLine(page, line, language, { x: MARGIN + 16, y, size: 13.5, font: fonts.regular, color: INK });
    y -= 13.5 * 1.5;
  }
}

/** Columns run top to bottom and advance left to right; each line is drawn rotated 90° clockwise. */
function renderVertical(document: PDFDocument, leaflet: Leaflet, fonts: Fonts): void {
  const { language, content } = leaflet;
  const accent = colour(leaflet.colour);
  const band = 92;
  const top = HEIGHT - MARGIN;
  const columnHeight = HEIGHT - 2 * MARGIN - 20;
  let page = document.addPage([WIDTH, HEIGHT]);

  page.drawRectangle({ x: 0, y: 0, width: band, height: HEIGHT, color: accent });
  const titleSize = 26;
  let x = 16 + titleSize * 0.3;
  for (const line of wrap(leaflet.title, language, fonts.bold, titleSize, columnHeight)) {
    page.drawText(lineText(line), { x, y: top, size: titleSize, font: fonts.bold, color: WHITE, rotate: degrees(-90) });
    x += titleSize * 1.3;
  }
  page.drawText(leaflet.subjectName, {
    x: band - 22,
    y: top,
    size: 13,
    font: fonts.regular,
    color: WHITE,
    rotate: degrees(-90),
  });

  x = band + 22;
  const right = WIDTH - MARGIN;
  const nextColumn = (size: number) => {
    if (x + size <= right) return;
    page = document.addPage([WIDTH, HEIGHT]);
    page.drawRectangle({ x: 0, y: 0, width: 10, height: HEIGHT, color: accent });
    x = MARGIN;
  };
  const column = (text: string, size: number, color: RGB, spacing = 1.7) => {
    for (const line of wrap(text, language, fonts.regular, size, columnHeight)) {
      nextColumn(size);
      drawRuns(page, lineText(line), {
        x: x + size * 0.3,
        y: top,
        size,
        font: fonts.regular,
        latin: fonts.latin,
        color,
        vertical: true,
      });
      x += size * spacing;
    }
  };
  // A table turned a quarter: the header is the first column, each row a column after it.
  const table = (rows: LeafletTable) => {
    const size = 13;
    const leading = size * 1.6;
    const layout = tableLayout(rows, language, fonts, size, columnHeight);
    const cell = { size, latin: fonts.latin, vertical: true };
    const header = () => {
      const lines = Math.max(...layout.header.map((cellLines) => cellLines.length));
      for (let index = 0; index < lines; index++) {
        nextColumn(size);
        layout.header.forEach((cellLines, column) => {
          const line = cellLines[index];
          if (line === undefined) return;
          const start =
            column === 0
              ? 0
              : layout.offsets[column]! + layout.widths[column]! - runsWidth(line, fonts.regular, fonts.latin, size);
          drawRuns(page, line, { ...cell, x: x + size * 0.3, y: top - start, font: fonts.regular, color: accent });
        });
        x += leading;
      }
    };
    x += 6;
    header();
    for (const row of rows.rows) {
      if (x + size > right) {
        nextColumn(size);
        header();
      }
      drawTableRow(page, row, layout, { ...cell, x: x + size * 0.3, y: top, font: fonts.regular, color: INK });
      x += leading;
    }
  };
  column(content.intro, 17, INK);
  for (const section of content.sections) {
    x += 8;
    column(section.heading, 18, accent);
    column(section.text, 16, INK);
    if (section.table) table(section.table);
  }
  x += 8;
  column(labels[language].fact, 17, accent);
  column(content.fact, 16, INK);
}
