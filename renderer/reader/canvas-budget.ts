/**
 * Which pages the reader keeps drawn: the current page and its neighbours first, and a cap on the
 * total pixels of all page canvases so a long document never fills the kiosk's memory.
 */

/** Pages worth drawing ahead of a turn, nearest first: current, next, previous, then two away. */
export function pagesAround(current: number, count: number, reach = 2): number[] {
  const order = [current];
  for (let distance = 1; distance <= reach; distance++) order.push(current + distance, current - distance);
  return order.filter((page) => page >= 1 && page <= count);
}

export interface HeldCanvas {
  page: number;
  pixels: number;
}

/**
 * The pages whose canvases to release: every page more than `keep` pages from `current` (turning
 * there draws it anew anyway), then, farthest first, until the total is within `cap` pixels.
 * Never `current` itself: its canvas is on screen.
 */
export function pagesToRelease(held: readonly HeldCanvas[], current: number, cap: number, keep = 3): number[] {
  let total = held.reduce((sum, canvas) => sum + canvas.pixels, 0);
  const released: number[] = [];
  const farthestFirst = [...held]
    .filter((canvas) => canvas.page !== current)
    .sort((a, b) => Math.abs(b.page - current) - Math.abs(a.page - current) || b.page - a.page);
  for (const canvas of farthestFirst) {
    if (total <= cap && Math.abs(canvas.page - current) <= keep) break;
    released.push(canvas.page);
    total -= canvas.pixels;
  }
  return released;
}
