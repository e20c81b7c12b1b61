/** The text-size steps: normal first, each step larger than the last, applied to and cleared from the root. */
import { describe, expect, it } from 'vitest';
import { applyTextSize, clearTextSize, textScale, textSizes } from '../../../renderer/visit/text-size.ts';

function fakeRoot() {
  const properties = new Map<string, string>();
  return {
    dataset: {} as Record<string, string>,
    style: {
      setProperty: (name: string, value: string) => properties.set(name, value),
      removeProperty: (name: string) => properties.delete(name),
    },
    properties,
  };
}

describe('text size', () => {
  it('starts at the normal size and grows with each step', () => {
    expect(textSizes[0]).toBe('normal');
    expect(textScale('normal')).toBe(1);
    const scales = textSizes.map(textScale);
    for (let step = 1; step < scales.length; step++) expect(scales[step]).toBeGreaterThan(scales[step - 1]!);
  });

  it('keeps the largest step within what the layouts are measured at', () => {
    expect(textScale('largest')).toBeLessThanOrEqual(1.4);
  });

  it('sets the root scale and clears it, leaving the stylesheet its default', () => {
    const root = fakeRoot();
    applyTextSize(root as unknown as HTMLElement, 'large');
    expect(root.dataset.textSize).toBe('large');
    expect(root.properties.get('--text-scale')).toBe('1.2');
    clearTextSize(root as unknown as HTMLElement);
    expect(root.dataset.textSize).toBeUndefined();
    expect(root.properties.has('--text-scale')).toBe(false);
  });
});
