/**
 * An attempt at a quiz as a value: made from the quiz, the visitor's language, a mode, a seed and the time, and
 * changed only by functions that return a new attempt (the old one is left as it was). Nothing is kept
 * anywhere else, so when a visit ends (Finish or the idle reset) the screen drops the attempt and nothing of it
 * remains. Time comes in as `now`, milliseconds on whatever steady clock the screen uses for every call;
 * randomness only from the seed.
 *
 * Phases: 'question' (waiting for an answer) → 'feedback' (answered or timed out) → the next 'question', and
 * after the last feedback 'finished'.
 */
import type { QuizQuestion, QuizSet } from '../../../preload/contract/quiz-set.ts';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import type { GivenAnswer, RecordedAnswer } from './answers.ts';
import { speedPoints, streakBonus } from './contest-points.ts';
import { questionText } from './question-text.ts';
import { itemClasses, rightLabelClasses } from './same-labels.ts';
import { scoreAnswer } from './score-answer.ts';
import { seededRandom, type Random } from './seeded-random.ts';
import { scrambledOrder, shuffledOrder } from './shuffle.ts';

/**
 * A contest is timed and scores points for speed; practice is untimed, since a visitor reading in a second
 * language or looking up the answer must not lose the question, and scores credit alone.
 */
export type AttemptMode = 'practice' | 'contest';
/** 'partial' gives the credit the weights give; 'all-or-nothing' gives 1 for a right answer and 0 otherwise. */
export type Scoring = 'partial' | 'all-or-nothing';

export interface AttemptOptions {
  language: ContentLanguage;
  mode: AttemptMode;
  /** Any safe integer: one seed gives the same questions in the same order with the same answer orders. */
  seed: number;
  /** When the first question appears. */
  now: number;
  /** Only these questions of the quiz, shuffled like the rest; all of them when absent. */
  questionIds?: readonly string[];
  /** At most this many questions, the first of the shuffled order; all of them when absent. */
  count?: number;
  /** 'partial' when absent. */
  scoring?: Scoring;
}

export interface PlannedQuestion {
  readonly question: QuizQuestion;
  /**
   * Key indices by screen position: the choices, matching's right-hand labels (one per label that reads
   * differently) or ordering's items (never in the right order). Empty for the other types.
   */
  readonly order: readonly number[];
  /** Null in practice. */
  readonly timeLimitMs: number | null;
}

export interface ContestPoints {
  /** For the answer's credit and speed (`speedPoints`). */
  readonly speed: number;
  readonly streakBonus: number;
  readonly total: number;
  /** Right answers in a row, this one included; 0 after a wrong one. */
  readonly streak: number;
}

export interface QuestionResult {
  readonly questionId: string;
  /** The language the question was shown in when it was answered (after fallback). */
  readonly language: ContentLanguage;
  readonly timedOut: boolean;
  /** Null when the time ran out. */
  readonly answer: RecordedAnswer | null;
  /** From 0 to 1, as the attempt's scoring gives it. */
  readonly credit: number;
  readonly right: boolean;
  /** Contest only. */
  readonly points: ContestPoints | null;
  /** From the question appearing to the answer; the whole limit when it ran out. */
  readonly timeMs: number;
}

interface AttemptCommon {
  readonly mode: AttemptMode;
  readonly scoring: Scoring;
  /** The language the visitor chose; a question without it is shown in a fallback (`fallbackLanguages`). */
  readonly language: ContentLanguage;
  readonly questions: readonly PlannedQuestion[];
  /** One per question answered so far, in the attempt's order. */
  readonly results: readonly QuestionResult[];
  /** Right answers in a row up to now. */
  readonly streak: number;
}

export type Attempt = AttemptCommon &
  (
    | { readonly phase: 'question'; readonly current: number; readonly startedAt: number }
    /** `results[current]` is the answer's result; `given` what the visitor gave, for the feedback screen only. */
    | { readonly phase: 'feedback'; readonly current: number; readonly given: GivenAnswer | null }
    | { readonly phase: 'finished' }
  );

/** A new attempt, at its first question. Throws on an unknown or repeated question id and on a bad count. */
export function createAttempt(quiz: QuizSet, options: AttemptOptions): Attempt {
  const pool = options.questionIds ? chosenQuestions(quiz, options.questionIds) : quiz.questions;
  const count = options.count ?? pool.length;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`an attempt has at least one question, not ${count}`);
  const questions = shuffledOrder(pool.length, seededRandom(options.seed, 'questions'))
    .slice(0, count)
    .map((index) => plan(quiz, pool[index]!, options));
  return {
    mode: options.mode,
    scoring: options.scoring ?? 'partial',
    language: options.language,
    questions,
    results: [],
    streak: 0,
    phase: 'question',
    current: 0,
    startedAt: options.now,
  };
}

/**
 * Answers the current question. After its deadline the answer is not taken: the question is recorded as timed
 * out, worth nothing. Outside the question phase (a second tap on an answer) the attempt is returned unchanged.
 * Throws when the answer does not fit the question (see `scoreAnswer`).
 */
