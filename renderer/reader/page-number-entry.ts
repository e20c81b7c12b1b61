/**
 * What the go-to-page pad holds: the digits typed so far, kept to the number of digits the
 * document's last page has, and whether they name a page to go to. Pure, so it is tested alone.
 */

export type PadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'delete';

/** `digits` after `key`: a digit is added while it fits, a leading zero never is. */
export function typeKey(digits: string, key: PadKey, pageCount: number): string {
  if (key === 'delete') return digits.slice(0, -1);
  if (digits === '' && key === '0') return digits;
  return digits.length < String(pageCount).length ? digits + key : digits;
}

/** The page `digits` name, or undefined when they name none of the document's pages. */
export function chosenPage(digits: string, pageCount: number): number | undefined {
  const page = Number(digits);
  return digits !== '' && page >= 1 && page <= pageCount ? page : undefined;
}
