/**
 * How large a page is drawn: the whole page, the page's width filling the screen, or a factor of
 * the whole-page size (presets for large print, any value from a pinch). Every zoom change the
 * reader makes (presets, + and -, double tap, pinch) is worked out here, against what is shown.
 */

export type Zoom = { kind: 'fit-page' } | { kind: 'fit-width' } | { kind: 'factor'; factor: number };

export const fitPage: Zoom = { kind: 'fit-page' };
export const minZoomFactor = 1;
export const maxZoomFactor = 4;
export const zoomPresets: readonly Zoom[] = [
  fitPage,
  { kind: 'fit-width' },
  { kind: 'factor', factor: 1.5 },
  { kind: 'factor', factor: 2 },
];

/** Where + and - stop: the presets, then half steps up to the largest factor. */
const zoomStops: readonly Zoom[] = [
  ...zoomPresets,
  ...[2.5, 3, 3.5, maxZoomFactor].map((factor): Zoom => ({ kind: 'factor', factor })),
];

/** A stop that draws the page within this ratio of its size now looks like no step at all, so it is passed over. */
const leastStep = 1.05;

export interface Size {
  width: number;
  height: number;
}

/** CSS pixels per PDF point for a page of `page` size (in points) on a stage of `stage` size. */
export function cssScale(zoom: Zoom, page: Size, stage: Size): number {
  const fitPage = Math.min(stage.width / page.width, stage.height / page.height);
  if (zoom.kind === 'fit-page') return fitPage;
  if (zoom.kind === 'fit-width') return stage.width / page.width;
  return fitPage * zoom.factor;
}

/** The zoom as a factor of the whole-page size, which pinching starts from. */
export function zoomFactor(zoom: Zoom, page: Size, stage: Size): number {
  if (zoom.kind === 'factor') return zoom.factor;
  return cssScale(zoom, page, stage) / cssScale(fitPage, page, stage);
}

export function sameZoom(a: Zoom, b: Zoom): boolean {
  return a.kind === b.kind && (a.kind !== 'factor' || (b.kind === 'factor' && Math.abs(a.factor - b.factor) < 0.01));
}

/**
 * One step in (`1`) or out (`-1`) from `zoom` as it is drawn now: the nearest stop that draws the
 * page larger, or smaller, so a step in and a step out lead back to the same stop. Fit width is a
 * stop only within the factor limits; past the last stop the zoom stays as it is.
 */
export function stepZoom(zoom: Zoom, direction: 1 | -1, page: Size, stage: Size): Zoom {
  const now = zoomFactor(zoom, page, stage);
  const stops: { stop: Zoom; factor: number }[] = [];
  for (const stop of zoomStops) {
    const factor = zoomFactor(stop, page, stage);
    // A step that lands next to a preset would be a step to nowhere; the preset, listed first, stays.
    const near = stops.some((kept) => Math.max(kept.factor, factor) < Math.min(kept.factor, factor) * leastStep);
    if (factor <= maxZoomFactor && !near) stops.push({ stop, factor });
  }
  const next = stops
    .filter(({ factor }) => (direction === 1 ? factor > now * leastStep : factor * leastStep < now))
    .sort((a, b) => direction * (a.factor - b.factor))[0];
  return next ? next.stop : zoom;
}

/** The zoom a pinch ending at `factor` settles on: within the limits, and the whole page when nearly there. */
export function pinchedZoom(factor: number): Zoom {
  const within = Math.min(maxZoomFactor, Math.max(minZoomFactor, factor));
  return within <= minZoomFactor * leastStep ? fitPage : { kind: 'factor', factor: within };
}

/** A double tap on a page drawn at `factor` of its whole-page size: back to the whole page, or in to 200 %. */
export function doubleTapZoom(factor: number): Zoom {
  return factor > minZoomFactor * leastStep ? fitPage : { kind: 'factor', factor: 2 };
}

/** Largest canvas drawn for one page, in device pixels: past this a zoomed page is drawn softer, not bigger. */
export const maxCanvasPixels = 16_000_000;

/** Device pixels per PDF point, lowered when the canvas would pass `maxCanvasPixels`. */
export function deviceScale(css: number, devicePixelRatio: number, page: Size): number {
  const wanted = css * devicePixelRatio;
  const pixels = page.width * wanted * page.height * wanted;
  return pixels <= maxCanvasPixels ? wanted : wanted * Math.sqrt(maxCanvasPixels / pixels);
}
