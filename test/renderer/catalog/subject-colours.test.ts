/** Subject colours: stable, and readable with white text on them (WCAG AA). */
import { describe, expect, it } from 'vitest';
import { contrastRatio, subjectColour } from '../../../renderer/catalog/subject-colours.ts';

describe('subjectColour', () => {
  it('gives every subject, known or new, a colour white text reads on at 4.5:1 or better', () => {
    const subjects = ['agriculture', 'health', 'energy', 'industry', 'astronomy', 'fishing', 'x', undefined];
    for (const subject of subjects)
      expect(contrastRatio(subjectColour(subject), '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('gives an unknown subject the same colour every time', () => {
    expect(subjectColour('astronomy')).toBe(subjectColour('astronomy'));
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
