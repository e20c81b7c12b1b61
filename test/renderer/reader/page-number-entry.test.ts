import { describe, expect, it } from 'vitest';
import { chosenPage, typeKey } from '../../../renderer/reader/page-number-entry.ts';
import { stripPages } from '../../../renderer/reader/strip-pages.ts';

describe('the go-to-page pad', () => {
  it('takes as many digits as the last page has, and no leading zero', () => {
    let digits = '';
    for (const key of ['0', '2', '0', '0', '0', '7'] as const) digits = typeKey(digits, key, 2415);
    expect(digits).toBe('2000');
    expect(typeKey(digits, 'delete', 2415)).toBe('200');
    expect(typeKey('', 'delete', 2415)).toBe('');
  });
  it('names a page only within the document', () => {
    expect(chosenPage('2000', 2415)).toBe(2000);
    expect(chosenPage('2416', 2415)).toBeUndefined();
    expect(chosenPage('', 2415)).toBeUndefined();
  });
});

describe('stripPages', () => {
  it('holds 61 pages around the centre, shifted in at the ends', () => {
    expect(stripPages(2000, 2415)).toEqual(Array.from({ length: 61 }, (_, index) => 1970 + index));
    expect(stripPages(1, 2415)[0]).toBe(1);
    expect(stripPages(2415, 2415).at(-1)).toBe(2415);
    expect(stripPages(2415, 2415)).toHaveLength(61);
  });
  it('holds every page of a short document', () => {
    expect(stripPages(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});
