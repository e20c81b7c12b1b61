/**
 * Where every service takes "now" from. The hosts pass the system clock; tests pass a fixed one or
 * one that starts at a chosen instant, so nothing the kiosk decides depends on the day a test runs.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Always the same instant: for unit tests that compare dates. */
export function fixedClock(at: Date): Clock {
  const time = at.getTime();
  return { now: () => new Date(time) };
}

/**
 * Starts at `start` and runs at real speed from there: a host started by an end-to-end test lives
 * on the test's date while timeouts and progress estimates still see time pass.
 */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
