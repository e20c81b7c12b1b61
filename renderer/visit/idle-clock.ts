/**
 * When an unattended visit warns and when it ends: after `idleSeconds` without a touch a
 * countdown appears, and when the countdown runs out the visit is over.
 */

export type IdlePhase = { state: 'active' } | { state: 'warning'; secondsLeft: number } | { state: 'over' };

/** Long enough to notice and answer, short enough that a walk-away screen clears soon; never over 20 s. */
export function countdownSeconds(idleSeconds: number): number {
  return Math.min(20, Math.max(3, Math.round(idleSeconds / 6)));
}

export function idlePhase(elapsedMs: number, idleSeconds: number): IdlePhase {
  const warnAt = idleSeconds * 1000;
  const endAt = warnAt + countdownSeconds(idleSeconds) * 1000;
  if (elapsedMs < warnAt) return { state: 'active' };
  if (elapsedMs >= endAt) return { state: 'over' };
  return { state: 'warning', secondsLeft: Math.ceil((endAt - elapsedMs) / 1000) };
}
