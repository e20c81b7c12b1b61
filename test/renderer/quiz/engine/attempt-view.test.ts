/**
 * What the screens are given: the question in the visitor's language or its fallback, answers in the attempt's
 * order, the feedback after an answer with the right answer and the quiz's words, and the result at the end.
 */
import { describe, expect, test } from 'vitest';
import type { ContentLanguage } from '../../../../preload/contract/schemas.ts';
import type { GivenAnswer } from '../../../../renderer/quiz/engine/answers.ts';
import {
  attemptView,
  type FeedbackView,
  type FinishedView,
  type QuestionView,
} from '../../../../renderer/quiz/engine/attempt-view.ts';
import {
  createAttempt,
  nextQuestion,
  submitAnswer,
  switchLanguage,
  tick,
  type Attempt,
  type AttemptMode,
} from '../../../../renderer/quiz/engine/attempt.ts';
import { fallbackLanguages } from '../../../../renderer/quiz/engine/question-text.ts';
import { everyType, quizOf, rightAnswer, wrongAnswer } from './quiz-fixtures.ts';

const quiz = quizOf(everyType, 20);
const T0 = 50_000;
const only = (id: string, language: ContentLanguage = 'en', mode: AttemptMode = 'practice') =>
  createAttempt(quiz, { language, mode, seed: 11, now: T0, questionIds: [id] });
const order = (attempt: Attempt) => attempt.questions[0]!.order;

function questionView(attempt: Attempt, language?: ContentLanguage): QuestionView {
  const view = attemptView(attempt, language);
  if (view.phase !== 'question') throw new Error(`expected a question, got ${view.phase}`);
  return view;
}
function feedbackView(attempt: Attempt, given: GivenAnswer | null, language?: ContentLanguage): FeedbackView {
  const answered = given ? submitAnswer(attempt, given, T0 + 3_000) : tick(attempt, T0 + 10 ** 9);
  const view = attemptView(answered, language);
  if (view.phase !== 'feedback') throw new Error(`expected feedback, got ${view.phase}`);
  return view;
}

describe('fallback languages', () => {
  test('Mongolian falls back to its other script first, everything to English next, then the rest', () => {
    expect(fallbackLanguages('mn-Mong')).toEqual(['mn-Mong', 'mn-Cyrl', 'en', 'ko', 'zh']);
    expect(fallbackLanguages('mn-Cyrl')).toEqual(['mn-Cyrl', 'mn-Mong', 'en', 'ko', 'zh']);
    expect(fallbackLanguages('zh')).toEqual(['zh', 'en', 'ko', 'mn-Cyrl', 'mn-Mong']);
    expect(fallbackLanguages('en')).toEqual(['en', 'ko', 'zh', 'mn-Cyrl', 'mn-Mong']);
  });
});

