/**
 * Reads the text of a PDF's image-only pages (scans) with Debian's tesseract, for `publish build --ocr`: each
 * page is drawn by pdf.js onto a canvas (`@napi-rs/canvas`, which pdfjs-dist brings for Node) at about 216 dpi,
 * written as a PNG and read in the item's languages. Traditional Mongolian has no tesseract model, so such a
 * page is read only in the other languages asked for, and the build says so.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';

const run = promisify(execFile);

/** tesseract's models for the content languages (`mon` is Mongolian in Cyrillic). */
const models: Record<ContentLanguage, string | undefined> = {
  en: 'eng',
  ko: 'kor',
  zh: 'chi_sim',
  'mn-Cyrl': 'mon',
  'mn-Mong': undefined,
};

/** 3 × 72 dpi: small print stays legible to tesseract while a page stays a few megabytes. */
const scale = 3;

export interface OcrResult {
  /** Text by page number, for the pages that gave any. */
  texts: Map<number, string>;
  /** Languages asked for that tesseract cannot read. */
  unread: ContentLanguage[];
}

export async function ocrPages(
  filePath: string,
  pages: readonly number[],
  languages: readonly ContentLanguage[],
): Promise<OcrResult> {
  const wanted = [...new Set(languages.map((language) => models[language]).filter((model) => model !== undefined))];
  const unread = languages.filter((language) => models[language] === undefined);
  const texts = new Map<number, string>();
  if (wanted.length === 0 || pages.length === 0) return { texts, unread };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({
    data: new Uint8Array(await readFile(filePath)),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const document = await loading.promise;
  const work = await mkdtemp(path.join(os.tmpdir(), 'publish-ocr-'));
  try {
    for (const number of pages) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      // tesseract reads dark on light; a transparent page would read as black.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      // pdf.js's parameters are typed for the DOM's canvas, which @napi-rs/canvas stands in for in Node.
      await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
      const image = path.join(work, `page-${number}.png`);
      await writeFile(image, canvas.toBuffer('image/png'));
      page.cleanup();
      const { stdout } = await run('tesseract', [image, 'stdout', '-l', wanted.join('+')], {
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      });
      const text = stdout.trim();
      if (text) texts.set(number, text);
    }
  } finally {
    await loading.destroy();
    await rm(work, { recursive: true, force: true });
  }
  return { texts, unread };
}
