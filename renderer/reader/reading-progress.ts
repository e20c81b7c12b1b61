/** How far into a document a page is, in whole percent: the last page is 100, a page past the end too. */
export function readingProgress(page: number, pageCount: number): number {
  if (pageCount <= 0) return 0;
  return Math.round((Math.min(Math.max(page, 0), pageCount) / pageCount) * 100);
}
