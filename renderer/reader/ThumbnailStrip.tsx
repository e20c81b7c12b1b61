/**
 * A strip of small page pictures to jump through a document. Each is drawn only while it is near
 * the visible part of the strip and released when it scrolls away, so 300 pages cost a screenful.
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageCanvases } from './page-canvases.ts';

const thumbnailHeight = 120;

export function ThumbnailStrip({
  canvases,
  pageCount,
  current,
  onGo,
}: {
  canvases: PageCanvases;
  pageCount: number;
  current: number;
  onGo(page: number): void;
}) {
  const { t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current
      ?.querySelector(`[data-thumbnail="${current}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [current]);
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1);
  return (
    <nav className="reader-strip" aria-label={t('reader.pages')}>
      <ol ref={listRef}>
        {pages.map((page) => (
          <li key={page}>
            <button
              type="button"
              className="reader-thumbnail"
              data-thumbnail={page}
              aria-current={page === current ? 'page' : undefined}
              aria-label={t('reader.thumbnail', { page })}
              onClick={() => onGo(page)}
            >
              <ThumbnailCanvas canvases={canvases} page={page} />
              <span aria-hidden="true">{page}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Thumbnails are drawn one at a time so they never hold up the page being read. */
let queue: Promise<unknown> = Promise.resolve();

function ThumbnailCanvas({ canvases, page }: { canvases: PageCanvases; page: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current!;
    let visible = false;
    let drawn = false;
    const draw = async () => {
      if (!visible || drawn) return;
      drawn = true;
      try {
        const proxy = await canvases.page(page);
        if (!visible) {
          drawn = false;
          return;
        }
        const base = proxy.getViewport({ scale: 1 });
        const viewport = proxy.getViewport({ scale: (thumbnailHeight * (window.devicePixelRatio || 1)) / base.height });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${(viewport.width / viewport.height) * thumbnailHeight}px`;
        await proxy.render({ canvas, viewport }).promise;
      } catch {
        drawn = false;
      }
    };
    const observer = new IntersectionObserver(
      ([entry]) => {
        visible = entry?.isIntersecting ?? false;
        if (visible) queue = queue.then(draw);
        else if (drawn) {
          drawn = false;
          canvas.width = 0;
          canvas.height = 0;
        }
      },
      { rootMargin: '0px 400px' },
    );
    observer.observe(canvas);
    return () => {
      visible = false;
      observer.disconnect();
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [canvases, page]);
  return <canvas ref={ref} className="reader-thumbnail-canvas" height={0} width={0} />;
}
