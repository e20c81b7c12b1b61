/**
 * Opens a PDF with PDF.js the kiosk's way: parsing in PDF.js's worker, bytes fetched by HTTP
 * range as pages need them, no scripting, no XFA, and CMaps and fonts only from the kiosk itself.
 * PDF.js is loaded on first use, so it does not slow the kiosk's start.
 */
import type { PDFDocumentLoadingTask, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** Big enough that a page of a text PDF is one or two requests, small enough that a scan's page is not the whole file. */
const rangeChunkSize = 256 * 1024;

function ownUrl(path: string): string {
  return new URL(path, window.location.href).href;
}

let pdfjs: Promise<typeof import('pdfjs-dist')> | undefined;

function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return pdfjs;
}

/**
 * One PDF.js worker serves every document (the reader's and the covers'): starting a worker
 * means parsing 1 MB of script, which would otherwise be paid on every open.
 */
let sharedWorker: PDFWorker | undefined;

export async function openPdf(src: string): Promise<PDFDocumentLoadingTask> {
  const { getDocument, PDFWorker } = await loadPdfjs();
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return getDocument({
    worker: sharedWorker,
    url: ownUrl(src),
    rangeChunkSize,
    // Without streaming the first request stops after the header and every later byte is a range
    // request for what a page needs: a 500 MB PDF opens without being read whole.
    disableRange: false,
    disableStream: true,
    disableAutoFetch: true,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: false,
    cMapUrl: ownUrl('/pdfjs/cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: ownUrl('/pdfjs/standard_fonts/'),
    // JPEG 2000, JBIG2 and ICC colour are decoded by WebAssembly in the worker (its script's CSP allows
    // that alone); CMYK is converted through the CMYK profile PDF.js ships, rather than by formula.
    wasmUrl: ownUrl('/pdfjs/wasm/'),
    iccUrl: ownUrl('/pdfjs/iccs/'),
    // Pages are drawn on this thread's canvases; PDF.js's separate renderer worker is not shipped.
    disableWorkerRendering: true,
    stopAtErrors: false,
  });
}