describe('the question view', () => {
  test('a choice question: prompt and choices in the attempt’s order with their keys', () => {
    const attempt = only('planet');
    const names = ['Mars', 'Jupiter', 'Saturn', 'The Moon'];
    expect(questionView(attempt)).toEqual({
      phase: 'question',
      position: 0,
      count: 1,
      startedAt: T0,
      deadline: null,
      timeLimitMs: null,
      question: {
        questionId: 'planet',
        type: 'single',
        difficulty: 2,
        subject: 'science',
        language: 'en',
        prompt: 'Which planet is largest?',
        choices: order(attempt).map((key) => ({ key, text: names[key] })),
      },
    });
  });

  test('in another language the same keys in the same places, in that language’s words', () => {
    const attempt = only('planet');
    const ko = questionView(attempt, 'ko').question;
    expect(ko).toMatchObject({ language: 'ko', prompt: '가장 큰 행성은?' });
    expect('choices' in ko && ko.choices.map((choice) => choice.key)).toEqual(order(attempt));
    expect(questionView(switchLanguage(attempt, 'ko'))).toEqual(questionView(attempt, 'ko'));
  });

  test('a language the question lacks falls back, and the view says which language it shows', () => {
    expect(questionView(only('planet'), 'mn-Mong').question).toMatchObject({
      language: 'mn-Cyrl',
      prompt: 'Хамгийн том гараг аль вэ?',
    });
    expect(questionView(only('planet'), 'zh').question.language).toBe('en');
    expect(questionView(only('pi'), 'ko').question.language).toBe('en');
    expect(questionView(only('pi'), 'mn-Mong').question).toMatchObject({ language: 'en', type: 'numeric' });
    expect(questionView(only('pi'), 'zh').question).toMatchObject({ language: 'zh', prompt: '圆周率？' });
    expect(questionView(only('classes'), 'mn-Cyrl').question.language).toBe('mn-Mong');
  });

  test('a picture choice carries its pictures', () => {
    const attempt = only('leaf');
    const view = questionView(attempt).question;
    const pictures = ['a'.repeat(64), 'b'.repeat(64)];
    expect('choices' in view && view.choices).toEqual(
      order(attempt).map((key) => ({ key, text: ['Maple', 'Oak'][key], image: pictures[key] })),
    );
  });

  test('true-false, short and numeric have a prompt only', () => {
    expect(questionView(only('sun-cold')).question).toEqual({
      questionId: 'sun-cold',
      type: 'true-false',
      difficulty: 2,
      subject: 'science',
      language: 'en',
      prompt: 'The Sun is cold.',
    });
    expect(Object.keys(questionView(only('gas-we-breathe')).question).sort()).toEqual(
      ['difficulty', 'language', 'prompt', 'questionId', 'subject', 'type'].sort(),
    );
  });

  test('matching: left items in key order, each distinct right-hand label once, scrambled', () => {
    const attempt = only('classes');
    const view = questionView(attempt).question;
    if (view.type !== 'matching') throw new Error(view.type);
    expect(view.lefts).toEqual([
      { key: 0, text: 'Whale' },
      { key: 1, text: 'Eagle' },
      { key: 2, text: 'Cow' },
      { key: 3, text: 'Frog' },
    ]);
    const labels = ['Mammal', 'Bird', 'Mammal', 'Amphibian'];
    expect(view.rights).toEqual(order(attempt).map((key) => ({ key, text: labels[key] })));
    expect(view.rights.map((label) => label.text).sort()).toEqual(['Amphibian', 'Bird', 'Mammal']);
  });

  test('ordering: the items as first shown, never in the right order', () => {
    const attempt = only('life-cycle', 'ko');
    const view = questionView(attempt).question;
    if (view.type !== 'ordering') throw new Error(view.type);
    const items = ['알', '애벌레', '번데기', '나비'];
    expect(view.items).toEqual(order(attempt).map((key) => ({ key, text: items[key] })));
    expect(view.items.map((item) => item.text)).not.toEqual(items);
  });

  test('a contest question has its deadline on the clock of now', () => {
    expect(questionView(only('life-cycle', 'en', 'contest'))).toMatchObject({
      startedAt: T0,
      deadline: T0 + 60_000,
      timeLimitMs: 60_000,
    });
  });
});

