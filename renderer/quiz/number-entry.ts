/**
 * What the number pad has typed, as text the engine's `parseNumber` reads: digits, one decimal point, a
 * leading minus that the minus key turns on and off, and backspace.
 */

export type PadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '.' | 'minus' | 'backspace';

/** Digits and point, the minus not counted: more than any quiz answer needs, fewer than a line can show. */
export const MAX_NUMBER_LENGTH = 12;

export function pressPad(text: string, key: PadKey): string {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  switch (key) {
    case 'minus':
      return negative ? digits : `-${digits}`;
    case 'backspace':
      return text.slice(0, -1);
    case '.':
      if (digits.includes('.') || digits.length >= MAX_NUMBER_LENGTH) return text;
      // "0.5" rather than ".5": what people write, and what they read back.
      return `${text}${digits === '' ? '0' : ''}.`;
    default:
      if (digits.length >= MAX_NUMBER_LENGTH) return text;
      // A leading zero gives way to the next digit, so "07" cannot be typed.
      return digits === '0' ? `${negative ? '-' : ''}${key}` : `${text}${key}`;
  }
}

/** The text as shown: a true minus sign, not a hyphen. */
export function shownNumber(text: string): string {
  return text.replace('-', '\u2212');
}
