/** The page's way back to its host: bounded, doubling waits, one probe at a time, told once each way. */
import { describe, expect, it } from 'vitest';
import {
  createReconnector,
  reconnectDelayMs,
  reconnectTiming,
  type ConnectionState,
} from '../../../preload/browser/reconnect.ts';

describe('reconnectDelayMs', () => {
  it('doubles from half a second and never waits more than five', () => {
    const waits = Array.from({ length: 8 }, (_, attempt) => reconnectDelayMs(attempt, () => 0));
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000, 5_000]);
    expect(reconnectDelayMs(10_000, () => 0)).toBe(reconnectTiming.maxMs);
  });

  it('shortens a wait by at most a fifth at random, and never below 400 ms', () => {
    expect(reconnectDelayMs(0, () => 0.999_999)).toBe(400);
    expect(reconnectDelayMs(5, () => 0.5)).toBe(4_500);
  });
});

/** A reconnector whose sleeps are recorded and end at once, and whose probe answers from a script. */
function scripted(answers: (boolean | 'throws')[]) {
  const sleeps: number[] = [];
  const changes: ConnectionState[] = [];
  let probes = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const reconnector = createReconnector({
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    probe: async () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      const answer = answers[probes++] ?? true;
      if (answer === 'throws') throw new TypeError('Failed to fetch');
      return answer;
    },
    onChange: (state) => {
      changes.push(state);
      if (state === 'connected') settle();
    },
    random: () => 0,
  });
  return { reconnector, sleeps, changes, settled, probes: () => probes, mostInFlight: () => mostInFlight };
}

describe('createReconnector', () => {
  it('probes with growing waits until the host answers, then says it is connected', async () => {
    const run = scripted([false, 'throws', false, false, false, true]);
    run.reconnector.lost();
    expect(run.reconnector.state).toBe('reconnecting');
    await run.settled;
    expect(run.sleeps).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(run.probes()).toBe(6);
    expect(run.changes).toEqual(['reconnecting', 'connected']);
    expect(run.reconnector.state).toBe('connected');
  });

  it('runs one probe loop however often the loss is reported', async () => {
    const run = scripted([false, false, true]);
    for (let report = 0; report < 20; report++) run.reconnector.lost();
    await run.settled;
    expect(run.probes()).toBe(3);
    expect(run.mostInFlight()).toBe(1);
    expect(run.changes).toEqual(['reconnecting', 'connected']);
  });

  it('starts over from the shortest wait after the next loss', async () => {
    const first = scripted([false, false, true, false, true]);
    first.reconnector.lost();
    await first.settled;
    const before = first.sleeps.length;
    let again!: () => void;
    const settledAgain = new Promise<void>((resolve) => (again = resolve));
    // The same reconnector, lost a second time.
    const watcher = setInterval(() => {
      if (first.changes.length === 4) again();
    }, 1);
    first.reconnector.lost();
    await settledAgain;
    clearInterval(watcher);
    expect(first.sleeps.slice(before)).toEqual([500, 1_000]);
    expect(first.changes).toEqual(['reconnecting', 'connected', 'reconnecting', 'connected']);
  });
});
