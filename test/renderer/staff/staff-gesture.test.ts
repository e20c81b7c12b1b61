import { expect, test } from 'vitest';
import { addCornerTap, cornerSize, inStaffCorner } from '../../../renderer/staff/staff-gesture.ts';

const tapsAt = (times: number[]) => {
  let taps: number[] = [];
  const completions: number[] = [];
  for (const at of times) {
    const next = addCornerTap(taps, at);
    taps = next.taps;
    if (next.complete) completions.push(at);
  }
  return completions;
};

test('five taps within three seconds complete the gesture, and the count starts again after it', () => {
  expect(tapsAt([0, 400, 800, 1200, 1600])).toEqual([1600]);
  expect(tapsAt([0, 400, 800, 1200, 1600, 2000, 2400, 2800, 3200, 3600])).toEqual([1600, 3600]);
});

test('taps spread over more than three seconds do not', () => {
  expect(tapsAt([0, 1000, 2000, 3000, 4000])).toEqual([]);
  // The oldest taps fall out of the window, so the gesture completes once five fit in it.
  expect(tapsAt([0, 1000, 2000, 3000, 4000, 4500, 4800])).toEqual([4800]);
});

test('only the bottom-left corner counts', () => {
  expect(inStaffCorner(10, 1070, 1080)).toBe(true);
  expect(inStaffCorner(cornerSize, 1080 - cornerSize, 1080)).toBe(true);
  expect(inStaffCorner(cornerSize + 1, 1070, 1080)).toBe(false);
  expect(inStaffCorner(10, 1080 - cornerSize - 1, 1080)).toBe(false);
});
