import { describe, expect, it } from 'vitest';
import { classifyRelease, DoubleTapDetector, pinchZoom } from '../../../renderer/reader/gestures.ts';

const release = (dx: number, dy: number, ms: number, at: number, zoomed = false) => ({ dx, dy, ms, at, zoomed });

describe('classifyRelease', () => {
  it('turns forward on a left swipe and back on a right swipe', () => {
    expect(classifyRelease(release(-200, 10, 250, 0.5))).toBe('next');
    expect(classifyRelease(release(150, -20, 300, 0.5))).toBe('previous');
  });
  it('turns on taps at the edges and not in the middle', () => {
    expect(classifyRelease(release(2, 1, 80, 0.9))).toBe('next');
    expect(classifyRelease(release(0, 0, 80, 0.1))).toBe('previous');
    expect(classifyRelease(release(0, 0, 80, 0.5))).toBe('tap-middle');
  });
  it('ignores slow drags, vertical strokes and swipes on a zoomed page (they pan)', () => {
    expect(classifyRelease(release(-200, 0, 2000, 0.5))).toBe('none');
    expect(classifyRelease(release(-80, 200, 200, 0.5))).toBe('none');
    expect(classifyRelease(release(-200, 0, 200, 0.5, true))).toBe('none');
    expect(classifyRelease(release(0, 0, 80, 0.95, true))).toBe('tap-middle');
  });
});

describe('DoubleTapDetector', () => {
  it('recognises two taps close in time and place', () => {
    const detector = new DoubleTapDetector();
    expect(detector.tap(100, 100, 0)).toBe(false);
    expect(detector.tap(110, 105, 200)).toBe(true);
    expect(detector.tap(110, 105, 300)).toBe(false);
    expect(detector.tap(400, 105, 400)).toBe(false);
    expect(detector.tap(400, 105, 1000)).toBe(false);
  });
});

describe('pinchZoom', () => {
  it('scales with the spread of the fingers, within limits', () => {
    expect(pinchZoom(1, 100, 200, 1, 4)).toBe(2);
    expect(pinchZoom(2, 100, 50, 1, 4)).toBe(1);
    expect(pinchZoom(2, 100, 1000, 1, 4)).toBe(4);
  });
});
