/** Video time labels and the ±10 s jumps. */
import { describe, expect, it } from 'vitest';
import { formatTime, seekTarget } from '../../../renderer/video/video-time.ts';

describe('video time', () => {
  it('reads as m:ss, or h:mm:ss past an hour', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(65.9)).toBe('1:05');
    expect(formatTime(3725)).toBe('1:02:05');
    expect(formatTime(Number.NaN)).toBe('0:00');
  });

  it('jumps stay between the start and the end', () => {
    expect(seekTarget(5, -10, 60)).toBe(0);
    expect(seekTarget(55, 10, 60)).toBe(60);
    expect(seekTarget(20, 10, 60)).toBe(30);
    expect(seekTarget(20, 10, Number.NaN)).toBe(20);
  });
});
