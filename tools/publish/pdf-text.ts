/**
 * Extracts a PDF's text and page count with pdfjs-dist in Node, at publishing time, so kiosks can index
 * the text from the manifest without ever parsing a PDF themselves.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cleanBody } from './body-text.ts';

export interface PdfText {
  pages: number;
  /** The text of every page, pages separated by a blank line, cleaned (`cleanBody`), runs of white space collapsed. */
  text: string;
  /** Each page's text, cleaned and tidied alike; '' for a page with none (an image-only page of a scan). */
  pageTexts: string[];
}

/** The document's text from its pages' texts, as `text` gives it. */
export function joinPages(pageTexts: readonly string[]): string {
  return pageTexts.filter(Boolean).join('\n\n');
}

/**
 * pdf.js's own data files. Without the CMaps, a CJK font that has no ToUnicode (the xeCJK/Fandol fonts of
 * most Chinese LaTeX documents) gives no text, since only `Adobe-GB1-UCS2` and its kin map its glyphs back
 * to Unicode. In Node pdf.js reads them with `fs.readFile(base + name)`, so these are folder paths, not URLs.
 */
const pdfjsFolder = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const dataFolder = (name: string): string => path.join(pdfjsFolder, name) + path.sep;

export async function extractPdfText(filePath: string): Promise<PdfText> {
  // The legacy build runs in plain Node; in Node it parses in-process, so no worker is set up.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(filePath));
  const loading = pdfjs.getDocument({
    data,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: dataFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataFolder('standard_fonts'),
  });
  const document = await loading.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(tidy(cleanBody(text)));
      page.cleanup();
    }
    return { pages: document.numPages, text: joinPages(pages), pageTexts: pages };
  } finally {
    await loading.destroy();
  }
}

const cjk = /[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/;

/** Collapses white space; a Chinese or Japanese line wrap is no word break, so such lines are joined. */
export function tidy(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  return lines.reduce((joined, line) => {
    if (!joined) return line;
    const unspaced = cjk.test(joined.at(-1)!) && cjk.test(line[0]!) && !/[\uac00-\ud7af]/.test(line[0]!);
    return joined + (unspaced ? '' : '\n') + line;
  }, '');
}
