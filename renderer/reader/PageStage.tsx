/**
 * The page on screen: its canvas (kept by PageCanvases), the marks of find hits, the links as
 * buttons, and the touch, pointer and pinch gestures that turn and zoom it.
 */
import type { PageViewport } from 'pdfjs-dist';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { pagesAround } from './canvas-budget.ts';
import { FindMarks } from './FindMarks.tsx';
import { classifyRelease, DoubleTapDetector, pinchZoom } from './gestures.ts';
import { useNoFling } from './no-fling.ts';
import type { PageCanvases } from './page-canvases.ts';
import type { PageLink } from './pdf-links.ts';
import type { PageHit } from './use-find.ts';
import {
  cssScale,
  deviceScale,
  doubleTapZoom,
  maxZoomFactor,
  minZoomFactor,
  pinchedZoom,
  zoomFactor,
  type Size,
  type Zoom,
} from './zoom.ts';

export interface PageStageProps {
  canvases: PageCanvases;
  pageNumber: number;
  pageCount: number;
  zoom: Zoom;
  links: PageLink[];
  /** Find's matches on this page. */
  hits: PageHit[];
  onTurn(delta: 1 | -1): void;
  onZoom(zoom: Zoom): void;
  /** The page's size in PDF points and the stage's in CSS pixels, each time the page is laid out. */
  onLayout(page: Size, stage: Size): void;
  onLink(link: PageLink): void;
  onPageFailed(page: number): void;
}

interface Layout {
  page: number;
  viewport: PageViewport;
  /** The page is larger than the stage, so one finger pans instead of turning pages. */
  zoomed: boolean;
  /** The zoom as a factor of the whole-page size. */
  factor: number;
}

interface Press {
  x: number;
  y: number;
  time: number;
}

