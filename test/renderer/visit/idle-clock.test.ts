/** The idle clock: quiet, then a countdown, then the end of the visit. */
import { describe, expect, it } from 'vitest';
import { countdownSeconds, idlePhase } from '../../../renderer/visit/idle-clock.ts';

describe('idle clock', () => {
  it('warns after the idle time with a countdown of 20 s at the default setting', () => {
    expect(countdownSeconds(120)).toBe(20);
    expect(idlePhase(119_999, 120)).toEqual({ state: 'active' });
    expect(idlePhase(120_000, 120)).toEqual({ state: 'warning', secondsLeft: 20 });
    expect(idlePhase(139_001, 120)).toEqual({ state: 'warning', secondsLeft: 1 });
    expect(idlePhase(140_000, 120)).toEqual({ state: 'over' });
  });

  it('keeps a short setting usable: at least 3 s to answer', () => {
    expect(countdownSeconds(2)).toBe(3);
    expect(idlePhase(2_500, 2)).toEqual({ state: 'warning', secondsLeft: 3 });
    expect(idlePhase(5_000, 2)).toEqual({ state: 'over' });
  });

  it('never warns for longer than 20 s', () => {
    expect(countdownSeconds(3600)).toBe(20);
    expect(countdownSeconds(60)).toBe(10);
  });
});
