/** Contest points: fast right answers earn most, never below 0 or above the maximum; streaks add a bounded bonus. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  MAX_SPEED_POINTS,
  MAX_STREAK_BONUS,
  maxContestScore,
  speedPoints,
  streakBonus,
} from '../../../../renderer/quiz/engine/contest-points.ts';

describe('speed points', () => {
  test('1000 for an instant right answer, 500 at the deadline, 0 after it', () => {
    expect(speedPoints(1, 0, 20_000)).toBe(1000);
    expect(speedPoints(1, 10_000, 20_000)).toBe(750);
    expect(speedPoints(1, 20_000, 20_000)).toBe(500);
    expect(speedPoints(1, 20_001, 20_000)).toBe(0);
  });

  test('scaled by credit and rounded', () => {
    expect(speedPoints(0.5, 0, 20_000)).toBe(500);
    expect(speedPoints(0, 0, 20_000)).toBe(0);
    expect(speedPoints(1 / 3, 0, 30_000)).toBe(333);
    expect(speedPoints(1, 1, 30_000)).toBe(1000);
    expect(speedPoints(1, 30, 30_000)).toBe(1000);
    expect(speedPoints(1, 31, 30_000)).toBe(999);
  });

  test('a clock that stepped back counts as an instant answer', () => {
    expect(speedPoints(1, -500, 20_000)).toBe(1000);
  });

  const limit = fc.integer({ min: 5_000, max: 600_000 });
  const credit = fc.double({ min: 0, max: 1, noNaN: true });

  test('always within [0, 1000]', () => {
    fc.assert(
      fc.property(credit, fc.integer({ min: -1_000, max: 700_000 }), limit, (c, t, T) => {
        const points = speedPoints(c, t, T);
        expect(Number.isInteger(points)).toBe(true);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(MAX_SPEED_POINTS);
      }),
    );
  });

  test('never more for a slower answer', () => {
    fc.assert(
      fc.property(credit, fc.nat(700_000), fc.nat(700_000), limit, (c, a, b, T) => {
        const [faster, slower] = a <= b ? [a, b] : [b, a];
        expect(speedPoints(c, slower, T)).toBeLessThanOrEqual(speedPoints(c, faster, T));
      }),
    );
  });

  test('never more for less credit', () => {
    fc.assert(
      fc.property(credit, credit, fc.nat(700_000), limit, (a, b, t, T) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(speedPoints(less, t, T)).toBeLessThanOrEqual(speedPoints(more, t, T));
      }),
    );
  });
});

describe('streak bonus', () => {
  test('nothing for the first right answer, 100 more for each further one, at most 500', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(streakBonus)).toEqual([0, 0, 100, 200, 300, 400, 500, 500, 500]);
  });

  test('the most an attempt can score', () => {
    expect(maxContestScore(1)).toBe(1000);
    expect(maxContestScore(3)).toBe(3000 + 100 + 200);
    expect(maxContestScore(8)).toBe(8000 + 100 + 200 + 300 + 400 + 500 + 500 + 500);
  });

  test('every answer is worth at most 1500', () => {
    fc.assert(
      fc.property(fc.nat(1_000), (streak) => {
        expect(streakBonus(streak)).toBeLessThanOrEqual(MAX_STREAK_BONUS);
        expect(maxContestScore(streak + 1) - maxContestScore(streak)).toBeLessThanOrEqual(1500);
      }),
    );
  });
});
