/** Seeded randomness: one seed and stream always give the same numbers, different ones different numbers. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { randomBelow, seededRandom } from '../../../../renderer/quiz/engine/seeded-random.ts';

const draw = (seed: number, stream: string, n = 8) => {
  const random = seededRandom(seed, stream);
  return Array.from({ length: n }, random);
};

describe('seeded random', () => {
  test('the same seed and stream give the same numbers, in [0, 1)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.string(), (seed, stream) => {
        const numbers = draw(seed, stream);
        expect(draw(seed, stream)).toEqual(numbers);
        expect(numbers.every((x) => x >= 0 && x < 1)).toBe(true);
      }),
    );
  });

  test('neighbouring seeds and other streams give unrelated numbers', () => {
    expect(draw(1, 'questions')).not.toEqual(draw(2, 'questions'));
    expect(draw(1, 'questions')).not.toEqual(draw(1, 'answers:planet'));
    expect(draw(Number.MAX_SAFE_INTEGER, 'x')).not.toEqual(draw(Number.MAX_SAFE_INTEGER - 1, 'x'));
  });

  test('numbers below n are spread evenly', () => {
    const random = seededRandom(42, 'spread');
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 50_000; i++) counts[randomBelow(random, 5)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  test('a seed that is not a safe integer is refused', () => {
    expect(() => seededRandom(1.5, 'x')).toThrow(RangeError);
    expect(() => seededRandom(Number.NaN, 'x')).toThrow(RangeError);
    expect(() => seededRandom(2 ** 53, 'x')).toThrow(RangeError);
  });
});