describe('the feedback view', () => {
  test('a single choice: what was chosen, what was right, its feedback, the explanation and read more', () => {
    const attempt = only('planet');
    const view = feedbackView(attempt, { type: 'single', choice: 0 });
    const weights = [0, 100, 50, -50];
    expect(view).toMatchObject({
      phase: 'feedback',
      position: 0,
      count: 1,
      result: { credit: 0, right: false, answer: { type: 'single', choice: 0 } },
      feedback: ['Mars is small.'],
      explanation: 'Jupiter is over a thousand Earths.',
      readMore: { itemId: 'solar-system', page: 4 },
    });
    expect(view.reveal).toEqual({
      type: 'single',
      choices: order(attempt).map((key) => ({
        key,
        text: ['Mars', 'Jupiter', 'Saturn', 'The Moon'][key],
        weight: weights[key],
        right: key === 1,
        chosen: key === 0,
      })),
    });
  });

  test('the same feedback in another language, empty feedback left out', () => {
    const attempt = only('planet');
    expect(feedbackView(attempt, { type: 'single', choice: 1 }, 'ko')).toMatchObject({
      feedback: ['맞아요.'],
      explanation: '목성은 지구 천 개보다 큽니다.',
    });
    expect(feedbackView(attempt, { type: 'single', choice: 0 }, 'ko').feedback).toEqual([]);
    expect(feedbackView(attempt, { type: 'single', choice: 1 }, 'mn-Cyrl')).toMatchObject({
      feedback: [],
      explanation: '',
    });
  });

  test('a multiple choice: every choice worth ticking is right, each ticked one’s feedback in screen order', () => {
    const attempt = only('gases');
    const view = feedbackView(attempt, { type: 'multiple', choices: [1, 0] });
    expect(view.result.credit).toBe(0);
    if (view.reveal.type !== 'multiple') throw new Error(view.reveal.type);
    expect(
      view.reveal.choices
        .filter((choice) => choice.right)
        .map((choice) => choice.key)
        .sort(),
    ).toEqual([0, 2]);
    expect(
      view.reveal.choices
        .filter((choice) => choice.chosen)
        .map((choice) => choice.key)
        .sort(),
    ).toEqual([0, 1]);
    const expected = order(attempt)
      .filter((key) => key === 0 || key === 1)
      .map((key) => ['Right, a gas.', 'Iron is a metal.'][key]);
    expect(view.feedback).toEqual(expected);
  });

  test('true or false: the right and the wrong answer’s feedback, none when the time ran out', () => {
    const attempt = only('sun-cold', 'en', 'contest');
    expect(feedbackView(attempt, { type: 'true-false', value: true })).toMatchObject({
      reveal: { type: 'true-false', answer: false, given: true },
      feedback: ['It is very hot.'],
    });
    expect(feedbackView(attempt, { type: 'true-false', value: false }).feedback).toEqual(['Indeed, it is hot.']);
    expect(feedbackView(attempt, null)).toMatchObject({
      result: { timedOut: true, answer: null },
      reveal: { type: 'true-false', answer: false, given: null },
      feedback: [],
    });
  });

  test('short answer: what was typed, the fully right answers in the view’s language, the matched feedback', () => {
    const attempt = only('gas-we-breathe');
    expect(feedbackView(attempt, { type: 'short', text: ' AIR ' })).toMatchObject({
      result: { credit: 0.5 },
      reveal: { type: 'short', given: ' AIR ', accepted: ['Oxygen', 'O2'] },
      feedback: ['Air holds it.'],
    });
    expect(feedbackView(attempt, { type: 'short', text: 'oxygen' }, 'ko')).toMatchObject({
      reveal: { accepted: ['산소', 'Air'] },
      feedback: ['Yes, oxygen.'],
    });
    expect(feedbackView(attempt, { type: 'short', text: 'helium' })).toMatchObject({
      result: { credit: 0, answer: { type: 'short', matched: null } },
      feedback: [],
    });
  });

  test('numeric: the value, the fully right answers, the matched answer’s feedback in the view’s language', () => {
    const attempt = only('pi');
    expect(feedbackView(attempt, { type: 'numeric', value: 3.5 })).toMatchObject({
      reveal: { type: 'numeric', given: 3.5, accepted: [{ kind: 'exact', value: 3.14, tolerance: 0.01, weight: 100 }] },
      feedback: ['Close.'],
    });
    expect(feedbackView(attempt, { type: 'numeric', value: 3.5 }, 'zh').feedback).toEqual(['接近。']);
    expect(feedbackView(attempt, { type: 'numeric', value: 22 }, 'zh').feedback).toEqual([]);
    expect(feedbackView(attempt, { type: 'numeric', value: 22 }).feedback).toEqual(['That is 22/7 without the 7.']);
  });

  test('matching: each left item with the label given, the right label and whether they agree', () => {
    const view = feedbackView(only('classes'), { type: 'matching', rights: [2, 3, null, 3] });
    expect(view.result.credit).toBe(0.5);
    expect(view.reveal).toEqual({
      type: 'matching',
      pairs: [
        {
          left: { key: 0, text: 'Whale' },
          given: { key: 2, text: 'Mammal' },
          right: { key: 0, text: 'Mammal' },
          correct: true,
        },
        {
          left: { key: 1, text: 'Eagle' },
          given: { key: 3, text: 'Amphibian' },
          right: { key: 1, text: 'Bird' },
          correct: false,
        },
        { left: { key: 2, text: 'Cow' }, given: null, right: { key: 0, text: 'Mammal' }, correct: false },
        {
          left: { key: 3, text: 'Frog' },
          given: { key: 3, text: 'Amphibian' },
          right: { key: 3, text: 'Amphibian' },
          correct: true,
        },
      ],
    });
  });

  test('ordering: the order given with each place marked, and the right order', () => {
    const view = feedbackView(only('life-cycle'), { type: 'ordering', order: [0, 2, 1, 3] });
    expect(view.reveal).toEqual({
      type: 'ordering',
      given: [
        { key: 0, text: 'Egg', correct: true },
        { key: 2, text: 'Pupa', correct: false },
        { key: 1, text: 'Caterpillar', correct: false },
        { key: 3, text: 'Butterfly', correct: true },
      ],
      items: [
        { key: 0, text: 'Egg' },
        { key: 1, text: 'Caterpillar' },
        { key: 2, text: 'Pupa' },
        { key: 3, text: 'Butterfly' },
      ],
    });
    expect(feedbackView(only('life-cycle', 'en', 'contest'), null).reveal).toMatchObject({ given: null });
  });

  test('choices not picked when the time ran out', () => {
    const view = feedbackView(only('planet', 'en', 'contest'), null);
    expect(view.reveal.type === 'single' && view.reveal.choices.some((choice) => choice.chosen)).toBe(false);
    expect(view.feedback).toEqual([]);
  });
});

