/**
 * Brings the kiosk page back when its renderer dies or hangs: reload after a growing pause, and
 * after too many crashes in a short time show a static error page instead of looping forever.
 */
import type { WebContents } from 'electron';

export interface CrashPolicyOptions {
  /** This many crashes inside `windowMs` mean reloading does not help. */
  maxCrashes: number;
  windowMs: number;
  /** The first reload waits this long; each further crash in the window doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultCrashPolicy: CrashPolicyOptions = {
  maxCrashes: 5,
  windowMs: 10 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

export type CrashDecision = { action: 'reload'; delayMs: number } | { action: 'give-up'; crashes: number };

/** Counts crashes in a sliding window and says what to do about the latest one. */
export function createCrashCounter(options: CrashPolicyOptions = defaultCrashPolicy) {
  let crashes: number[] = [];
  return {
    record(now: number): CrashDecision {
      crashes = [...crashes.filter((at) => now - at < options.windowMs), now];
      if (crashes.length >= options.maxCrashes) return { action: 'give-up', crashes: crashes.length };
      const delayMs = Math.min(options.baseDelayMs * 2 ** (crashes.length - 1), options.maxDelayMs);
      return { action: 'reload', delayMs };
    },
  };
}

export type RecoverableContents = Pick<WebContents, 'on' | 'reload' | 'forcefullyCrashRenderer' | 'isDestroyed'>;

export interface CrashRecoveryOptions {
  policy?: CrashPolicyOptions;
  /** Shows the static error page; called once the renderer keeps failing. */
  giveUp: () => void;
  log?: (message: string) => void;
  now?: () => number;
  setTimer?: (run: () => void, delayMs: number) => void;
}

export function watchRenderer(contents: RecoverableContents, options: CrashRecoveryOptions): void {
  const counter = createCrashCounter(options.policy);
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((run, delayMs) => void setTimeout(run, delayMs));
  const log = options.log ?? (() => undefined);
  let gaveUp = false;

  contents.on('render-process-gone', (_event, details) => {
    if (gaveUp) return;
    const decision = counter.record(now());
    log(`kiosk page renderer gone (${details.reason}, exit ${details.exitCode}): ${JSON.stringify(decision)}`);
    if (decision.action === 'give-up') {
      gaveUp = true;
      options.giveUp();
      return;
    }
    setTimer(() => {
      if (!contents.isDestroyed()) contents.reload();
    }, decision.delayMs);
  });
  // A hung page is ended; its 'render-process-gone' then counts and reloads it like any crash.
  contents.on('unresponsive', () => {
    if (gaveUp) return;
    log('kiosk page unresponsive: ending its renderer');
    contents.forcefullyCrashRenderer();
  });
}
