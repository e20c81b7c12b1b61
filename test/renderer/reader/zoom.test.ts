import { describe, expect, it } from 'vitest';
import { cssScale, deviceScale, maxCanvasPixels, zoomFactor } from '../../../renderer/reader/zoom.ts';

const a4 = { width: 595, height: 842 };
const stage = { width: 1600, height: 900 };

describe('cssScale', () => {
  it('fits the whole page, the width, or a factor of the whole page', () => {
    expect(cssScale({ kind: 'fit-page' }, a4, stage)).toBeCloseTo(900 / 842);
    expect(cssScale({ kind: 'fit-width' }, a4, stage)).toBeCloseTo(1600 / 595);
    expect(cssScale({ kind: 'factor', factor: 2 }, a4, stage)).toBeCloseTo((2 * 900) / 842);
    expect(zoomFactor({ kind: 'fit-width' }, a4, stage)).toBeCloseTo(1600 / 595 / (900 / 842));
  });
});

describe('deviceScale', () => {
  it('multiplies by the device pixel ratio', () => {
    expect(deviceScale(1, 2, a4)).toBe(2);
  });
  it('caps one canvas at the pixel limit', () => {
    const scale = deviceScale(10, 2, a4);
    expect(a4.width * scale * a4.height * scale).toBeCloseTo(maxCanvasPixels, -2);
  });
});
