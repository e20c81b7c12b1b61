/** Made-up nicknames: what the contract takes, spread over the word lists, and re-rolls that never repeat an offer. */
import { describe, expect, test } from 'vitest';
import { NICKNAME_WORDS, Nickname } from '../../../preload/contract/quiz.ts';
import { seededRandom } from '../../../renderer/quiz/engine/seeded-random.ts';
import { rollNickname } from '../../../renderer/quiz/nickname-roll.ts';

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
