/**
 * Deterministic pseudo-random numbers from a seed: an attempt's question and answer order is a function of its
 * seed, so tests replay it and nothing in the engine reads a global source of randomness. Not for secrets.
 */

/** Numbers in [0, 1), like Math.random, from one seeded stream. */
export type Random = () => number;

/**
 * The stream named `stream` of `seed`. Each question draws its answer order from its own stream (named by its
 * id), so the order a question shows does not depend on which other questions the attempt picked.
 */
export function seededRandom(seed: number, stream: string): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`a seed is a safe integer, not ${seed}`);
  let state = hash(`${seed}:${stream}`);
  // mulberry32: a full 2^32 period and good equidistribution for a few lines, which is all shuffling needs.
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomBelow(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** FNV-1a, then murmur3's finaliser so that seeds differing in one bit give unrelated streams. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
