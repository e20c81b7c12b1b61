import { describe, expect, it } from 'vitest';
import {
  cssScale,
  deviceScale,
  doubleTapZoom,
  fitPage,
  maxCanvasPixels,
  maxZoomFactor,
  pinchedZoom,
  sameZoom,
  stepZoom,
  zoomFactor,
  zoomPresets,
  type Zoom,
} from '../../../renderer/reader/zoom.ts';

const a4 = { width: 595, height: 842 };
const stage = { width: 1600, height: 900 };
const fitWidth: Zoom = { kind: 'fit-width' };
const factor = (value: number): Zoom => ({ kind: 'factor', factor: value });

describe('cssScale', () => {
  it('fits the whole page, the width, or a factor of the whole page', () => {
    expect(cssScale({ kind: 'fit-page' }, a4, stage)).toBeCloseTo(900 / 842);
    expect(cssScale({ kind: 'fit-width' }, a4, stage)).toBeCloseTo(1600 / 595);
    expect(cssScale({ kind: 'factor', factor: 2 }, a4, stage)).toBeCloseTo((2 * 900) / 842);
    expect(zoomFactor({ kind: 'fit-width' }, a4, stage)).toBeCloseTo(1600 / 595 / (900 / 842));
  });
});

describe('stepZoom', () => {
  const scale = (zoom: Zoom) => cssScale(zoom, a4, stage);

  it('from Fit width on a landscape stage, zooms in larger and out smaller', () => {
    // Fit width draws an A4 page at about 2.5 times the whole page here.
    const zoomedIn = stepZoom(fitWidth, 1, a4, stage);
    const zoomedOut = stepZoom(fitWidth, -1, a4, stage);
    expect(scale(zoomedIn)).toBeGreaterThan(scale(fitWidth));
    expect(scale(zoomedOut)).toBeLessThan(scale(fitWidth));
    expect(zoomedIn).toEqual(factor(3));
    expect(zoomedOut).toEqual(factor(2));
  });

  it('from every preset and any pinched factor, in is larger and out smaller, by a visible step', () => {
    for (const zoom of [...zoomPresets, factor(1.2), factor(2.3), factor(3.7)]) {
      expect(scale(stepZoom(zoom, 1, a4, stage))).toBeGreaterThan(scale(zoom) * 1.05);
      if (zoom.kind !== 'fit-page') expect(scale(stepZoom(zoom, -1, a4, stage))).toBeLessThan(scale(zoom) / 1.05);
    }
  });

  it('stops at the whole page and at the largest factor', () => {
    expect(stepZoom(fitPage, -1, a4, stage)).toEqual(fitPage);
    expect(stepZoom(factor(maxZoomFactor), 1, a4, stage)).toEqual(factor(maxZoomFactor));
    let zoom: Zoom = fitPage;
    for (let step = 0; step < 10; step++) zoom = stepZoom(zoom, 1, a4, stage);
    expect(zoom).toEqual(factor(maxZoomFactor));
    for (let step = 0; step < 10; step++) zoom = stepZoom(zoom, -1, a4, stage);
    expect(zoom).toEqual(fitPage);
  });

  it('steps back to where it started, from every stop', () => {
    for (const zoom of [...zoomPresets, factor(2.5), factor(3), factor(3.5)]) {
      const back = stepZoom(stepZoom(zoom, 1, a4, stage), -1, a4, stage);
      // 250 % is within a step of Fit width here, so Fit width takes its place.
      expect(back).toEqual(sameZoom(zoom, factor(2.5)) ? fitWidth : zoom);
    }
  });

  it('stops at Fit width on the way, unless it is the whole page already or past the largest factor', () => {
    expect(stepZoom(factor(2), 1, a4, stage)).toEqual(fitWidth);

    const wide = { width: 1600, height: 1300 };
    // Here Fit width is about 1.7 times the whole page.
    expect(stepZoom(factor(1.5), 1, a4, wide)).toEqual(fitWidth);
    expect(stepZoom(factor(2), -1, a4, wide)).toEqual(fitWidth);

    const portrait = { width: 900, height: 1600 };
    expect(stepZoom(factor(1.5), -1, a4, portrait)).toEqual(fitPage);
    expect(stepZoom(fitPage, 1, a4, portrait)).toEqual(factor(1.5));

    const banner = { width: 4000, height: 500 };
    expect(stepZoom(fitWidth, 1, a4, banner)).toEqual(fitWidth);
    expect(stepZoom(fitWidth, -1, a4, banner)).toEqual(factor(maxZoomFactor));
    expect(stepZoom(factor(maxZoomFactor), 1, a4, banner)).toEqual(factor(maxZoomFactor));
  });
});

describe('pinchedZoom and doubleTapZoom', () => {
  it('keeps a pinch within the limits, settling near the whole page on it', () => {
    expect(pinchedZoom(2.5)).toEqual(factor(2.5));
    expect(pinchedZoom(9)).toEqual(factor(maxZoomFactor));
    expect(pinchedZoom(1.03)).toEqual(fitPage);
    expect(pinchedZoom(0.5)).toEqual(fitPage);
  });
  it('toggles between the whole page and 200 %', () => {
    expect(doubleTapZoom(1)).toEqual(factor(2));
    expect(doubleTapZoom(2.5)).toEqual(fitPage);
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
