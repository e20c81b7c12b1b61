/**
 * A PDF's first page drawn small, for covers on cards and item pages. Pictures are kept (as
 * JPEG blobs) for the most recent documents, and drawn two at a time so a shelf of covers
 * never competes with the reader. A cover is shown on a canvas of its own, decoded from its blob
 * each time and shrunk to nothing when it leaves the screen: an <img> of the blob left a decoded copy
 * (about 1 MB for an item page's cover) in the compositor's image cache on every visit, which grew the
 * renderer by that much per document opened, out of reach of garbage collection.
 */
import { useEffect, useRef, useState } from 'react';
import { openPdf } from './pdf-document.ts';

const cacheSize = 64;
const cache = new Map<string, Promise<Blob>>();
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

async function drawCover(src: string, width: number): Promise<Blob> {
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
    return blob;
  } finally {
    await task.destroy();
  }
}

/** The cover picture as a JPEG, drawn once per document and width while it stays among the recent ones. */
export function coverPicture(src: string, width: number): Promise<Blob> {
  const key = `${width}\u0000${src}`;
  let picture = cache.get(key);
  if (picture) {
    cache.delete(key);
  } else {
    picture = inTurn(() => drawCover(src, width));
    picture.catch(() => cache.delete(key));
  }
  cache.set(key, picture);
  for (const oldKey of cache.keys()) {
    if (cache.size <= cacheSize) break;
    cache.delete(oldKey);
  }
  return picture;
}

export function PdfThumbnail({ src, width, label = '' }: { src: string; width: number; label?: string }) {
  const [shown, setShown] = useState<string | undefined>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const key = `${width}\u0000${src}`;
  useEffect(() => {
    let current = true;
    const canvas = canvasRef.current;
    coverPicture(src, width)
      .then(async (blob) => {
        const picture = await createImageBitmap(blob);
        try {
          if (!current || !canvas) return;
          canvas.width = picture.width;
          canvas.height = picture.height;
          canvas.getContext('2d')?.drawImage(picture, 0, 0);
          setShown(key);
        } finally {
          picture.close();
        }
      })
      .catch(() => current && setShown(undefined));
    return () => {
      current = false;
      // A zero-sized canvas gives its pixels back at once.
      if (canvas) {
        canvas.width = 0;
        canvas.height = 0;
      }
    };
  }, [src, width, key]);
  const ready = shown === key;
  return (
    <>
      <canvas
        ref={canvasRef}
        className="pdf-thumbnail"
        width={0}
        height={0}
        style={{ width, display: ready ? undefined : 'none' }}
        role={label ? 'img' : undefined}
        aria-label={label || undefined}
        aria-hidden={label ? undefined : true}
        data-testid={ready ? 'pdf-thumbnail' : undefined}
      />
      {!ready && (
        <span
          className="pdf-thumbnail pdf-thumbnail-empty"
          style={{ width }}
          role={label ? 'img' : undefined}
          aria-label={label || undefined}
        />
      )}
    </>
  );
}
