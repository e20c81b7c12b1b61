/**
 * How long the supervisor waits before starting the server again after it stopped unasked: at once
 * after a lone crash, then twice as long after each crash that follows soon after the last, up to
 * half a minute, so a server that cannot start does not spin the machine's two cores.
 */

export interface RestartBackoff {
  /** The wait before the next start, given that the server stopped at `now` after starting at `startedAt`. */
  afterExit(startedAt: number, now: number): number;
}

export interface RestartBackoffOptions {
  /** The first wait after a crash that follows another (ms). */
  firstMs: number;
  maxMs: number;
  /** A server that ran this long before it stopped counts as having been well: the waits start over. */
  healthyAfterMs: number;
}

export const defaultRestartBackoff: RestartBackoffOptions = { firstMs: 250, maxMs: 30_000, healthyAfterMs: 60_000 };

export function restartBackoff(options: RestartBackoffOptions = defaultRestartBackoff): RestartBackoff {
  /** Crashes in a row, each within `healthyAfterMs` of its start. */
  let streak = 0;
  return {
    afterExit(startedAt, now) {
      streak = now - startedAt >= options.healthyAfterMs ? 0 : streak + 1;
      if (streak <= 1) return 0;
      return Math.min(options.maxMs, options.firstMs * 2 ** (streak - 2));
    },
  };
}
