/**
 * The hidden way into staff mode: five taps in the bottom-left corner within three seconds. Hidden so
 * visitors do not wander in (the PIN still guards it), in a corner screens leave empty, and five quick
 * taps because no visitor taps an empty corner that way by chance.
 */
export const gestureTaps = 5;
export const gestureWindowMs = 3000;
/** How far from the corner, in CSS pixels, a tap still counts: a fingertip's width, about. */
export const cornerSize = 96;

export function inStaffCorner(x: number, y: number, viewportHeight: number): boolean {
  return x <= cornerSize && y >= viewportHeight - cornerSize;
}

/** The taps still worth remembering after one at `now`, and whether they complete the gesture. */
export function addCornerTap(taps: readonly number[], now: number): { taps: number[]; complete: boolean } {
  const recent = [...taps.filter((at) => now - at < gestureWindowMs && at <= now), now];
  return recent.length >= gestureTaps ? { taps: [], complete: true } : { taps: recent, complete: false };
}
