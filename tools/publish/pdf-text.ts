/**
 * Extracts a PDF's text and page count with pdfjs-dist in Node, at publishing time, so kiosks can index
 * the text from the manifest without ever parsing a PDF themselves.
 */
import { readFile } from 'node:fs/promises';

export interface PdfText {
  pages: number;
  /** The text of every page, pages separated by a blank line, runs of white space collapsed. */
  text: string;
}

export async function extractPdfText(filePath: string): Promise<PdfText> {
  // The legacy build runs in plain Node; in Node it parses in-process, so no worker is set up.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(filePath));
  const loading = pdfjs.getDocument({ data, disableFontFace: true, verbosity: pdfjs.VerbosityLevel.ERRORS });
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
      pages.push(tidy(text));
      page.cleanup();
    }
    return { pages: document.numPages, text: pages.filter(Boolean).join('\n\n') };
  } finally {
    await loading.destroy();
  }
}

const cjk = /[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/;

/** Collapses white space; a Chinese or Japanese line wrap is no word break, so such lines are joined. */
function tidy(text: string): string {
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
