/**
 * Contest points, after Kahoot: a right answer is worth up to 1000, less the longer it took (half at the
 * deadline), times its credit; consecutive right answers add a bounded streak bonus.
 */

export const MAX_SPEED_POINTS = 1000;
/** The bonus each further right answer in a row adds: +100 for the second, +200 for the third… */
export const STREAK_STEP = 100;
/** Reached at the sixth right answer in a row, so a long quiz is not won by the streak alone. */
export const MAX_STREAK_BONUS = 500;

/**
 * round(1000 × (1 − t / 2T) × credit) for an answer after `elapsedMs` of `limitMs`; 0 past the deadline.
 * Never increases with time, so a faster answer never earns less.
 */
export function speedPoints(credit: number, elapsedMs: number, limitMs: number): number {
  const t = Math.max(0, elapsedMs);
  if (t > limitMs) return 0;
  return Math.round(MAX_SPEED_POINTS * (1 - t / (2 * limitMs)) * credit);
}

/**
 * The bonus for a right answer that makes `streak` right answers in a row (this one included). Only full
 * credit continues a streak: a partly right, wrong or timed-out answer ends it and earns no bonus.
 */
export function streakBonus(streak: number): number {
  return Math.min(MAX_STREAK_BONUS, STREAK_STEP * Math.max(0, streak - 1));
}

/** The most an attempt of `questionCount` questions can score: every answer right and instant. */
export function maxContestScore(questionCount: number): number {
  let total = 0;
  for (let streak = 1; streak <= questionCount; streak++) total += MAX_SPEED_POINTS + streakBonus(streak);
  return total;
}
