/**
 * Attempts: made from a seed and the time, moved on only by the functions that return a new attempt; the
 * contest's clock, its expiry and its points; a language switch that keeps everything but the words.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ContentLanguage } from '../../../../preload/contract/schemas.ts';
import { attemptSummary } from '../../../../renderer/quiz/engine/attempt-summary.ts';
import { attemptView } from '../../../../renderer/quiz/engine/attempt-view.ts';
import {
  createAttempt,
  nextQuestion,
  remainingMs,
  submitAnswer,
  switchLanguage,
  tick,
  type Attempt,
  type AttemptOptions,
} from '../../../../renderer/quiz/engine/attempt.ts';
import { maxContestScore } from '../../../../renderer/quiz/engine/contest-points.ts';
import { everyType, quizOf, rightAnswer, wrongAnswer } from './quiz-fixtures.ts';

const quiz = quizOf(everyType, 20);
const ids = quiz.questions.map((question) => question.id);
const T0 = 1_000_000;
const options = (overrides: Partial<AttemptOptions> = {}): AttemptOptions => ({
  language: 'en',
  mode: 'practice',
  seed: 7,
  now: T0,
  ...overrides,
});
const current = (attempt: Attempt) => {
  if (attempt.phase === 'finished') throw new Error('finished');
  return attempt.questions[attempt.current]!.question;
};
/** Answers every question: right where `right(i)` says so, each after `ms(i)`. */
function play(attempt: Attempt, right: (index: number) => boolean, ms: (index: number) => number): Attempt {
  let now = T0;
  for (let index = 0; attempt.phase !== 'finished'; index++) {
    const question = current(attempt);
    now += ms(index);
    attempt = submitAnswer(
      attempt,
      right(index) ? rightAnswer(question, attempt.language) : wrongAnswer(question),
      now,
    );
    attempt = nextQuestion(attempt, now);
  }
  return attempt;
}