export function submitAnswer(attempt: Attempt, given: GivenAnswer, now: number): Attempt {
  if (attempt.phase !== 'question') return attempt;
  const planned = attempt.questions[attempt.current]!;
  // A clock that stepped back counts as no time passed, never as negative time.
  const elapsed = Math.max(0, now - attempt.startedAt);
  if (planned.timeLimitMs !== null && elapsed > planned.timeLimitMs) return timedOut(attempt, planned.timeLimitMs);
  const shown = questionText(planned.question, attempt.language).language;
  const scored = scoreAnswer(planned.question, given, shown);
  const credit = attempt.scoring === 'partial' ? scored.credit : scored.right ? 1 : 0;
  const streak = scored.right ? attempt.streak + 1 : 0;
  const points =
    planned.timeLimitMs === null ? null : contestPoints(speedPoints(credit, elapsed, planned.timeLimitMs), streak);
  return answered(
    attempt,
    {
      questionId: planned.question.id,
      language: shown,
      timedOut: false,
      answer: scored.answer,
      credit,
      right: scored.right,
      points,
      timeMs: elapsed,
    },
    given,
    streak,
  );
}

/** Records the current question as timed out once its deadline has passed; otherwise returns the attempt unchanged. */
export function tick(attempt: Attempt, now: number): Attempt {
  if (attempt.phase !== 'question') return attempt;
  const limit = attempt.questions[attempt.current]!.timeLimitMs;
  return limit !== null && now - attempt.startedAt > limit ? timedOut(attempt, limit) : attempt;
}

/** From feedback to the next question, whose clock starts at `now`, or to 'finished' after the last. */
export function nextQuestion(attempt: Attempt, now: number): Attempt {
  if (attempt.phase !== 'feedback') return attempt;
  const common = commonOf(attempt);
  const current = attempt.current + 1;
  return current < attempt.questions.length
    ? { ...common, phase: 'question', current, startedAt: now }
    : { ...common, phase: 'finished' };
}

/** The visitor's new language: answers, score and the running clock stay as they are. */
export function switchLanguage(attempt: Attempt, language: ContentLanguage): Attempt {
  return attempt.language === language ? attempt : { ...attempt, language };
}

/** Milliseconds left to answer the current question (0 once past), or null when it is untimed or answered. */
export function remainingMs(attempt: Attempt, now: number): number | null {
  if (attempt.phase !== 'question') return null;
  const limit = attempt.questions[attempt.current]!.timeLimitMs;
  return limit === null ? null : Math.max(0, attempt.startedAt + limit - now);
}

function chosenQuestions(quiz: QuizSet, ids: readonly string[]): QuizQuestion[] {
  if (new Set(ids).size !== ids.length) throw new RangeError('a question is chosen twice');
  return ids.map((id) => {
    const question = quiz.questions.find((candidate) => candidate.id === id);
    if (!question) throw new RangeError(`the quiz has no question "${id}"`);
    return question;
  });
}

function plan(quiz: QuizSet, question: QuizQuestion, options: AttemptOptions): PlannedQuestion {
  const random = seededRandom(options.seed, `answers:${question.id}`);
  const seconds = question.timeLimitSeconds ?? quiz.timeLimitSeconds;
  return {
    question,
    order: answerOrder(question, random),
    timeLimitMs: options.mode === 'contest' ? seconds * 1000 : null,
  };
}

function answerOrder(question: QuizQuestion, random: Random): number[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'image-choice':
      return shuffledOrder(question.choices.length, random);
    case 'matching': {
      // One of each label that reads differently, so a repeated answer is offered once.
      const distinct = rightLabelClasses(question).flatMap((label, key) => (label === key ? [key] : []));
      return scrambledOrder(
        distinct.map((_, index) => index),
        random,
      ).map((index) => distinct[index]!);
    }
    case 'ordering':
      return scrambledOrder(itemClasses(question), random);
    case 'true-false':
    case 'short':
    case 'numeric':
      return [];
  }
}

function contestPoints(speed: number, streak: number): ContestPoints {
  const bonus = streakBonus(streak);
  return { speed, streakBonus: bonus, total: speed + bonus, streak };
}

function timedOut(attempt: Attempt & { phase: 'question' }, limitMs: number): Attempt {
  const planned = attempt.questions[attempt.current]!;
  return answered(
    attempt,
    {
      questionId: planned.question.id,
      language: questionText(planned.question, attempt.language).language,
      timedOut: true,
      answer: null,
      credit: 0,
      right: false,
      points: contestPoints(0, 0),
      timeMs: limitMs,
    },
    null,
    0,
  );
}

function answered(
  attempt: Attempt & { phase: 'question' },
  result: QuestionResult,
  given: GivenAnswer | null,
  streak: number,
): Attempt {
  return {
    ...commonOf(attempt),
    results: [...attempt.results, result],
    streak,
    phase: 'feedback',
    current: attempt.current,
    given,
  };
}

function commonOf(attempt: Attempt): AttemptCommon {
  const { mode, scoring, language, questions, results, streak } = attempt;
  return { mode, scoring, language, questions, results, streak };
}
