/** The nickname word lists: complete in every interface language, and re-rolls that never repeat an offer. */
import { describe, expect, test } from 'vitest';
import { NICKNAME_WORDS, Nickname } from '../../../preload/contract/quiz.ts';
import { locales } from '../../../preload/contract/schemas.ts';
import { seededRandom } from '../../../renderer/quiz/engine/seeded-random.ts';
import { nicknameText, nicknameWords, rollNickname } from '../../../renderer/quiz/nickname-words.ts';

describe('nicknameWords', () => {
  test.each(locales)('%s names %i different adjectives and creatures, each a short word', (locale) => {
    for (const list of [nicknameWords[locale].adjectives, nicknameWords[locale].creatures]) {
      expect(list).toHaveLength(NICKNAME_WORDS);
      expect(new Set(list).size).toBe(NICKNAME_WORDS);
      for (const word of list) expect(word).toMatch(/^\S(.{0,18}\S)?$/u);
    }
  });

  test('a nickname reads in each language with its own word order', () => {
    const nickname = { kind: 'generated', adjective: 0, creature: 0 } as const;
    expect(nicknameText(nickname, 'en')).toBe('Curious Otter');
    expect(nicknameText(nickname, 'ko')).toBe('호기심 많은 수달');
    expect(nicknameText(nickname, 'zh-Hans')).toBe('好奇的水獭');
    expect(nicknameText(nickname, 'mn-Cyrl')).toBe('Сониуч халиу');
    expect(nicknameText({ kind: 'typed', text: 'Bora' }, 'mn-Mong')).toBe('Bora');
  });
});

describe('rollNickname', () => {
  test('gives nicknames the contract takes, spread over the lists', () => {
    const random = seededRandom(11, 'nicknames');
    const rolled = Array.from({ length: 400 }, () => rollNickname(random));
    for (const nickname of rolled) expect(Nickname.parse(nickname)).toEqual(nickname);
    expect(new Set(rolled.map((nickname) => nickname.adjective)).size).toBe(NICKNAME_WORDS);
    expect(new Set(rolled.map((nickname) => nickname.creature)).size).toBe(NICKNAME_WORDS);
  });

  test('never offers again a nickname already offered, even when chance picks it', () => {
    const stuck = () => 0.5;
    const first = rollNickname(stuck);
    const second = rollNickname(stuck, [first]);
    const third = rollNickname(stuck, [first, second]);
    expect(new Set([first, second, third].map((n) => `${n.adjective}/${n.creature}`)).size).toBe(3);
    expect(rollNickname(() => 0.999999)).toEqual({ kind: 'generated', adjective: 23, creature: 23 });
  });
});