describe('the finished view', () => {
  test('score, each question in the visitor’s language, and the ones missed with where to read more', () => {
    let attempt = createAttempt(quiz, { language: 'ko', mode: 'practice', seed: 2, now: T0 });
    while (attempt.phase !== 'finished') {
      const question = attempt.questions[attempt.current]!.question;
      const given =
        question.id === 'planet' || question.id === 'pi' ? wrongAnswer(question) : rightAnswer(question, 'ko');
      attempt = nextQuestion(submitAnswer(attempt, given, T0), T0);
    }
    const view = attemptView(attempt) as FinishedView;
    expect(view).toMatchObject({ phase: 'finished', mode: 'practice', score: 6, maxScore: 8, rightCount: 6, count: 8 });
    expect(view.questions.map((outcome) => outcome.questionId)).toEqual(
      attempt.questions.map((planned) => planned.question.id),
    );
    const missed = [...view.missed].sort((a, b) => a.questionId.localeCompare(b.questionId));
    expect(missed).toEqual([
      {
        questionId: 'pi',
        language: 'en',
        prompt: 'Pi to two decimals?',
        result: expect.objectContaining({ right: false }),
        readMore: undefined,
      },
      {
        questionId: 'planet',
        language: 'ko',
        prompt: '가장 큰 행성은?',
        result: expect.objectContaining({ right: false }),
        readMore: { itemId: 'solar-system', page: 4 },
      },
    ]);
    const mongolian = attemptView(attempt, 'mn-Mong') as FinishedView;
    expect(mongolian.missed.find((outcome) => outcome.questionId === 'planet')).toMatchObject({ language: 'mn-Cyrl' });
  });
});
