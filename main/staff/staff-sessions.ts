/**
 * Which screens hold a staff session. A session belongs to one caller (an Electron window's web
 * contents, a browser host's signed-in page) and lapses after a spell without calls from it, so staff who
 * walk away leave no open door; the visit's idle reset ends it sooner.
 */
import type { Clock } from '../clock.ts';

export const defaultStaffIdleMs = 5 * 60_000;

export class StaffSessions {
  readonly #clock: Clock;
  readonly #idleMs: number;
  readonly #lastCall = new Map<string, number>();

  constructor(clock: Clock, idleMs = defaultStaffIdleMs) {
    this.#clock = clock;
    this.#idleMs = idleMs;
  }

  open(caller: string): void {
    this.#lastCall.set(caller, this.#clock.now().getTime());
  }

  /** True while `caller` holds a session that has not lapsed; a call through it counts as activity. */
  admits(caller: string): boolean {
    const last = this.#lastCall.get(caller);
    const now = this.#clock.now().getTime();
    // A clock set back counts as lapsed too: "now" before the last call cannot be trusted as recent.
    if (last === undefined || now - last > this.#idleMs || now < last) {
      this.#lastCall.delete(caller);
      return false;
    }
    this.#lastCall.set(caller, now);
    return true;
  }

  /** Whether `caller` holds a live session, without counting as activity. */
  holds(caller: string): boolean {
    const last = this.#lastCall.get(caller);
    const now = this.#clock.now().getTime();
    return last !== undefined && now >= last && now - last <= this.#idleMs;
  }

  end(caller: string): void {
    this.#lastCall.delete(caller);
  }
}
