/**
 * A PDF's first page drawn small, for covers on cards and item pages. Pictures are kept (as
 * JPEG blobs) for the most recent documents, and drawn two at a time so a shelf of covers
 * never competes with the reader.
 */
import { useEffect, useState } from 'react';
import { openPdf } from './pdf-document.ts';

const cacheSize = 64;
const cache = new Map<string, Promise<string>>();
let drawing = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (drawing >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  drawing++;
  try {
    return await work();
  } finally {
    drawing--;
    waiting.shift()?.();
  }
}

async function drawCover(src: string, width: number): Promise<string> {
  const task = await openPdf(src);
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (width * (window.devicePixelRatio || 1)) / base.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    canvas.width = 0;
    canvas.height = 0;
    if (!blob) throw new Error('the cover could not be encoded');
    return URL.createObjectURL(blob);
  } finally {
    await task.destroy();
  }
}

/** The cover picture's blob URL, drawn once per document and width while it stays among the recent ones. */
export function coverUrl(src: string, width: number): Promise<string> {
  const key = `${width}\u0000${src}`;
  let url = cache.get(key);
  if (url) {
    cache.delete(key);
  } else {
    url = inTurn(() => drawCover(src, width));
    url.catch(() => cache.delete(key));
  }
  cache.set(key, url);
  for (const [oldKey, oldUrl] of cache) {
    if (cache.size <= cacheSize) break;
    cache.delete(oldKey);
    void oldUrl.then(
      (blobUrl) => URL.revokeObjectURL(blobUrl),
      () => undefined,
    );
  }
  return url;
}

export function PdfThumbnail({ src, width, label = '' }: { src: string; width: number; label?: string }) {
  const [shown, setShown] = useState<{ key: string; url: string | undefined }>();
  const key = `${width}\u0000${src}`;
  useEffect(() => {
    let current = true;
    coverUrl(src, width).then(
      (url) => current && setShown({ key, url }),
      () => current && setShown({ key, url: undefined }),
    );
    return () => {
      current = false;
    };
  }, [src, width, key]);
  const url = shown?.key === key ? shown.url : undefined;
  return url ? (
    <img className="pdf-thumbnail" src={url} width={width} alt={label} data-testid="pdf-thumbnail" />
  ) : (
    <span
      className="pdf-thumbnail pdf-thumbnail-empty"
      style={{ width }}
      role={label ? 'img' : undefined}
      aria-label={label || undefined}
    />
  );
}