describe('creating an attempt', () => {
  test('starts at the first question, its clock at now', () => {
    const attempt = createAttempt(quiz, options());
    expect(attempt).toMatchObject({
      phase: 'question',
      current: 0,
      startedAt: T0,
      mode: 'practice',
      scoring: 'partial',
      language: 'en',
      results: [],
      streak: 0,
    });
    expect(attempt.questions.map((planned) => planned.question.id).sort()).toEqual([...ids].sort());
  });

  test('the same seed gives the same attempt; another seed another order', () => {
    expect(createAttempt(quiz, options({ seed: 99 }))).toEqual(createAttempt(quiz, options({ seed: 99 })));
    const orders = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        createAttempt(quiz, options({ seed }))
          .questions.map((planned) => planned.question.id)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  test('for any seed: the questions in some order, each answer order a permutation, items never in order', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        const attempt = createAttempt(quiz, options({ seed }));
        expect(attempt.questions.map((planned) => planned.question.id).sort()).toEqual([...ids].sort());
        for (const { question, order } of attempt.questions) {
          const sorted = [...order].sort((a, b) => a - b);
          if ('choices' in question) expect(sorted).toEqual(question.choices.map((_, index) => index));
          // Whale and Cow share "Mammal": one label of each, and not in the key's order.
          if (question.type === 'matching') {
            expect(sorted).toEqual([0, 1, 3]);
            expect(order).not.toEqual([0, 1, 3]);
          }
          if (question.type === 'ordering') {
            expect(sorted).toEqual([0, 1, 2, 3]);
            expect(order).not.toEqual([0, 1, 2, 3]);
          }
          if (question.type === 'true-false' || question.type === 'short' || question.type === 'numeric')
            expect(order).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a question shows its answers in the same order whichever questions the attempt picked', () => {
    const all = createAttempt(quiz, options({ seed: 5 }));
    const one = createAttempt(quiz, options({ seed: 5, questionIds: ['planet'] }));
    expect(one.questions).toHaveLength(1);
    expect(one.questions[0]!.order).toEqual(all.questions.find((planned) => planned.question.id === 'planet')!.order);
  });

  test('a count takes that many of the shuffled questions, from the chosen ones when ids are given', () => {
    const three = createAttempt(quiz, options({ count: 3 }));
    expect(three.questions.map((planned) => planned.question.id)).toEqual(
      createAttempt(quiz, options())
        .questions.slice(0, 3)
        .map((planned) => planned.question.id),
    );
    expect(createAttempt(quiz, options({ count: 100 })).questions).toHaveLength(8);
    const chosen = createAttempt(quiz, options({ questionIds: ['pi', 'leaf', 'classes'], count: 2 }));
    expect(chosen.questions).toHaveLength(2);
    for (const planned of chosen.questions) expect(['pi', 'leaf', 'classes']).toContain(planned.question.id);
  });

  test('an unknown or repeated id, no question, or a count below 1 is refused', () => {
    expect(() => createAttempt(quiz, options({ questionIds: ['nope'] }))).toThrow('the quiz has no question "nope"');
    expect(() => createAttempt(quiz, options({ questionIds: ['pi', 'pi'] }))).toThrow(RangeError);
    expect(() => createAttempt(quiz, options({ questionIds: [] }))).toThrow(RangeError);
    expect(() => createAttempt(quiz, options({ count: 0 }))).toThrow(RangeError);
    expect(() => createAttempt(quiz, options({ count: 1.5 }))).toThrow(RangeError);
  });

  test("a contest takes each question's own time limit or the quiz's; practice is untimed", () => {
    const limits = (mode: 'practice' | 'contest') =>
      Object.fromEntries(
        createAttempt(quiz, options({ mode })).questions.map((planned) => [planned.question.id, planned.timeLimitMs]),
      );
    expect(limits('contest')).toMatchObject({ planet: 20_000, pi: 20_000, 'life-cycle': 60_000 });
    expect(Object.values(limits('practice'))).toEqual(Array(8).fill(null));
  });
});

describe('answering and moving on', () => {
  test('an answer moves to feedback with its result; the next question starts its clock when shown', () => {
    const start = createAttempt(quiz, options());
    const question = current(start);
    const answered = submitAnswer(start, rightAnswer(question, 'en'), T0 + 4_000);
    expect(answered).toMatchObject({ phase: 'feedback', current: 0, streak: 1 });
    expect(answered.results).toEqual([
      {
        questionId: question.id,
        language: 'en',
        timedOut: false,
        answer: expect.objectContaining({ type: question.type }),
        credit: 1,
        right: true,
        points: null,
        timeMs: 4_000,
      },
    ]);
    const next = nextQuestion(answered, T0 + 9_000);
    expect(next).toMatchObject({ phase: 'question', current: 1, startedAt: T0 + 9_000, results: answered.results });
  });

  test('transitions leave the attempt they were given as it was', () => {
    const start = createAttempt(quiz, options({ mode: 'contest' }));
    const before = structuredClone(start);
    const answered = submitAnswer(start, rightAnswer(current(start), 'en'), T0 + 1_000);
    const afterAnswer = structuredClone(answered);
    nextQuestion(answered, T0 + 2_000);
    switchLanguage(answered, 'ko');
    tick(start, T0 + 60_000);
    expect(start).toEqual(before);
    expect(answered).toEqual(afterAnswer);
  });

  test('what does not apply returns the same attempt: a second tap, next before answering, tick when answered', () => {
    const start = createAttempt(quiz, options());
    expect(nextQuestion(start, T0)).toBe(start);
    const answered = submitAnswer(start, rightAnswer(current(start), 'en'), T0 + 1);
    expect(submitAnswer(answered, wrongAnswer(current(start)), T0 + 2)).toBe(answered);
    expect(tick(answered, T0 + 999_999)).toBe(answered);
    expect(switchLanguage(answered, 'en')).toBe(answered);
  });

  test('after the last feedback the attempt is finished, and stays so', () => {
    const finished = play(
      createAttempt(quiz, options()),
      () => true,
      () => 1_000,
    );
    expect(finished.phase).toBe('finished');
    expect(finished.results).toHaveLength(8);
    expect(nextQuestion(finished, T0)).toBe(finished);
    expect(submitAnswer(finished, { type: 'true-false', value: true }, T0)).toBe(finished);
    expect(tick(finished, T0)).toBe(finished);
    expect(remainingMs(finished, T0)).toBeNull();
  });

  test('an answer that does not fit the question is refused, and the attempt is left as it was', () => {
    const start = createAttempt(quiz, options({ questionIds: ['planet'] }));
    expect(() => submitAnswer(start, { type: 'short', text: 'Jupiter' }, T0)).toThrow(TypeError);
    expect(() => submitAnswer(start, { type: 'single', choice: 9 }, T0)).toThrow(RangeError);
    expect(start.phase).toBe('question');
  });

  test('all-or-nothing scoring gives part-right answers nothing', () => {
    const saturn = { type: 'single' as const, choice: 2 };
    const partial = createAttempt(quiz, options({ questionIds: ['planet'] }));
    const plain = createAttempt(quiz, options({ questionIds: ['planet'], scoring: 'all-or-nothing' }));
    expect(submitAnswer(partial, saturn, T0).results[0]).toMatchObject({ credit: 0.5, right: false });
    expect(submitAnswer(plain, saturn, T0).results[0]).toMatchObject({ credit: 0, right: false });
    expect(submitAnswer(plain, { type: 'single', choice: 1 }, T0).results[0]).toMatchObject({ credit: 1 });
  });
});

describe('the contest clock', () => {
  const contest = () => createAttempt(quiz, options({ mode: 'contest', questionIds: ['planet'] }));
  const jupiter = { type: 'single' as const, choice: 1 };

  test('counts down from the limit', () => {
    const attempt = contest();
    expect(remainingMs(attempt, T0)).toBe(20_000);
    expect(remainingMs(attempt, T0 + 15_500)).toBe(4_500);
    expect(remainingMs(attempt, T0 + 25_000)).toBe(0);
  });

  test('an answer on the deadline is taken; a millisecond later it is timed out and worth nothing', () => {
    expect(submitAnswer(contest(), jupiter, T0 + 20_000).results[0]).toMatchObject({
      timedOut: false,
      credit: 1,
      points: { speed: 500, streakBonus: 0, total: 500, streak: 1 },
      timeMs: 20_000,
    });
    const late = submitAnswer(contest(), jupiter, T0 + 20_001);
    expect(late).toMatchObject({ phase: 'feedback', given: null, streak: 0 });
    expect(late.results[0]).toEqual({
      questionId: 'planet',
      language: 'en',
      timedOut: true,
      answer: null,
      credit: 0,
      right: false,
      points: { speed: 0, streakBonus: 0, total: 0, streak: 0 },
      timeMs: 20_000,
    });
  });

  test('tick does nothing before the deadline and times the question out after it', () => {
    const attempt = contest();
    expect(tick(attempt, T0 + 20_000)).toBe(attempt);
    expect(tick(attempt, T0 + 20_001)).toEqual(submitAnswer(attempt, jupiter, T0 + 20_001));
  });

  test('practice never times out, and still records the time taken', () => {
    const attempt = createAttempt(quiz, options({ questionIds: ['planet'] }));
    expect(remainingMs(attempt, T0)).toBeNull();
    expect(tick(attempt, T0 + 3_600_000)).toBe(attempt);
    expect(submitAnswer(attempt, jupiter, T0 + 3_600_000).results[0]).toMatchObject({
      credit: 1,
      timeMs: 3_600_000,
      points: null,
    });
  });

  test('a clock that stepped back counts as no time taken', () => {
    expect(submitAnswer(contest(), jupiter, T0 - 5_000).results[0]).toMatchObject({
      timeMs: 0,
      points: { total: 1000 },
    });
  });

  test('a language switch keeps the clock running', () => {
    const switched = switchLanguage(contest(), 'ko');
    expect(switched).toMatchObject({ phase: 'question', startedAt: T0, language: 'ko' });
    expect(remainingMs(switched, T0 + 5_000)).toBe(15_000);
    expect(tick(switched, T0 + 20_001).results[0]).toMatchObject({ timedOut: true, language: 'ko' });
  });
});

describe('contest points and streaks', () => {
  const contest = createAttempt(quiz, options({ mode: 'contest' }));

  test('right answers in a row earn 100 more each, up to 500; a wrong one ends the streak', () => {
    const wrongAt = new Set([3]);
    const finished = play(
      contest,
      (index) => !wrongAt.has(index),
      () => 0,
    );
    expect(finished.results.map((result) => result.points?.streakBonus)).toEqual([0, 100, 200, 0, 0, 100, 200, 300]);
    expect(finished.results.map((result) => result.points?.total)).toEqual([
      1000, 1100, 1200, 0, 1000, 1100, 1200, 1300,
    ]);
    expect(attemptSummary(finished)).toMatchObject({ score: 7900, maxScore: maxContestScore(8), rightCount: 7 });
  });

  test('a part-right answer earns its share of the speed points but ends the streak', () => {
    const attempt = createAttempt(quiz, options({ mode: 'contest', questionIds: ['planet', 'pi'], seed: 1 }));
    const first = current(attempt);
    const partAnswer =
      first.id === 'planet' ? { type: 'single' as const, choice: 2 } : { type: 'numeric' as const, value: 3.5 };
    let next = nextQuestion(submitAnswer(attempt, partAnswer, T0), T0);
    next = submitAnswer(next, rightAnswer(current(next), 'en'), T0);
    expect(next.results.map((result) => result.points)).toEqual([
      { speed: 500, streakBonus: 0, total: 500, streak: 0 },
      { speed: 1000, streakBonus: 0, total: 1000, streak: 1 },
    ]);
  });

  test('a timed-out question ends the streak', () => {
    const finished = play(
      contest,
      () => true,
      (index) => (index === 2 ? 21_000 : 0),
    );
    expect(finished.results.map((result) => result.points?.streak)).toEqual([1, 2, 0, 1, 2, 3, 4, 5]);
    expect(finished.results[2]).toMatchObject({ timedOut: true });
  });

  test('every question scores within [0, 1500] and the attempt within [0, its maximum]', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(fc.nat(70_000), { minLength: 8, maxLength: 8 }),
        (seed, rights, times) => {
          const finished = play(
            createAttempt(quiz, options({ mode: 'contest', seed })),
            (index) => rights[index]!,
            (index) => times[index]!,
          );
          for (const result of finished.results) {
            expect(result.points!.total).toBeGreaterThanOrEqual(0);
            expect(result.points!.total).toBeLessThanOrEqual(1500);
          }
          const summary = attemptSummary(finished);
          expect(summary.score).toBeGreaterThanOrEqual(0);
          expect(summary.score).toBeLessThanOrEqual(summary.maxScore);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('a right answer given later never earns more', () => {
    fc.assert(
      fc.property(fc.nat(25_000), fc.nat(25_000), (a, b) => {
        const attempt = createAttempt(quiz, options({ mode: 'contest', questionIds: ['leaf'] }));
        const points = (ms: number) =>
          submitAnswer(attempt, { type: 'image-choice', choice: 1 }, T0 + ms).results[0]!.points!.total;
        expect(points(Math.max(a, b))).toBeLessThanOrEqual(points(Math.min(a, b)));
      }),
    );
  });
});

describe('switching language', () => {
  test('keeps the phase, answers, score and clock; only the language changes', () => {
    const answered = submitAnswer(
      createAttempt(quiz, options()),
      rightAnswer(current(createAttempt(quiz, options())), 'en'),
      T0,
    );
    const switched = switchLanguage(answered, 'mn-Cyrl');
    expect({ ...switched, language: 'en' }).toEqual(answered);
    expect(attemptSummary(switched)).toEqual(attemptSummary(answered));
  });

  test('a right answer picked on screen in one language stays right after switching to another', () => {
    const languages = fc.constantFrom(...ContentLanguage.options);
    fc.assert(
      fc.property(fc.maxSafeInteger(), languages, languages, (seed, before, after) => {
        let attempt = createAttempt(quiz, options({ seed, language: before }));
        while (attempt.phase !== 'finished') {
          const shown = attemptView(attempt);
          if (shown.phase !== 'question') throw new Error('not a question');
          const question = current(attempt);
          // The screen picks by position in the language it shows; after the switch, the same positions.
          const right = rightAnswer(question, shown.question.language);
          attempt = switchLanguage(attempt, after);
          const now = attemptView(attempt);
          if (now.phase !== 'question') throw new Error('not a question');
          if ('choices' in shown.question && 'choices' in now.question)
            expect(now.question.choices.map((choice) => choice.key)).toEqual(
              shown.question.choices.map((choice) => choice.key),
            );
          if (shown.question.type === 'matching' && now.question.type === 'matching')
            expect(now.question.rights.map((label) => label.key)).toEqual(
              shown.question.rights.map((label) => label.key),
            );
          if (shown.question.type === 'ordering' && now.question.type === 'ordering')
            expect(now.question.items.map((item) => item.key)).toEqual(shown.question.items.map((item) => item.key));
          attempt = submitAnswer(attempt, right, T0);
          expect(attempt.results.at(-1)).toMatchObject({ right: true, credit: 1 });
          attempt = nextQuestion(attempt, T0);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the summary for statistics', () => {
  test('practice: credits added up over the question count, in key indices and without typed text', () => {
    const finished = play(
      createAttempt(quiz, options({ seed: 3 })),
      (index) => index % 2 === 0,
      () => 2_000,
    );
    const summary = attemptSummary(finished);
    expect(summary).toMatchObject({ mode: 'practice', complete: true, questionCount: 8, rightCount: 4, maxScore: 8 });
    expect(summary.score).toBe(4);
    expect(summary.results.map((result) => result.questionId).sort()).toEqual([...ids].sort());
    expect(summary.results.every((result) => result.timeMs === 2_000)).toBe(true);
    const json = JSON.stringify(summary);
    for (const typed of ['Oxygen', 'no such answer']) expect(json).not.toContain(typed);
  });

  test('mid-attempt: what has been answered, not complete', () => {
    const start = createAttempt(quiz, options());
    const answered = submitAnswer(start, wrongAnswer(current(start)), T0 + 1);
    expect(attemptSummary(start)).toMatchObject({ complete: false, results: [], score: 0, maxScore: 8 });
    expect(attemptSummary(answered)).toMatchObject({ complete: false, rightCount: 0, score: 0 });
    expect(attemptSummary(answered).results).toHaveLength(1);
  });
});
