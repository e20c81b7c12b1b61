/** "New" means added in the last seven days, and never in the future. */
import { describe, expect, it } from 'vitest';
import { isNew, newSince } from '../../../renderer/components/recency.ts';

describe('recency', () => {
  const now = new Date('2026-11-21T12:00:00Z');

  it('counts seven days back from now', () => {
    expect(newSince(now)).toBe('2026-11-14T12:00:00.000Z');
    expect(isNew('2026-11-15T00:00:00Z', now)).toBe(true);
    expect(isNew('2026-11-14T11:59:59Z', now)).toBe(false);
  });

  it('does not call a date in the future or a malformed date new', () => {
    expect(isNew('2026-12-01T00:00:00Z', now)).toBe(false);
    expect(isNew('soon', now)).toBe(false);
  });
});
