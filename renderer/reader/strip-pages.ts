/**
 * Which pages the page strip holds: those near its centre page, several screenfuls to fling
 * through, so a document of thousands of pages costs the strip what a leaflet does.
 */
const stripReach = 30;

/** The pages the strip holds around `centre`, always `2 × stripReach + 1` of them when the document has as many. */
export function stripPages(centre: number, pageCount: number): number[] {
  const first = Math.max(1, Math.min(centre - stripReach, pageCount - 2 * stripReach));
  const last = Math.min(pageCount, first + 2 * stripReach);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
