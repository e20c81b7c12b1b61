/**
 * Which page the reader shows and whether drawing it failed. Every page change (turns, jumps,
 * links, the page strip, find) goes through `showPage`, and a failure is recorded against the
 * page it happened on, so the page-error message never outlives its page.
 */

export interface PageView {
  page: number;
  failed: boolean;
}

export const openingView: PageView = { page: 1, failed: false };

/** `view` moved to page `target`, kept within 1…`pageCount`. Staying on the same page keeps its failure: it is not drawn again. */
export function showPage(view: PageView, target: number, pageCount: number): PageView {
  const page = Math.min(pageCount, Math.max(1, target));
  return page === view.page ? view : { page, failed: false };
}

/** `view` once page `page` failed to draw; a failure of a page already turned away from is ignored. */
export function pageFailed(view: PageView, page: number): PageView {
  return page === view.page && !view.failed ? { ...view, failed: true } : view;
}
