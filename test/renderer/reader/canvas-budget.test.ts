import { describe, expect, it } from 'vitest';
import { pagesAround, pagesToRelease } from '../../../renderer/reader/canvas-budget.ts';

describe('pagesAround', () => {
  it('orders the current page, then next, previous, and two away', () => {
    expect(pagesAround(5, 10)).toEqual([5, 6, 4, 7, 3]);
  });
  it('stays inside the document', () => {
    expect(pagesAround(1, 2)).toEqual([1, 2]);
    expect(pagesAround(10, 10)).toEqual([10, 9, 8]);
  });
});

describe('pagesToRelease', () => {
  const held = [1, 2, 3, 4, 5, 6, 7].map((page) => ({ page, pixels: 100 }));

  it('releases nothing within the cap and the reach', () => {
    expect(pagesToRelease(held, 4, 700)).toEqual([]);
  });
  it('releases the farthest pages first until the total fits', () => {
    expect(pagesToRelease(held, 4, 500)).toEqual([7, 1]);
    expect(pagesToRelease(held, 4, 300, 1)).toEqual([7, 1, 6, 2]);
  });
  it('releases pages out of reach even within the cap', () => {
    expect(pagesToRelease(held, 1, 10_000)).toEqual([7, 6, 5]);
    expect(pagesToRelease(held, 1, 10_000, 1)).toEqual([7, 6, 5, 4, 3]);
  });
  it('never releases the page on screen, even alone over the cap', () => {
    expect(pagesToRelease([{ page: 3, pixels: 1000 }], 3, 10)).toEqual([]);
  });
});
