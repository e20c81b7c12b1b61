/**
 * Scoring each question type: credit from the quiz's weights, clamped to [0, 1], with each type's edge cases;
 * and, for arbitrary questions and answers, credit never leaves [0, 1].
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { GivenAnswer, QuestionOf } from '../../../../renderer/quiz/engine/answers.ts';
import { scoreAnswer } from '../../../../renderer/quiz/engine/score-answer.ts';
import {
  imageChoice,
  matching,
  multiple,
  numeric,
  ordering,
  parsed,
  short,
  single,
  thirds,
  trueFalse,
} from './quiz-fixtures.ts';

const planet = parsed('single', single);
const gases = parsed('multiple', multiple);
const colours = parsed('multiple', thirds);
const leaf = parsed('image-choice', imageChoice);
const sunCold = parsed('true-false', trueFalse);
const breathe = parsed('short', short);
const pi = parsed('numeric', numeric);
const classes = parsed('matching', matching);
const lifeCycle = parsed('ordering', ordering);

const credit = (question: Parameters<typeof scoreAnswer>[0], given: GivenAnswer, language = 'en' as const) =>
  scoreAnswer(question, given, language).credit;

describe('single and picture choice', () => {
  test('the weight of the choice tapped, a negative weight scoring 0', () => {
    expect(scoreAnswer(planet, { type: 'single', choice: 1 }, 'en')).toEqual({
      credit: 1,
      right: true,
      answer: { type: 'single', choice: 1 },
    });
    expect(scoreAnswer(planet, { type: 'single', choice: 2 }, 'en')).toMatchObject({ credit: 0.5, right: false });
    expect(credit(planet, { type: 'single', choice: 0 })).toBe(0);
    expect(credit(planet, { type: 'single', choice: 3 })).toBe(0);
  });

  test('a picture choice scores like a single choice', () => {
    expect(scoreAnswer(leaf, { type: 'image-choice', choice: 1 }, 'en')).toEqual({
      credit: 1,
      right: true,
      answer: { type: 'image-choice', choice: 1 },
    });
    expect(credit(leaf, { type: 'image-choice', choice: 0 })).toBe(0);
  });

  test('a choice that is not there, or an answer of another type, is a screen error', () => {
    expect(() => credit(planet, { type: 'single', choice: 4 })).toThrow(RangeError);
    expect(() => credit(planet, { type: 'single', choice: -1 })).toThrow(RangeError);
    expect(() => credit(planet, { type: 'single', choice: 0.5 })).toThrow(RangeError);
    expect(() => credit(planet, { type: 'image-choice', choice: 1 })).toThrow(TypeError);
    expect(() => credit(planet, { type: 'multiple', choices: [1] })).toThrow(TypeError);
  });
});

describe('multiple choice', () => {
  const tick = (...choices: number[]) => scoreAnswer(gases, { type: 'multiple', choices }, 'en');

  test('both right choices are full credit, one is half', () => {
    expect(tick(0, 2)).toEqual({ credit: 1, right: true, answer: { type: 'multiple', choices: [0, 2] } });
    expect(tick(2, 0).answer).toEqual({ type: 'multiple', choices: [0, 2] });
    expect(tick(0).credit).toBe(0.5);
    expect(tick(0, 2, 3)).toMatchObject({ credit: 1, right: true });
  });

  test('negative weights subtract, but a question never scores below 0', () => {
    expect(tick(0, 4).credit).toBe(0.25);
    expect(tick(0, 2, 4)).toMatchObject({ credit: 0.75, right: false });
    expect(tick(0, 1).credit).toBe(0);
    expect(tick(1).credit).toBe(0);
  });

  test('all wrong, all ticked and none ticked score 0', () => {
    expect(tick(1, 3, 4).credit).toBe(0);
    expect(tick(0, 1, 2, 3, 4).credit).toBe(0);
    expect(tick()).toEqual({ credit: 0, right: false, answer: { type: 'multiple', choices: [] } });
  });

  test('a choice ticked twice counts once', () => {
    expect(tick(0, 0).credit).toBe(0.5);
  });

  test('three 33.33 % choices make a whole', () => {
    const score = (...choices: number[]) => scoreAnswer(colours, { type: 'multiple', choices }, 'en');
    expect(score(0, 1, 2)).toMatchObject({ credit: 1, right: true });
    expect(score(0, 1).credit).toBeCloseTo(2 / 3, 10);
    expect(score(0, 1, 2, 3).credit).toBe(0);
  });

  test('a choice out of range is a screen error', () => {
    expect(() => tick(5)).toThrow(RangeError);
  });
});

describe('true or false', () => {
  test('right only when it matches the key', () => {
    expect(scoreAnswer(sunCold, { type: 'true-false', value: false }, 'en')).toEqual({
      credit: 1,
      right: true,
      answer: { type: 'true-false', value: false },
    });
    expect(credit(sunCold, { type: 'true-false', value: true })).toBe(0);
  });
});

describe('short answer', () => {
  const typed = (text: string, language: Parameters<typeof scoreAnswer>[2] = 'en') =>
    scoreAnswer(breathe, { type: 'short', text }, language);

  test('matches after normalisation: case, full width, spaces and a trailing full stop', () => {
    for (const text of ['oxygen', 'OXYGEN', 'Ｏｘｙｇｅｎ', '  Oxygen. ', 'ｏ２', 'O2!'])
      expect(typed(text)).toMatchObject({ credit: 1, right: true });
    expect(typed('oxygen').answer).toEqual({ type: 'short', matched: { language: 'en', index: 0 } });
    expect(typed('o 2').credit).toBe(0);
  });

  test('Hangul typed decomposed (NFD) matches the composed answer', () => {
    expect(typed('산소'.normalize('NFD'), 'ko')).toEqual({
      credit: 1,
      right: true,
      answer: { type: 'short', matched: { language: 'ko', index: 0 } },
    });
  });

  test('Cyrillic in capitals and Mongolian script with a vowel separator match', () => {
    expect(typed('ХҮЧИЛТӨРӨГЧ', 'mn-Cyrl')).toMatchObject({ credit: 1, right: true });
    expect(typed('ᠬᠦᠴᠢᠯᠲᠦᠷᠦᠭᠴᠢ᠃', 'mn-Mong')).toMatchObject({ credit: 1, right: true });
    expect(typed('ᠬᠦ\u180bᠴᠢᠯᠲᠦᠷᠦᠭᠴᠢ', 'mn-Mong').credit).toBe(1);
  });

  test('an accepted answer with part credit, and a listed wrong answer, score their weight', () => {
    expect(typed('air')).toEqual({
      credit: 0.5,
      right: false,
      answer: { type: 'short', matched: { language: 'en', index: 2 } },
    });
    expect(typed('nitrogen')).toEqual({
      credit: 0,
      right: false,
      answer: { type: 'short', matched: { language: 'en', index: 3 } },
    });
  });

  test('the shown language decides; only when it has no match do the others count', () => {
    // Korean accepts "Air" fully, English by half: on the English screen English's weight stands.
    expect(typed('Air', 'ko').credit).toBe(1);
    expect(typed('Air', 'en').credit).toBe(0.5);
    // Typed in another language's words: right.
    expect(typed('oxygen', 'ko')).toMatchObject({ credit: 1, answer: { matched: { language: 'en', index: 0 } } });
    expect(typed('산소', 'en')).toMatchObject({ credit: 1, answer: { matched: { language: 'ko', index: 0 } } });
    expect(typed('хүчилтөрөгч', 'mn-Mong').answer).toEqual({
      type: 'short',
      matched: { language: 'mn-Cyrl', index: 0 },
    });
  });

  test('nothing typed, only punctuation, or an unknown word match nothing', () => {
    for (const text of ['', '   ', '...', '。', 'helium'])
      expect(typed(text)).toEqual({ credit: 0, right: false, answer: { type: 'short', matched: null } });
  });
});

describe('numeric', () => {
  const value = (x: number) => scoreAnswer(pi, { type: 'numeric', value: x }, 'en');

  test('exact within tolerance, bounds included, despite binary fractions', () => {
    expect(value(3.14)).toEqual({ credit: 1, right: true, answer: { type: 'numeric', value: 3.14, matched: 0 } });
    expect(value(3.15).credit).toBe(1);
    // 3.14 − 3.13 is 0.010000000000000231 in binary.
    expect(value(3.13).credit).toBe(1);
    expect(value(3.1500001)).toMatchObject({ credit: 0.5, answer: { matched: 1 } });
    expect(value(3.1299999).credit).toBe(0.5);
  });

  test('a range includes its ends', () => {
    expect(value(3).credit).toBe(0.5);
    expect(value(4).credit).toBe(0.5);
    expect(value(4.000001).credit).toBe(0);
    expect(value(2.999999).credit).toBe(0);
  });

  test('a value with a negative weight scores 0 and keeps its feedback', () => {
    expect(value(22)).toEqual({ credit: 0, right: false, answer: { type: 'numeric', value: 22, matched: 2 } });
    expect(value(-3.14)).toEqual({ credit: 0, right: false, answer: { type: 'numeric', value: -3.14, matched: null } });
  });

  test('tolerance 0 accepts the same number however it was computed, and nothing else', () => {
    const third = parsed('numeric', {
      ...numeric,
      answers: [{ kind: 'exact', value: 0.3, weight: 100 }],
      texts: { en: { prompt: '0.1 + 0.2?', feedback: [''] } },
    });
    expect(credit(third, { type: 'numeric', value: 0.1 + 0.2 })).toBe(1);
    expect(credit(third, { type: 'numeric', value: 0.3001 })).toBe(0);
    const million = parsed('numeric', {
      ...numeric,
      answers: [{ kind: 'exact', value: 1e6, weight: 100 }],
      texts: { en: { prompt: 'A million?', feedback: [''] } },
    });
    expect(credit(million, { type: 'numeric', value: 1e6 + 1 })).toBe(0);
  });

  test('negative ranges and the best of overlapping answers', () => {
    const cold = parsed('numeric', {
      ...numeric,
      answers: [
        { kind: 'range', min: -10, max: -5, weight: 50 },
        { kind: 'exact', value: -7, tolerance: 0.5, weight: 100 },
      ],
      texts: { en: { prompt: 'Freezer?', feedback: ['', ''] } },
    });
    expect(credit(cold, { type: 'numeric', value: -5 })).toBe(0.5);
    expect(credit(cold, { type: 'numeric', value: -4.99 })).toBe(0);
    expect(scoreAnswer(cold, { type: 'numeric', value: -7.5 }, 'en')).toMatchObject({
      credit: 1,
      answer: { matched: 1 },
    });
  });

  test('a value that is not a finite number is a screen error', () => {
    expect(() => value(Number.NaN)).toThrow(RangeError);
    expect(() => value(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('matching', () => {
  const match = (...rights: (number | null)[]) => scoreAnswer(classes, { type: 'matching', rights }, 'en');

  test('the fraction of left items beside their own label', () => {
    expect(match(0, 1, 2, 3)).toEqual({
      credit: 1,
      right: true,
      answer: { type: 'matching', rights: [0, 1, 2, 3], correct: [true, true, true, true] },
    });
    expect(match(1, 0, 2, 3)).toMatchObject({ credit: 0.5, right: false });
    expect(match(3, 2, 1, 0).credit).toBe(0);
    expect(match(null, 1, null, 3).credit).toBe(0.5);
  });

  test('a label that reads the same in every language counts wherever it is used', () => {
    // Whale and Cow are both "Mammal" (key 0 and key 2) in English and in Mongolian.
    expect(match(2, 1, 0, 3).credit).toBe(1);
    expect(match(0, 1, 0, 3).credit).toBe(1);
    expect(match(0, 0, 2, 3).answer).toMatchObject({ correct: [true, false, true, true] });
  });

  test('labels the same in one language but not in another stay apart', () => {
    const apart = parsed('matching', {
      ...matching,
      texts: {
        en: matching.texts.en,
        ko: {
          prompt: '짝',
          pairs: [
            { left: '고래', right: '포유류' },
            { left: '독수리', right: '새' },
            { left: '소', right: '젖먹이' },
            { left: '개구리', right: '양서류' },
          ],
        },
      },
    });
    expect(credit(apart, { type: 'matching', rights: [2, 1, 0, 3] })).toBe(0.5);
  });

  test('an answer of the wrong length or with a label not there is a screen error', () => {
    expect(() => match(0, 1, 2)).toThrow(RangeError);
    expect(() => match(0, 1, 2, 4)).toThrow(RangeError);
  });
});

describe('ordering', () => {
  const order = (...keys: number[]) => scoreAnswer(lifeCycle, { type: 'ordering', order: keys }, 'en');

  test('the fraction of positions holding their own item', () => {
    expect(order(0, 1, 2, 3)).toEqual({
      credit: 1,
      right: true,
      answer: { type: 'ordering', order: [0, 1, 2, 3], correct: [true, true, true, true] },
    });
    expect(order(1, 0, 2, 3).credit).toBe(0.5);
    expect(order(3, 2, 1, 0).credit).toBe(0);
    // One item moved from the end to the start puts every position wrong: the rule's known harshness.
    expect(order(3, 0, 1, 2).credit).toBe(0);
  });

  test('two items that read the same may swap', () => {
    const twice = parsed('ordering', {
      ...ordering,
      texts: { en: { prompt: 'Steps', items: ['dig', 'water', 'sow', 'water'] } },
    });
    expect(credit(twice, { type: 'ordering', order: [0, 3, 2, 1] })).toBe(1);
  });

  test('an order that repeats or leaves out an item is a screen error', () => {
    expect(() => order(0, 1, 2)).toThrow(RangeError);
    expect(() => order(0, 1, 2, 2)).toThrow(RangeError);
    expect(() => order(0, 1, 2, 4)).toThrow(RangeError);
  });
});

describe('credit is always within [0, 1]', () => {
  const weight = fc.integer({ min: -100, max: 100 });

  test('multiple choice, whatever the weights and the ticks', () => {
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 2, maxLength: 10 }).filter((weights) => weights.some((w) => w > 0)),
        fc.array(fc.nat(9)),
        (weights, ticks) => {
          const question: QuestionOf<'multiple'> = {
            ...gases,
            choices: weights.map((w) => ({ weight: w })),
          };
          const choices = ticks.filter((tick) => tick < weights.length);
          const { credit, right } = scoreAnswer(question, { type: 'multiple', choices }, 'en');
          expect(credit).toBeGreaterThanOrEqual(0);
          expect(credit).toBeLessThanOrEqual(1);
          expect(right).toBe(credit === 1);
          const rightOnes = weights.flatMap((w, index) => (w > 0 ? [index] : []));
          expect(scoreAnswer(question, { type: 'multiple', choices: rightOnes }, 'en').right).toBe(true);
          const wrongOnes = weights.flatMap((w, index) => (w <= 0 ? [index] : []));
          expect(scoreAnswer(question, { type: 'multiple', choices: wrongOnes }, 'en').credit).toBe(0);
        },
      ),
    );
  });

  test('single choice, numeric, short, matching and ordering', () => {
    fc.assert(
      fc.property(
        fc.nat(3),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.array(fc.option(fc.nat(3)), { minLength: 4, maxLength: 4 }),
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        (choice, value, text, rights, order) => {
          const credits = [
            credit(planet, { type: 'single', choice }),
            credit(pi, { type: 'numeric', value }),
            credit(breathe, { type: 'short', text }),
            credit(classes, { type: 'matching', rights }),
            credit(lifeCycle, { type: 'ordering', order }),
          ];
          for (const c of credits) {
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
