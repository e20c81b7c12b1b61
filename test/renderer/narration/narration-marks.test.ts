/** Following a narration through its pages: which page is read when, where a page starts, which narration goes with a PDF. */
import { describe, expect, it } from 'vitest';
import type { ItemDetail, ItemFile } from '../../../preload/contract/catalog.ts';
import { narrationFor, pageAt, startOf } from '../../../renderer/narration/narration-marks.ts';

const starts = [0, 4.5, 9, 20];

describe('pageAt', () => {
  it.each([
    [0, 1],
    [4.499, 1],
    [4.5, 2],
    [8.9, 2],
    [9, 3],
    [19.99, 3],
    [20, 4],
    // Past the last mark the last page is still being read.
    [500, 4],
    // Before the start (a seek to -1 is clamped by the element, but the marks do not rely on it).
    [-1, 1],
  ])('at %s s reads page %i', (seconds, page) => {
    expect(pageAt(starts, seconds)).toBe(page);
  });

  it('reads page 1 of a one-page narration throughout', () => {
    expect(pageAt([0], 1000)).toBe(1);
  });
});

describe('startOf', () => {
  it('gives the second a page starts at, and nothing for a page the narration does not read', () => {
    expect(startOf(starts, 1)).toBe(0);
    expect(startOf(starts, 3)).toBe(9);
    expect(startOf(starts, 5)).toBeUndefined();
    expect(startOf(starts, 0)).toBeUndefined();
    expect(startOf(starts, 1.5)).toBeUndefined();
  });

  it('round-trips with pageAt for every page', () => {
    starts.forEach((_, index) => expect(pageAt(starts, startOf(starts, index + 1)!)).toBe(index + 1));
  });
});

describe('narrationFor', () => {
  const file = (role: ItemFile['role'], language: ItemFile['language'], extra: Partial<ItemFile> = {}): ItemFile => ({
    role,
    hash: 'a'.repeat(64),
    size: 1,
    mediaType: role === 'main' ? 'application/pdf' : 'audio/ogg',
    url: `/content/${role}-${language ?? 'none'}`,
    ...(language ? { language } : {}),
    ...extra,
  });
  const item = (files: ItemFile[], language: ItemDetail['language'] = 'en') =>
    ({ language, files }) as unknown as ItemDetail;

  it('takes the narration in the language of the PDF on screen', () => {
    const files = [
      file('main', 'ko'),
      file('narration', 'en', { pageStarts: [0, 3] }),
      file('narration', 'ko', { pageStarts: [0, 5] }),
    ];
    expect(narrationFor(item(files), files[0])).toEqual({
      src: '/content/narration-ko',
      language: 'ko',
      pageStarts: [0, 5],
    });
  });

  it('gives none when the PDF’s language has no narration: no English voice over a Korean page', () => {
    const files = [file('main', 'ko'), file('narration', 'en', { pageStarts: [0] })];
    expect(narrationFor(item(files), files[0])).toBeUndefined();
    expect(narrationFor(item(files), undefined)).toBeUndefined();
  });

  it('takes the item’s language for a PDF without one', () => {
    const files = [file('main', undefined), file('narration', 'zh', { pageStarts: [0] })];
    expect(narrationFor(item(files, 'zh'), files[0])?.language).toBe('zh');
  });
});
