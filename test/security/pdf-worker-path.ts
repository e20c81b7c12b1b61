/** The PDF.js worker's script as Vite names it in out/renderer/assets; the e2e specs load the real one. */
export const pdfWorkerPath = '/assets/pdf.worker.min-CIqJB0yW.mjs';
