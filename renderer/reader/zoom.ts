/**
 * How large a page is drawn: the whole page, the page's width filling the screen, or a factor of
 * the whole-page size (presets for large print, any value from a pinch).
 */

export type Zoom = { kind: 'fit-page' } | { kind: 'fit-width' } | { kind: 'factor'; factor: number };

export const minZoomFactor = 1;
export const maxZoomFactor = 4;
export const zoomPresets: readonly Zoom[] = [
  { kind: 'fit-page' },
  { kind: 'fit-width' },
  { kind: 'factor', factor: 1.5 },
  { kind: 'factor', factor: 2 },
];

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
  return cssScale(zoom, page, stage) / cssScale({ kind: 'fit-page' }, page, stage);
}

export function sameZoom(a: Zoom, b: Zoom): boolean {
  return a.kind === b.kind && (a.kind !== 'factor' || (b.kind === 'factor' && Math.abs(a.factor - b.factor) < 0.01));
}

/** Largest canvas drawn for one page, in device pixels: past this a zoomed page is drawn softer, not bigger. */
export const maxCanvasPixels = 16_000_000;

/** Device pixels per PDF point, lowered when the canvas would pass `maxCanvasPixels`. */
export function deviceScale(css: number, devicePixelRatio: number, page: Size): number {
  const wanted = css * devicePixelRatio;
  const pixels = page.width * wanted * page.height * wanted;
  return pixels <= maxCanvasPixels ? wanted : wanted * Math.sqrt(maxCanvasPixels / pixels);
}
