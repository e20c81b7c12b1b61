/**
 * Reads the reader's touch and pointer gestures: a swipe or an edge tap turns the page, a double
 * tap zooms in or back, two fingers pinch-zoom, and one finger pans a zoomed page.
 * The classification is pure so it is tested without a screen.
 */

export interface Release {
  /** Movement from press to release, in CSS pixels. */
  dx: number;
  dy: number;
  /** Press to release, in milliseconds. */
  ms: number;
  /** Where the press was, as a share of the surface's width (0 left … 1 right). */
  at: number;
  /** A zoomed page pans instead of turning. */
  zoomed: boolean;
}

export type Gesture = 'next' | 'previous' | 'tap-middle' | 'none';

const swipeDistance = 60;
const swipeMs = 800;
const tapSlop = 12;
const tapMs = 500;
/** The outer share of the page on each side where a tap turns the page. */
const edgeZone = 0.3;

/** Left-to-right reading order: swiping left or tapping the right edge goes forward. */
export function classifyRelease(release: Release): Gesture {
  const { dx, dy, ms, at, zoomed } = release;
  const distance = Math.hypot(dx, dy);
  if (distance <= tapSlop && ms <= tapMs) {
    if (zoomed) return 'tap-middle';
    if (at < edgeZone) return 'previous';
    if (at > 1 - edgeZone) return 'next';
    return 'tap-middle';
  }
  if (!zoomed && ms <= swipeMs && Math.abs(dx) >= swipeDistance && Math.abs(dx) > 1.5 * Math.abs(dy)) {
    return dx < 0 ? 'next' : 'previous';
  }
  return 'none';
}

const doubleTapMs = 350;
const doubleTapSlop = 40;

/** Remembers the last middle tap, so a second one close in time and place is a double tap. */
export class DoubleTapDetector {
  #last: { x: number; y: number; time: number } | undefined;

  /** Records a tap; true when it completes a double tap. */
  tap(x: number, y: number, time: number): boolean {
    const last = this.#last;
    if (last && time - last.time <= doubleTapMs && Math.hypot(x - last.x, y - last.y) <= doubleTapSlop) {
      this.#last = undefined;
      return true;
    }
    this.#last = { x, y, time };
    return false;
  }
}

/** The zoom a pinch asks for: the start zoom times how far the fingers spread, within limits. */
export function pinchZoom(
  startZoom: number,
  startDistance: number,
  distance: number,
  min: number,
  max: number,
): number {
  if (startDistance <= 0) return startZoom;
  return Math.min(max, Math.max(min, (startZoom * distance) / startDistance));
}
