/** Sizes the way staff read them: in the screen's language, in the largest unit that keeps a small number. */
import type { Locale } from '../../preload/contract/schemas.ts';

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formatBytes(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // Intl knows Mongolian by language, not by script; both scripts write these numbers alike.
  const tag = locale.startsWith('mn') ? 'mn' : locale;
  return new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}
