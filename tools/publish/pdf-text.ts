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

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
