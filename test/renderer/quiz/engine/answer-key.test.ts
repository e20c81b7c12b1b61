/**
 * Answer keys for `quiz.finish`: each question type's answer as the engine records it, turned into the
 * contract's key; and every key an attempt over every type gives passes the contract's schema.
 */
import { describe, expect, test } from 'vitest';
import { AnswerKey, AnswerSummary } from '../../../../preload/contract/quiz.ts';
import { answerKey, answerSummary } from '../../../../renderer/quiz/engine/answer-key.ts';
import type { GivenAnswer } from '../../../../renderer/quiz/engine/answers.ts';
import { createAttempt, nextQuestion, submitAnswer, tick } from '../../../../renderer/quiz/engine/attempt.ts';
import { everyType, quizOf, rightAnswer, wrongAnswer } from './quiz-fixtures.ts';

describe('answerKey', () => {
  test.each([
    [{ type: 'single', choice: 2 }, 'c2'],
    [{ type: 'image-choice', choice: 0 }, 'c0'],
    [{ type: 'multiple', choices: [3, 0] }, 'c0+c3'],
    [{ type: 'multiple', choices: [10, 2] }, 'c2+c10'],
    [{ type: 'multiple', choices: [] }, 'none'],
    [{ type: 'true-false', value: true }, 'true'],
    [{ type: 'true-false', value: false }, 'false'],
    [{ type: 'short', matched: { language: 'mn-Cyrl', index: 1 } }, 'a-mn-Cyrl-1'],
    [{ type: 'short', matched: null }, 'other'],
    [{ type: 'numeric', value: 3.1, matched: 0 }, 'n0'],
    [{ type: 'numeric', value: 99, matched: null }, 'other'],
    [{ type: 'matching', rights: [0, 1], correct: [true, true] }, 'right'],
    [{ type: 'matching', rights: [1, null], correct: [false, false] }, 'wrong'],
    [{ type: 'ordering', order: [0, 1, 2], correct: [true, true, true] }, 'right'],
    [{ type: 'ordering', order: [0, 2, 1], correct: [true, false, false] }, 'wrong'],
    [null, 'timeout'],
  ] as const)('%j is %s', (answer, key) => {
    expect(answerKey(answer as Parameters<typeof answerKey>[0])).toBe(key);
    expect(AnswerKey.safeParse(key).success).toBe(true);
  });
});

describe('answerSummary', () => {
  const quiz = quizOf(everyType, 20);

  /** Plays every question in a contest: right, wrong or left to time out by turns, each after `ms`. */
  function summaries(answer: (index: number) => 'right' | 'wrong' | 'timeout', ms: number) {
    let now = 1_000;
    let attempt = createAttempt(quiz, { language: 'en', mode: 'contest', seed: 3, now });
    for (let index = 0; attempt.phase === 'question'; index++) {
      const question = attempt.questions[attempt.current]!.question;
      const how = answer(index);
      now += how === 'timeout' ? 61_000 : ms;
      if (how === 'timeout') attempt = tick(attempt, now);
      else {
        const given: GivenAnswer = how === 'right' ? rightAnswer(question, 'en') : wrongAnswer(question);
        attempt = submitAnswer(attempt, given, now);
      }
      attempt = nextQuestion(attempt, now);
    }
    return attempt.results.map(answerSummary);
  }

  test('every question type gives a key and a whole time the contract takes', () => {
    const all = [
      ...summaries(() => 'right', 1234.56),
      ...summaries(() => 'wrong', 0.4),
      ...summaries((index) => (index % 2 ? 'timeout' : 'right'), 77.5),
    ];
    expect(all).toHaveLength(3 * everyType.length);
    for (const summary of all) expect(AnswerSummary.parse(summary)).toEqual(summary);
    const times = new Set(all.map((summary) => summary.timeMs));
    for (const time of [1235, 0, 78, 20_000]) expect(times).toContain(time);
    expect([...times].every((time) => [1235, 0, 78, 20_000, 60_000].includes(time))).toBe(true);
  });

  test('right answers give the right keys, wrong ones wrong keys, and time outs "timeout"', () => {
    const right = new Map(summaries(() => 'right', 10).map((summary) => [summary.questionId, summary.answer]));
    expect(Object.fromEntries(right)).toEqual({
      planet: 'c1',
      gases: 'c0+c2',
      leaf: 'c1',
      'sun-cold': 'false',
      'gas-we-breathe': 'a-en-0',
      pi: 'n0',
      classes: 'right',
      'life-cycle': 'right',
    });
    const wrong = summaries(() => 'wrong', 10);
    expect(wrong.find((summary) => summary.questionId === 'gases')!.answer).toBe('none');
    expect(Object.fromEntries(wrong.map((summary) => [summary.questionId, summary.answer]))).toMatchObject({
      planet: 'c0',
      'sun-cold': 'true',
      'gas-we-breathe': 'other',
      pi: 'other',
      classes: 'wrong',
      'life-cycle': 'wrong',
    });
    expect(summaries(() => 'timeout', 10).every((summary) => summary.answer === 'timeout')).toBe(true);
  });
});