export function PageStage(props: PageStageProps) {
  const { canvases, pageNumber, pageCount, zoom } = props;
  const { t } = useI18n();
  const stageRef = useRef<HTMLDivElement>(null);
  const slotRef = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Size | undefined>();
  const [layout, setLayout] = useState<Layout | undefined>();
  const [readyPage, setReadyPage] = useState(0);
  const latest = useRef(props);
  useNoFling(stageRef);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = stageRef.current!;
    const observer = new ResizeObserver(() => {
      const { clientWidth: width, clientHeight: height } = element;
      setStage((old) => (old && old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!stage || stage.width === 0 || stage.height === 0) return;
    let current = true;
    const ratio = window.devicePixelRatio || 1;
    const scalesFor = async (number: number) => {
      const page = await canvases.page(number);
      const base = page.getViewport({ scale: 1 });
      const css = cssScale(zoom, base, stage);
      return { page, base, css, device: deviceScale(css, ratio, base) };
    };
    const show = (canvas: HTMLCanvasElement, number: number, width: number, height: number) => {
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      canvas.dataset['page'] = String(number);
      if (slotRef.current && slotRef.current.firstChild !== canvas) slotRef.current.replaceChildren(canvas);
    };
    void (async () => {
      try {
        const { page, base, css, device } = await scalesFor(pageNumber);
        if (!current) return;
        const viewport = page.getViewport({ scale: css });
        const drawn = canvases.draw(pageNumber, device);
        const shown = slotRef.current?.firstChild as HTMLCanvasElement | null;
        const zoomed = viewport.width > stage.width + 1 || viewport.height > stage.height + 1;
        setLayout({ page: pageNumber, viewport, zoomed, factor: zoomFactor(zoom, base, stage) });
        latest.current.onLayout({ width: base.width, height: base.height }, stage);
        // Keep a drawing of this page on screen (resized) while a sharper one is drawn.
        if (drawn.done || shown?.dataset['page'] !== String(pageNumber)) {
          show(drawn.canvas, pageNumber, viewport.width, viewport.height);
        } else if (shown) {
          shown.style.width = `${viewport.width}px`;
          shown.style.height = `${viewport.height}px`;
        }
        if (!(await drawn.ready)) {
          if (current && !drawn.done) latest.current.onPageFailed(pageNumber);
          return;
        }
        if (!current) return;
        show(drawn.canvas, pageNumber, viewport.width, viewport.height);
        setReadyPage(pageNumber);
        canvases.trim(pageNumber);
      } catch {
        if (current) latest.current.onPageFailed(pageNumber);
        return;
      }
      // A neighbour that cannot be drawn ahead is no fault of this page: it is reported once turned to.
      for (const neighbour of pagesAround(pageNumber, pageCount).slice(1)) {
        const ahead = await scalesFor(neighbour).catch(() => undefined);
        if (!current) return;
        if (!ahead) continue;
        await canvases.draw(neighbour, ahead.device).ready;
        if (!current) return;
        canvases.trim(pageNumber);
      }
    })();
    return () => {
      current = false;
    };
  }, [canvases, pageNumber, pageCount, zoom, stage]);

  useEffect(() => {
    const element = stageRef.current;
    if (element) {
      element.scrollTop = 0;
      element.scrollLeft = Math.max(0, (element.scrollWidth - element.clientWidth) / 2);
    }
  }, [pageNumber, layout?.zoomed]);

  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const press = useRef<Press | undefined>(undefined);
  const pan = useRef<{ left: number; top: number } | undefined>(undefined);
  const pinch = useRef<{ distance: number; factor: number; last: number } | undefined>(undefined);
  const doubleTap = useRef(new DoubleTapDetector());

  const spread = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest('[data-pdf-link]')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.current.size === 1) {
      press.current = { x: event.clientX, y: event.clientY, time: event.timeStamp };
      pan.current = { left: event.currentTarget.scrollLeft, top: event.currentTarget.scrollTop };
    } else if (pointers.current.size === 2 && layout) {
      press.current = undefined;
      pinch.current = { distance: spread(), factor: layout.factor, last: layout.factor };
    }
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!pointers.current.has(event.pointerId)) return;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch.current && pointers.current.size === 2) {
      const factor = pinchZoom(pinch.current.factor, pinch.current.distance, spread(), minZoomFactor, maxZoomFactor);
      pinch.current.last = factor;
      // Live feedback by CSS; the page is drawn anew at the new size when the fingers lift.
      if (sheetRef.current) sheetRef.current.style.transform = `scale(${factor / pinch.current.factor})`;
    } else if (press.current && pan.current && layout?.zoomed) {
      event.currentTarget.scrollLeft = pan.current.left - (event.clientX - press.current.x);
      event.currentTarget.scrollTop = pan.current.top - (event.clientY - press.current.y);
    }
  };

  const onPointerEnd = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!pointers.current.delete(event.pointerId)) return;
    if (pinch.current) {
      if (pointers.current.size > 0) return;
      const { last } = pinch.current;
      pinch.current = undefined;
      if (sheetRef.current) sheetRef.current.style.transform = '';
      props.onZoom(pinchedZoom(last));
      return;
    }
    const start = press.current;
    press.current = undefined;
    if (!start || event.type === 'pointercancel') return;
    const rect = event.currentTarget.getBoundingClientRect();
    const gesture = classifyRelease({
      dx: event.clientX - start.x,
      dy: event.clientY - start.y,
      ms: event.timeStamp - start.time,
      at: (start.x - rect.left) / rect.width,
      zoomed: layout?.zoomed ?? false,
    });
    if (gesture === 'next') props.onTurn(1);
    else if (gesture === 'previous') props.onTurn(-1);
    else if (gesture === 'tap-middle' && doubleTap.current.tap(event.clientX, event.clientY, event.timeStamp)) {
      props.onZoom(doubleTapZoom(layout?.factor ?? minZoomFactor));
    }
  };

  const viewport = layout?.page === pageNumber ? layout.viewport : undefined;
  return (
    <div
      ref={stageRef}
      className={layout?.zoomed ? 'reader-stage zoomed' : 'reader-stage'}
      data-testid="reader-stage"
      data-page-ready={readyPage}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    >
      <div
        ref={sheetRef}
        className="reader-sheet"
        role="group"
        aria-label={t('reader.page', { page: pageNumber, count: pageCount })}
        data-zoom-factor={layout ? layout.factor.toFixed(2) : undefined}
      >
        <div ref={slotRef} className="reader-canvas-slot" />
        {viewport && props.hits.length > 0 && (
          <FindMarks canvases={canvases} pageNumber={pageNumber} viewport={viewport} hits={props.hits} />
        )}
        {viewport &&
          props.links.map((link, index) => (
            <button
              key={`link-${index}`}
              type="button"
              className="reader-link"
              data-pdf-link={link.target.kind}
              aria-label={
                link.target.kind === 'page'
                  ? t('reader.link.toPage', { page: link.target.page })
                  : t('reader.link.web', { url: link.target.url })
              }
              ref={(element) => place(element, viewport, link.rect)}
              onClick={() => props.onLink(link)}
            />
          ))}
      </div>
    </div>
  );
}

/** Positions an overlay over the PDF rectangle `rect` ([x0, y0, x1, y1] in user space) on a page drawn with `viewport`. */
function place(element: HTMLElement | null, viewport: PageViewport, rect: readonly number[]): void {
  if (!element) return;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rect;
  const [ax = 0, ay = 0] = viewport.convertToViewportPoint(x0, y0) as number[];
  const [bx = 0, by = 0] = viewport.convertToViewportPoint(x1, y1) as number[];
  element.style.left = `${Math.min(ax, bx)}px`;
  element.style.top = `${Math.min(ay, by)}px`;
  element.style.width = `${Math.abs(bx - ax)}px`;
  element.style.height = `${Math.abs(by - ay)}px`;
}
