import { describe, expect, it } from 'vitest';
import { searchOrder } from '../../../renderer/reader/find-order.ts';

describe('searchOrder', () => {
  it('reads from the page on screen to the end, then from the first page back to it', () => {
    expect([...searchOrder(4, 6)]).toEqual([4, 5, 6, 1, 2, 3]);
  });
  it('reads every page once from the first or the last', () => {
    expect([...searchOrder(1, 3)]).toEqual([1, 2, 3]);
    expect([...searchOrder(3, 3)]).toEqual([3, 1, 2]);
  });
  it('keeps a start outside the document within it', () => {
    expect([...searchOrder(0, 2)]).toEqual([1, 2]);
    expect([...searchOrder(9, 2)]).toEqual([2, 1]);
  });
});
