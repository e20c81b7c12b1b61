/**
 * The credit an answer earns, from 0 (wrong) to 1 (right), by the weights the quiz gives. A question never
 * scores below 0, whatever negative weights the visitor collects.
 */
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import type { AnswerOf, GivenAnswer, QuestionOf, RecordedAnswer, RecordOf } from './answers.ts';
import type { QuizQuestion } from '../../../preload/contract/quiz-set.ts';
import { normaliseAnswer } from './normalise-answer.ts';
import { fallbackLanguages } from './question-text.ts';
import { itemClasses, rightLabelClasses } from './same-labels.ts';

export interface Scored<R extends RecordedAnswer = RecordedAnswer> {
  /** From 0 to 1. */
  credit: number;
  /** Full credit. */
  right: boolean;
  answer: R;
}

/**
 * Scores `given` for `question`, shown in `language` (which decides, for short answers, whose accepted answers
 * win a tie). Throws when the answer does not fit the question (another type, an index out of range): that is
 * a screen's mistake, never a visitor's.
 */
export function scoreAnswer(question: QuizQuestion, given: GivenAnswer, language: ContentLanguage): Scored {
  switch (question.type) {
    case 'single':
    case 'image-choice':
      return scoreChoice(question, answerOf(given, question.type));
    case 'multiple':
      return scoreMultiple(question, answerOf(given, 'multiple'));
    case 'true-false': {
      const { value } = answerOf(given, 'true-false');
      return scored(value === question.answer ? 1 : 0, { type: 'true-false', value });
    }
    case 'short':
      return scoreShort(question, answerOf(given, 'short'), language);
    case 'numeric':
      return scoreNumeric(question, answerOf(given, 'numeric'));
    case 'matching':
      return scoreMatching(question, answerOf(given, 'matching'));
    case 'ordering':
      return scoreOrdering(question, answerOf(given, 'ordering'));
  }
}

/** Single and picture choice: the weight of the choice tapped; a negative one scores 0. */
function scoreChoice(
  question: QuestionOf<'single' | 'image-choice'>,
  given: AnswerOf<'single' | 'image-choice'>,
): Scored<RecordOf<'single' | 'image-choice'>> {
  const choice = keyIndex(given.choice, question.choices.length);
  return scored(question.choices[choice]!.weight / 100, { type: given.type, choice });
}

/**
 * Multiple choice: the weights of the choices ticked, added, over the sum of the positive weights rather than
 * over 100, since the schema lets three 33.33 % choices stand for a whole and ticking all three must be right.
 */
function scoreMultiple(question: QuestionOf<'multiple'>, given: AnswerOf<'multiple'>): Scored<RecordOf<'multiple'>> {
  const choices = [...new Set(given.choices.map((choice) => keyIndex(choice, question.choices.length)))].sort(
    (a, b) => a - b,
  );
  const whole = question.choices.reduce((sum, choice) => sum + Math.max(0, choice.weight), 0);
  const earned = choices.reduce((sum, choice) => sum + question.choices[choice]!.weight, 0);
  return scored(earned / whole, { type: 'multiple', choices });
}

/**
 * Short answer: the best weight among the accepted answers the text matches after `normaliseAnswer`, in the
 * language the question is shown in. When none of them matches, the other languages' accepted answers are
 * tried in fallback order, so a visitor who types the English word on the Korean screen is right; but where the
 * shown language has its own say (a weight, a feedback) on what was typed, that stands.
 */
function scoreShort(
  question: QuestionOf<'short'>,
  given: AnswerOf<'short'>,
  language: ContentLanguage,
): Scored<RecordOf<'short'>> {
  const typed = normaliseAnswer(given.text);
  if (typed !== '') {
    for (const candidate of fallbackLanguages(language)) {
      let best: { index: number; weight: number } | undefined;
      question.texts[candidate]?.accepted.forEach((accepted, index) => {
        if (normaliseAnswer(accepted.text) === typed && (!best || accepted.weight > best.weight))
          best = { index, weight: accepted.weight };
      });
      if (best)
        return scored(best.weight / 100, { type: 'short', matched: { language: candidate, index: best.index } });
    }
  }
  return scored(0, { type: 'short', matched: null });
}

/**
 * How far past a bound still counts as on it, relative to the numbers compared: 3.13 is within 3.14 ± 0.01
 * although 3.14 − 3.13 is 0.010000000000000231 in binary. A billionth is far below any tolerance a quiz writes.
 */
const SLACK = 1e-9;

/** Numeric: the best weight among the answers the value falls within; bounds are inclusive. */
function scoreNumeric(question: QuestionOf<'numeric'>, given: AnswerOf<'numeric'>): Scored<RecordOf<'numeric'>> {
  const { value } = given;
  if (!Number.isFinite(value)) throw new RangeError(`a numeric answer is a finite number, not ${value}`);
  let matched: number | null = null;
  question.answers.forEach((answer, index) => {
    const within =
      answer.kind === 'exact'
        ? Math.abs(value - answer.value) <= answer.tolerance + SLACK * Math.max(Math.abs(value), Math.abs(answer.value))
        : value >= answer.min - SLACK * Math.abs(answer.min) && value <= answer.max + SLACK * Math.abs(answer.max);
    if (within && (matched === null || answer.weight > question.answers[matched]!.weight)) matched = index;
  });
  const weight = matched === null ? 0 : question.answers[matched]!.weight;
  return scored(weight / 100, { type: 'numeric', value, matched });
}

/** Matching: the fraction of left items beside their own right-hand label (or one that reads the same). */
function scoreMatching(question: QuestionOf<'matching'>, given: AnswerOf<'matching'>): Scored<RecordOf<'matching'>> {
  const classes = rightLabelClasses(question);
  if (given.rights.length !== classes.length)
    throw new RangeError(`${given.rights.length} answers for ${classes.length} pairs`);
  const rights = given.rights.map((right) => (right === null ? null : keyIndex(right, classes.length)));
  const correct = rights.map((right, left) => right !== null && classes[right] === classes[left]);
  return scored(fractionTrue(correct), { type: 'matching', rights, correct });
}

/**
 * Ordering: the fraction of positions holding their own item. Simple to show ("3 of 5 in the right place") at
 * the cost of harshness when one item is moved from the end to the start.
 */
function scoreOrdering(question: QuestionOf<'ordering'>, given: AnswerOf<'ordering'>): Scored<RecordOf<'ordering'>> {
  const classes = itemClasses(question);
  const order = given.order.map((item) => keyIndex(item, classes.length));
  if (order.length !== classes.length || new Set(order).size !== order.length)
    throw new RangeError(`an ordering answer puts each of the ${classes.length} items once`);
  const correct = order.map((item, position) => classes[item] === classes[position]);
  return scored(fractionTrue(correct), { type: 'ordering', order, correct });
}

function scored<R extends RecordedAnswer>(fraction: number, answer: R): Scored<R> {
  const credit = Math.min(1, Math.max(0, fraction));
  return { credit, right: credit === 1, answer };
}

function fractionTrue(flags: readonly boolean[]): number {
  return flags.filter(Boolean).length / flags.length;
}

function answerOf<T extends GivenAnswer['type']>(given: GivenAnswer, type: T): AnswerOf<T> {
  if (given.type !== type) throw new TypeError(`a ${type} question cannot take a ${given.type} answer`);
  return given as AnswerOf<T>;
}

function keyIndex(index: number, length: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= length)
    throw new RangeError(`answer ${index} is not one of the ${length} given`);
  return index;
}
