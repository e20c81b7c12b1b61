/**
 * A strip of small page pictures to jump through a document, with a slider above it to reach any
 * page of a long one. The strip holds only the pages near the one on screen (or the one the slider
 * points at), so a 2,415-page manual costs what a short leaflet does; each picture is drawn only
 * while it is near the visible part of the strip and released when it scrolls away.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageCanvases } from './page-canvases.ts';
import { PageScrubber } from './PageScrubber.tsx';
import { stripPages } from './strip-pages.ts';

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
  // The page the slider is passing over; the strip follows it, and the page on screen when it is done.
  const [sliding, setSliding] = useState<number | undefined>();
  const centre = sliding ?? current;
  useEffect(() => {
    listRef.current
      ?.querySelector(`[data-thumbnail="${centre}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [centre]);
  const pages = stripPages(centre, pageCount);
  return (
    <nav className="reader-strip" aria-label={t('reader.pages')}>
      {pageCount > 1 && (
        <PageScrubber
          pageCount={pageCount}
          value={centre}
          onPreview={setSliding}
          onGo={(page) => {
            setSliding(undefined);
            onGo(page);
          }}
        />
      )}
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
