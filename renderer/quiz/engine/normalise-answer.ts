/**
 * How typed answers are compared: the same word typed on any keyboard, in either case and in any Unicode form
 * of its letters compares equal, so a visitor is never marked wrong for how the screen's keyboard encoded it.
 */

/**
 * Characters that choose a glyph's shape or mark a break but are not letters: Mongolian variation selectors and
 * the vowel separator (a keyboard may or may not type them), zero-width spaces and joiners, soft hyphens.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const SPACES = /\s+/gu;
/** Sentence-ending punctuation in any script (. , ; : ! ? 。 ᠃ …) and spaces at the end of an answer. */
const TRAILING = /[\s\p{Terminal_Punctuation}]+$/u;

/**
 * The form compared: NFKC (full-width letters and digits become ordinary ones, decomposed Hangul syllables
 * compose), lower case (locale-free, so Cyrillic and Latin alike), invisible characters dropped, runs of spaces
 * made one and trimmed, and trailing sentence punctuation dropped ("Oxygen." is "oxygen"). Idempotent. An
 * answer that is only punctuation normalises to "", which matches nothing.
 */
export function normaliseAnswer(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(TRAILING, '')
    .trim();
}

const MONGOLIAN_DIGITS = /[\u1810-\u1819]/gu;
const MINUS_SIGN = /\u2212/gu;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A number typed by a visitor, or undefined when it is not one. Full-width and Mongolian digits count, the
 * minus sign (−) is a minus, spaces are ignored (1 000), and one comma may stand for the decimal point, as
 * Mongolian and Russian write it; a comma is never a thousands separator, so "1,5" is 1.5.
 */
export function parseNumber(text: string): number | undefined {
  let plain = text
    .normalize('NFKC')
    .replace(MONGOLIAN_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x1810))
    .replace(MINUS_SIGN, '-')
    .replace(SPACES, '');
  if (!plain.includes('.')) plain = plain.replace(',', '.');
  return NUMBER.test(plain) ? Number(plain) : undefined;
}
