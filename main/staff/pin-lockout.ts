/**
 * How long the PIN pad stays locked after wrong PINs: a few mistakes are free (gloved fingers, a new
 * staff member), then each further wrong PIN doubles the wait, up to an hour. At that pace guessing a
 * six-digit PIN takes years, while a member of staff who mistypes waits seconds.
 */
export const freeAttempts = 5;
const firstLockMs = 30_000;
const longestLockMs = 60 * 60_000;

export interface PinAttempts {
  /** Wrong PINs in a row since the last right one. */
  failures: number;
  /** When the PIN pad opens again (ms since the epoch); 0 when it is open. */
  lockedUntil: number;
}

export const noAttempts: PinAttempts = { failures: 0, lockedUntil: 0 };

export function afterWrongPin(attempts: PinAttempts, now: number): PinAttempts {
  const failures = attempts.failures + 1;
  if (failures < freeAttempts) return { failures, lockedUntil: 0 };
  const lockMs = Math.min(longestLockMs, firstLockMs * 2 ** (failures - freeAttempts));
  return { failures, lockedUntil: now + lockMs };
}

/** Never more than the longest lock, so a clock set back after a lockout cannot lock the pad for days. */
export function lockedForSeconds(attempts: PinAttempts, now: number): number {
  return Math.max(0, Math.ceil(Math.min(attempts.lockedUntil - now, longestLockMs) / 1000));
}

export function attemptsLeft(attempts: PinAttempts): number {
  return Math.max(0, freeAttempts - 1 - attempts.failures);
}
