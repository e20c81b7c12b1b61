/**
 * What a visitor answers and what an attempt keeps of it. Both speak in key indices (the quiz's own order of
 * choices, pairs and items), never in screen positions or words, so an answer means the same in every language.
 */
import type { QuestionType, QuizQuestion } from '../../../preload/contract/quiz-set.ts';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';

/** One question type's part of the quiz set. */
export type QuestionOf<T extends QuestionType> = Extract<QuizQuestion, { type: T }>;

/** An answer as a screen submits it. */
export type GivenAnswer =
  /** The key index of the choice tapped. */
  | { type: 'single'; choice: number }
  | { type: 'image-choice'; choice: number }
  /** The key indices of the choices ticked, in any order; none is an answer too. */
  | { type: 'multiple'; choices: readonly number[] }
  | { type: 'true-false'; value: boolean }
  /** What the visitor typed, as typed. */
  | { type: 'short'; text: string }
  /** The number typed, already read by `parseNumber`. */
  | { type: 'numeric'; value: number }
  /** For each left item in key order, the key index of the right-hand label put beside it, or null. */
  | { type: 'matching'; rights: readonly (number | null)[] }
  /** The key indices of the items in the order the visitor put them. */
  | { type: 'ordering'; order: readonly number[] };

/**
 * What a result keeps of an answer, for the statistics of which answers visitors give: key indices and
 * numbers, never typed text.
 */
export type RecordedAnswer =
  | { type: 'single'; choice: number }
  | { type: 'image-choice'; choice: number }
  /** Ascending key indices. */
  | { type: 'multiple'; choices: number[] }
  | { type: 'true-false'; value: boolean }
  /** The accepted answer the text matched (the one worth most), by its language and index there. */
  | { type: 'short'; matched: { language: ContentLanguage; index: number } | null }
  /** The value, and the index of the accepted answer it fell within (the one worth most). */
  | { type: 'numeric'; value: number; matched: number | null }
  /** `correct[i]`: left item i is beside its own right-hand label (or one that reads the same). */
  | { type: 'matching'; rights: (number | null)[]; correct: boolean[] }
  /** `correct[p]`: position p holds its own item (or one that reads the same). */
  | { type: 'ordering'; order: number[]; correct: boolean[] };

/** The answer a question of type `T` takes. */
export type AnswerOf<T extends QuestionType> = Extract<GivenAnswer, { type: T }>;
/** What a result keeps of an answer to a question of type `T`. */
export type RecordOf<T extends QuestionType> = Extract<RecordedAnswer, { type: T }>;
