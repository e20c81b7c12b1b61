/** Shuffled orders are permutations fixed by the seed; scrambled orders never read as the right order. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { seededRandom } from '../../../../renderer/quiz/engine/seeded-random.ts';
import { scrambledOrder, shuffledOrder } from '../../../../renderer/quiz/engine/shuffle.ts';

const identity = (n: number) => Array.from({ length: n }, (_, index) => index);
const sorted = (order: number[]) => [...order].sort((a, b) => a - b);

describe('shuffled order', () => {
  test('is a permutation, and the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.maxSafeInteger(), (length, seed) => {
        const order = shuffledOrder(length, seededRandom(seed, 'questions'));
        expect(sorted(order)).toEqual(identity(length));
        expect(shuffledOrder(length, seededRandom(seed, 'questions'))).toEqual(order);
      }),
      { numRuns: 200 },
    );
  });

  test('every order of three is about as likely', () => {
    const random = seededRandom(7, 'uniform');
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = shuffledOrder(3, random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});

describe('scrambled order', () => {
  test('with two or more distinct labels, is a permutation that does not read as the right order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 10 }),
        fc.maxSafeInteger(),
        (labels, seed) => {
          // Classes as the engine makes them: each label's first index.
          const classes = labels.map((label) => labels.indexOf(label));
          fc.pre(new Set(classes).size >= 2);
          const order = scrambledOrder(classes, seededRandom(seed, 'items'));
          expect(sorted(order)).toEqual(identity(classes.length));
          expect(order.map((index) => classes[index])).not.toEqual(classes);
          expect(scrambledOrder(classes, seededRandom(seed, 'items'))).toEqual(order);
        },
      ),
    );
  });

  test('two distinct items are always swapped', () => {
    for (let seed = 0; seed < 50; seed++) expect(scrambledOrder([0, 1], seededRandom(seed, 'two'))).toEqual([1, 0]);
  });

  test('swapping two labels that read the same is not scrambling', () => {
    // A, A, B: only B moving away from the end changes what the visitor sees.
    for (let seed = 0; seed < 50; seed++) {
      const order = scrambledOrder([0, 0, 2], seededRandom(seed, 'same'));
      expect(order[2]).not.toBe(2);
    }
  });

  test('labels that all read the same are any order, since every order is right', () => {
    expect(sorted(scrambledOrder([0, 0, 0], seededRandom(1, 'x')))).toEqual([0, 1, 2]);
    expect(scrambledOrder([0], seededRandom(1, 'x'))).toEqual([0]);
  });

  test('is uniform over the orders that read differently', () => {
    const random = seededRandom(3, 'uniform');
    const counts = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const key = scrambledOrder([0, 1, 2], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['021', '102', '120', '201', '210']);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});
