import { describe, expect, it } from 'vitest';
import { checkNickname } from '../../../main/quiz/nickname-check.ts';
import { MAX_TYPED_NICKNAME, NICKNAME_WORDS } from '../../../preload/contract/quiz.ts';
import { locales } from '../../../preload/contract/schemas.ts';
import { adjectives, creatures, nicknameText } from '../../../renderer/quiz/nickname-words.ts';

/** The script each interface language's words are written in. */
const scripts = {
  en: /^[A-Za-z ]+$/,
  ko: /^[\p{Script=Hangul} ]+$/u,
  'zh-Hans': /^\p{Script=Han}+$/u,
  'mn-Cyrl': /^[\p{Script=Cyrillic} ]+$/u,
  // Mongolian letters, with the vowel separator and the narrow no-break space before a case ending.
  'mn-Mong': /^[\p{Script=Mongolian}\u180e\u202f ]+$/u,
} as const;

describe('nickname words', () => {
  it.each(locales)(
    '%s has as many different adjectives and creatures as the contract counts, in its own script',
    (locale) => {
      for (const list of [adjectives[locale], creatures[locale]]) {
        expect(list).toHaveLength(NICKNAME_WORDS);
        expect(new Set(list).size).toBe(NICKNAME_WORDS);
        for (const word of list) expect(word, `${locale} “${word}”`).toMatch(scripts[locale]);
      }
    },
  );

  it('reads a generated nickname in each language, Chinese without a space', () => {
    const otter = { kind: 'generated', adjective: 0, creature: 0 } as const;
    expect(nicknameText(otter, 'en')).toBe('Curious Otter');
    expect(nicknameText(otter, 'ko')).toBe('호기심 많은 수달');
    expect(nicknameText(otter, 'zh-Hans')).toBe('好奇的水獭');
    expect(nicknameText(otter, 'mn-Cyrl')).toBe('Сониуч Халиу');
    expect(nicknameText({ kind: 'generated', adjective: 23, creature: 23 }, 'en')).toBe('Spirited Birch');
  });

  it('shows a typed nickname as typed, whatever the screen’s language', () => {
    expect(nicknameText({ kind: 'typed', text: 'Team Ödön' }, 'ko')).toBe('Team Ödön');
  });

  // The blocklists a typed name must pass: none of our words, nor any pairing short enough to type, reads as one.
  it.each(locales)('no %s word, nor any pairing of them, is on the typed-nickname blocklists', (locale) => {
    for (const word of [...adjectives[locale], ...creatures[locale]])
      expect(checkNickname(word), word).toMatchObject({ ok: true });
    for (let adjective = 0; adjective < NICKNAME_WORDS; adjective++)
      for (let creature = 0; creature < NICKNAME_WORDS; creature++) {
        const text = nicknameText({ kind: 'generated', adjective, creature }, locale);
        if (text.length <= MAX_TYPED_NICKNAME) expect(checkNickname(text), text).toMatchObject({ ok: true });
      }
  });
});
