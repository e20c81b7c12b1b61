/** The supervisor's waits between restarts: none after a lone crash, doubling in a crash loop, capped, reset by a healthy run. */
import { describe, expect, it } from 'vitest';
import { restartBackoff } from '../../../../main/host/browser/restart-backoff.ts';

const options = { firstMs: 250, maxMs: 30_000, healthyAfterMs: 60_000 };

describe('restartBackoff', () => {
  it('starts again at once after a crash of a server that ran well', () => {
    const backoff = restartBackoff(options);
    expect(backoff.afterExit(0, 3_600_000)).toBe(0);
    expect(backoff.afterExit(3_600_000, 7_200_000)).toBe(0);
  });

  it('starts a first crash soon after start at once, then doubles the wait while crashes follow each other', () => {
    const backoff = restartBackoff(options);
    const waits: number[] = [];
    let now = 0;
    for (let crash = 0; crash < 10; crash++) {
      const startedAt = now;
      now += 1_000;
      const wait = backoff.afterExit(startedAt, now);
      waits.push(wait);
      now += wait;
    }
    expect(waits).toEqual([0, 250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('forgets a crash loop once a server has run for a minute', () => {
    const backoff = restartBackoff(options);
    for (let crash = 0; crash < 6; crash++) backoff.afterExit(crash * 1_000, crash * 1_000 + 500);
    expect(backoff.afterExit(10_000, 10_000 + 60_000)).toBe(0);
    expect(backoff.afterExit(80_000, 81_000)).toBe(0);
    expect(backoff.afterExit(81_000, 82_000)).toBe(250);
  });
});
