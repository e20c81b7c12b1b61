/**
 * Renders one demo leaflet to an A5 PDF with pdf-lib: a title band in the subject's colour, large type,
 * sections and a "did you know" box, flowing over as many pages as the text needs. Traditional Mongolian
 * is set vertically (columns top to bottom, left to right) by rotating its lines a quarter turn clockwise.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import { leafletFonts } from './demo-fonts.ts';

export interface LeafletText {
  intro: string;
  sections: { heading: string; text: string }[];
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
  const allText = [
    leaflet.title,
    leaflet.subjectName,
    content.intro,
    content.fact,
    labels[language].fact,
    labels[language].footer,
  ]
    .concat(content.sections.flatMap((section) => [section.heading, section.text]))
    .join(' ');
  const faces = await leafletFonts(language, allText);
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setTitle(leaflet.title);
  document.setLanguage(language);
  document.setCreator('Reading Room demo generator');
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
    const footer = labels[language].footer;
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

  paragraph(content.intro, 15, fonts.regular, INK);
  for (const section of content.sections) {
    y -= 12;
    // Keep a heading with at least two lines of its text.
    if (y - 16 * 1.3 - 2 * 13.5 * 1.5 < bottom) newPage();
    paragraph(section.heading, 16, fonts.bold, accent, 1.35);
    y -= 2;
    paragraph(section.text, 13.5, fonts.regular, INK);
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
  const column = (text: string, size: number, color: RGB, spacing = 1.7) => {
    for (const line of wrap(text, language, fonts.regular, size, columnHeight)) {
      if (x + size > right) {
        page = document.addPage([WIDTH, HEIGHT]);
        page.drawRectangle({ x: 0, y: 0, width: 10, height: HEIGHT, color: accent });
        x = MARGIN;
      }
      page.drawText(lineText(line), {
        x: x + size * 0.3,
        y: top,
        size,
        font: fonts.regular,
        color,
        rotate: degrees(-90),
      });
      x += size * spacing;
    }
  };
  column(content.intro, 17, INK);
  for (const section of content.sections) {
    x += 8;
    column(section.heading, 18, accent);
    column(section.text, 16, INK);
  }
  x += 8;
  column(labels[language].fact, 17, accent);
  column(content.fact, 16, INK);
}
