import { describe, expect, it } from 'vitest';
import { openingView, pageFailed, showPage } from '../../../renderer/reader/page-view.ts';

describe('showPage', () => {
  it('moves within the document', () => {
    expect(showPage(openingView, 5, 24)).toEqual({ page: 5, failed: false });
    expect(showPage(openingView, 0, 24)).toEqual({ page: 1, failed: false });
    expect(showPage(openingView, 99, 24)).toEqual({ page: 24, failed: false });
  });

  it('clears a failure when the page changes, by a turn or a jump alike', () => {
    const failedOnTwo = pageFailed(showPage(openingView, 2, 3), 2);
    expect(failedOnTwo.failed).toBe(true);
    expect(showPage(failedOnTwo, failedOnTwo.page + 1, 3)).toEqual({ page: 3, failed: false });
    expect(showPage(failedOnTwo, failedOnTwo.page - 1, 3)).toEqual({ page: 1, failed: false });
  });

  it('keeps the failure when the page stays, as at the end of the document', () => {
    const failedOnLast = pageFailed(showPage(openingView, 3, 3), 3);
    expect(showPage(failedOnLast, failedOnLast.page + 1, 3)).toBe(failedOnLast);
  });
});

describe('pageFailed', () => {
  it('ignores a failure of a page already turned away from', () => {
    const onThree = showPage(openingView, 3, 3);
    expect(pageFailed(onThree, 2)).toBe(onThree);
  });
});
