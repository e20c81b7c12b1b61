/**
 * The orders an attempt shows things in. An order lists key indices (indices into the quiz's own lists) by
 * position on screen, so `order[position]` is what is shown there and an answer is always given in key indices.
 */
import { randomBelow, type Random } from './seeded-random.ts';

/** A uniformly random order of `length` items (Fisher–Yates). */
export function shuffledOrder(length: number, random: Random): number[] {
  const order = Array.from({ length }, (_, index) => index);
  for (let i = length - 1; i > 0; i--) {
    const j = randomBelow(random, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * A random order that does not read as the right one, for items the visitor must put in order. `classes[i]`
 * names item i's label (equal for items that read the same), so swapping two identical labels does not count as
 * scrambling. Uniform over the orders that read differently; when all labels read the same, any order is right.
 */
export function scrambledOrder(classes: readonly number[], random: Random): number[] {
  if (new Set(classes).size < 2) return shuffledOrder(classes.length, random);
  // With two distinct labels at least, at most half of all orders read as the right one, so this ends after
  // two draws on average.
  for (;;) {
    const order = shuffledOrder(classes.length, random);
    if (order.some((index, position) => classes[index] !== classes[position])) return order;
  }
}
