import { describe, expect, it } from 'vitest';
import { createCrashCounter, watchRenderer } from '../../../../main/host/electron/crash-recovery.ts';
import { FakeWebContents } from './fake-electron.ts';

const policy = { maxCrashes: 4, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 3_000 };

describe('createCrashCounter', () => {
  it('backs off, then gives up after too many crashes in the window', () => {
    const counter = createCrashCounter(policy);
    expect(counter.record(0)).toEqual({ action: 'reload', delayMs: 1_000 });
    expect(counter.record(5_000)).toEqual({ action: 'reload', delayMs: 2_000 });
    expect(counter.record(10_000)).toEqual({ action: 'reload', delayMs: 3_000 });
    expect(counter.record(15_000)).toEqual({ action: 'give-up', crashes: 4 });
  });

  it('forgets crashes older than the window', () => {
    const counter = createCrashCounter(policy);
    counter.record(0);
    counter.record(1_000);
    counter.record(2_000);
    expect(counter.record(62_500)).toEqual({ action: 'reload', delayMs: 1_000 });
  });
});

function watched() {
  const contents = new FakeWebContents();
  const timers: { run: () => void; delayMs: number }[] = [];
  let clock = 0;
  let gaveUp = 0;
  watchRenderer(contents.asElectron(), {
    policy,
    giveUp: () => void gaveUp++,
    now: () => clock,
    setTimer: (run, delayMs) => timers.push({ run, delayMs }),
  });
  const crash = (at: number) => {
    clock = at;
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  };
  return { contents, timers, crash, gaveUp: () => gaveUp };
}

describe('watchRenderer', () => {
  it('reloads a crashed page after the back-off delay', () => {
    const { contents, timers, crash } = watched();
    crash(0);
    expect(contents.reloads).toBe(0);
    expect(timers.map((timer) => timer.delayMs)).toEqual([1_000]);
    timers[0]!.run();
    expect(contents.reloads).toBe(1);
  });

  it('shows the error page instead of looping, and stays there', () => {
    const { timers, crash, gaveUp } = watched();
    for (const at of [0, 1_000, 2_000, 3_000, 4_000, 5_000]) crash(at);
    expect(timers).toHaveLength(3);
    expect(gaveUp()).toBe(1);
  });

  it('ends a hung renderer so that its crash reloads it', () => {
    const { contents, timers } = watched();
    contents.emit('unresponsive');
    expect(contents.crashesForced).toBe(1);
    expect(timers).toHaveLength(0);
  });

  it('does not reload a window that is gone', () => {
    const { contents, timers, crash } = watched();
    crash(0);
    contents.destroyed = true;
    timers[0]!.run();
    expect(contents.reloads).toBe(0);
  });
});
