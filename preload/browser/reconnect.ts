/**
 * The browser page's way back to a host that went away (its server restarted): one probe at a time,
 * waiting longer after each miss, never more often than every few seconds once it has been a while,
 * until the host answers this page's session again. Effects are passed in, so the logic is tested in Node.
 */

export type ConnectionState = 'connected' | 'reconnecting';

export interface ReconnectOptions {
  /** Asks the host whether it answers this page's session again. */
  probe(): Promise<boolean>;
  sleep(ms: number): Promise<void>;
  onChange(state: ConnectionState): void;
  /** 0 ≤ random() < 1; spreads the waits a little. */
  random?: () => number;
}

export interface Reconnector {
  readonly state: ConnectionState;
  /** The host could not be reached: starts probing, unless a probe loop runs already. */
  lost(): void;
}

/** The first wait, the longest, and how much each may be shortened at random (a fraction). */
export const reconnectTiming = { firstMs: 500, maxMs: 5_000, jitter: 0.2 } as const;

/** The wait before probe number `attempt` (0 first): doubling from `firstMs`, never above `maxMs`. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const full = Math.min(reconnectTiming.maxMs, reconnectTiming.firstMs * 2 ** Math.min(attempt, 16));
  return Math.round(full * (1 - reconnectTiming.jitter * random()));
}

export function createReconnector(options: ReconnectOptions): Reconnector {
  let state: ConnectionState = 'connected';
  const loop = async () => {
    for (let attempt = 0; ; attempt++) {
      await options.sleep(reconnectDelayMs(attempt, options.random));
      let answered = false;
      try {
        answered = await options.probe();
      } catch {
        // Still unreachable.
      }
      if (answered) break;
    }
    state = 'connected';
    options.onChange(state);
  };
  return {
    get state() {
      return state;
    },
    lost() {
      if (state === 'reconnecting') return;
      state = 'reconnecting';
      options.onChange(state);
      void loop();
    },
  };
}
