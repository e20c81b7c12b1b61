/** The reader's progress bar: the share of the document up to the page on screen. */
import { describe, expect, it } from 'vitest';
import { readingProgress } from '../../../renderer/reader/reading-progress.ts';

describe('reading progress', () => {
  it('counts the page on screen as read', () => {
    expect(readingProgress(1, 2)).toBe(50);
    expect(readingProgress(2, 2)).toBe(100);
    expect(readingProgress(1, 1)).toBe(100);
    expect(readingProgress(1, 3)).toBe(33);
  });

  it('stays within 0 and 100 for pages outside the document', () => {
    expect(readingProgress(5, 4)).toBe(100);
    expect(readingProgress(0, 4)).toBe(0);
    expect(readingProgress(1, 0)).toBe(0);
  });

  it('moves with every page of a long document', () => {
    const steps = Array.from({ length: 1400 }, (_, index) => readingProgress(index + 1, 1400));
    for (let page = 1; page < steps.length; page++) expect(steps[page]).toBeGreaterThanOrEqual(steps[page - 1]!);
  });
});
