/**
 * The order find reads a document in: from the page on screen to the end, then from the first
 * page back to it, so the first match shown is the next one the visitor would come to.
 */
export function* searchOrder(fromPage: number, pageCount: number): Generator<number> {
  const start = Math.min(Math.max(1, fromPage), pageCount);
  for (let page = start; page <= pageCount; page++) yield page;
  for (let page = 1; page < start; page++) yield page;
}
