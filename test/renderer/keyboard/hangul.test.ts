/** Hangul 2-set composition: syllables form as the jamo are tapped, and backspace takes back one jamo. */
import { describe, expect, it } from 'vitest';
import { composeHangul, withoutTrailingJamo } from '../../../renderer/keyboard/hangul.ts';

const keys = (typed: string) => [...typed];
const compose = (typed: string) => composeHangul(keys(typed));

/** What the field shows after each keystroke, as a visitor would watch it. */
function progression(typed: string): string[] {
  const seen: string[] = [];
  for (let i = 1; i <= typed.length; i++) seen.push(composeHangul(keys(typed).slice(0, i)));
  return seen;
}

describe('composeHangul', () => {
  it('builds 태양 jamo by jamo, the final ㅇ moving nowhere until a vowel follows', () => {
    expect(progression('ㅌㅐㅇㅑㅇ')).toEqual(['ㅌ', '태', '탱', '태야', '태양']);
  });

  it('composes a whole phrase with spaces between words', () => {
    expect(compose('ㅎㅏㄴㄱㅡㄹ ㅈㅏㅍㅏㄴ')).toBe('한글 자판');
  });

  it('moves a single final consonant onto the next syllable when a vowel follows', () => {
    expect(progression('ㄱㅏㄱㅏ')).toEqual(['ㄱ', '가', '각', '가가']);
  });

  it('makes double finals and splits them when a vowel follows', () => {
    expect(progression('ㄷㅏㄹㄱㅏ')).toEqual(['ㄷ', '다', '달', '닭', '달가']);
    expect(compose('ㅇㅓㅂㅅㅓ')).toBe('업서');
    expect(compose('ㅇㅓㅂㅅㅇㅓ')).toBe('없어');
    expect(compose('ㅇㅓㅂㅅ')).toBe('없');
    expect(compose('ㅇㅏㄴㅈㅇㅏ')).toBe('앉아');
    expect(compose('ㅁㅏㄴㅎㅇㅣ')).toBe('많이');
    expect(compose('ㄱㅏㅂㅅ')).toBe('값');
  });

  it('does not stack a third consonant onto a double final', () => {
    expect(compose('ㄷㅏㄹㄱㄱ')).toBe('닭ㄱ');
  });

  it('makes compound vowels, with and without an initial consonant', () => {
    expect(progression('ㄱㅗㅏ')).toEqual(['ㄱ', '고', '과']);
    expect(compose('ㅇㅜㅓㄴ')).toBe('원');
    expect(compose('ㅇㅡㅣㅅㅏ')).toBe('의사');
    expect(compose('ㄱㅜㅔ')).toBe('궤');
    expect(compose('ㅗㅏ')).toBe('ㅘ');
  });

  it('starts a new block when two vowels do not combine', () => {
    expect(compose('ㄱㅏㅏ')).toBe('가ㅏ');
    expect(compose('ㄱㅘㅣ')).toBe('과ㅣ');
  });

  it('never closes a syllable with ㄸ, ㅃ or ㅉ', () => {
    expect(compose('ㅇㅏㄸㅏ')).toBe('아따');
    expect(compose('ㅇㅏㄸ')).toBe('아ㄸ');
    expect(compose('ㄱㅏㅆ')).toBe('갔');
  });

  it('keeps lone consonants apart', () => {
    expect(compose('ㄱㄴㄷ')).toBe('ㄱㄴㄷ');
  });

  it('passes other keys through and closes the syllable before them', () => {
    expect(compose('ㄱㅏㄱ1ㅏ')).toBe('각1ㅏ');
    expect(compose('solarㅌㅐ')).toBe('solar태');
  });

  it('backspace (dropping the last keystroke) decomposes the syllable step by step', () => {
    const typed = keys('ㄷㅏㄹㄱ');
    const shown: string[] = [];
    for (let n = typed.length; n >= 0; n--) shown.push(composeHangul(typed.slice(0, n)));
    expect(shown).toEqual(['닭', '달', '다', 'ㄷ', '']);
    expect(composeHangul(keys('ㄱㅗㅏ').slice(0, 2))).toBe('고');
  });

  it('covers the first and last syllables of the Unicode block', () => {
    expect(compose('ㄱㅏ')).toBe('\uac00');
    expect(compose('ㅎㅣㅎ')).toBe('\ud7a3');
  });
});

describe('withoutTrailingJamo', () => {
  it('drops jamo still waiting for a vowel, and nothing else', () => {
    expect(withoutTrailingJamo('태ㅇ')).toBe('태');
    expect(withoutTrailingJamo('태양')).toBe('태양');
    expect(withoutTrailingJamo('ㅌ')).toBe('');
    expect(withoutTrailingJamo('solar')).toBe('solar');
  });
});
