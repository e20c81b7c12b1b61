import { describe, expect, it } from 'vitest';
import { Slug } from '../../../preload/contract/schemas.ts';
import { slugify, uniqueSlug } from '../../../renderer/staff/contest-ids.ts';

describe('contest and team ids', () => {
  it('makes a slug of Latin letters and digits, accents dropped', () => {
    expect(slugify('Science week 2027!')).toBe('science-week-2027');
    expect(slugify('  Ödön’s Café — Team B ')).toBe('odon-s-cafe-team-b');
    expect(slugify('---')).toBe('');
  });

  it('gives no slug for Hangul, Han or Mongolian titles, which take the numbered fallback', () => {
    expect(slugify('과학 주간')).toBe('');
    expect(uniqueSlug('科学周', new Set(), 'contest')).toBe('contest');
    expect(uniqueSlug('Шинжлэх ухаан', new Set(['contest']), 'contest')).toBe('contest-2');
  });

  it('numbers a slug that is taken', () => {
    expect(uniqueSlug('Owls', new Set(['owls', 'owls-2']), 'team')).toBe('owls-3');
  });

  it('always gives an id the contract accepts, within its length', () => {
    for (const text of ['A'.repeat(200), '9 lives', 'é', '-x-', `${'ab '.repeat(30)}`]) {
      const id = uniqueSlug(text, new Set([slugify(text)]), 'team');
      expect(Slug.safeParse(id).success, `${text} → ${id}`).toBe(true);
    }
  });
});
