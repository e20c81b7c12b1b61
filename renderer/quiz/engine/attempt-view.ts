/**
 * What a screen shows of an attempt, in one language: the current question with its answers in screen order,
 * the feedback after an answer, or the result at the end. Built afresh from the attempt on each call, so a
 * language switch shows the same question, answers and result in the new words.
 */
import type { QuestionType, QuizQuestion } from '../../../preload/contract/quiz-set.ts';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import type { GivenAnswer, QuestionOf, RecordOf } from './answers.ts';
import type { Attempt, AttemptMode, PlannedQuestion, QuestionResult } from './attempt.ts';
import { attemptSummary } from './attempt-summary.ts';
import { questionText } from './question-text.ts';
import { rightLabelClasses } from './same-labels.ts';

/** A label and the key index a screen answers with. */
export interface LabelView {
  readonly key: number;
  readonly text: string;
}

export interface ChoiceView extends LabelView {
  /** The picture (an attachment's SHA-256) of a picture choice; `text` is then its caption. */
  readonly image?: string;
}

/** A question's words and answers in screen order. */
export type QuestionContent = {
  readonly questionId: string;
  readonly difficulty: QuizQuestion['difficulty'];
  readonly subject: string;
  /** The language the words are in: the one asked for, or its fallback; for the screen's `lang` attribute. */
  readonly language: ContentLanguage;
  readonly prompt: string;
} & (
  | { readonly type: 'single' | 'multiple' | 'image-choice'; readonly choices: readonly ChoiceView[] }
  /** The screen writes True and False in its own words. */
  | { readonly type: 'true-false' | 'short' | 'numeric' }
  /** Left items in key order; right-hand labels scrambled, each label that reads the same offered once. */
  | { readonly type: 'matching'; readonly lefts: readonly LabelView[]; readonly rights: readonly LabelView[] }
  /** Items as first shown, never in the right order. */
  | { readonly type: 'ordering'; readonly items: readonly LabelView[] }
);

export interface QuestionView {
  readonly phase: 'question';
  /** From 0. */
  readonly position: number;
  readonly count: number;
  readonly question: QuestionContent;
  readonly startedAt: number;
  /** On the clock of `now`; null when untimed. */
  readonly deadline: number | null;
  readonly timeLimitMs: number | null;
}

type NumericAnswer = QuestionOf<'numeric'>['answers'][number];
/** The catalog item (and page) to read more about a question. */
export type ReadMore = NonNullable<QuizQuestion['readMore']>;

/** The answer given against the right one. */
export type Reveal =
  | {
      readonly type: 'single' | 'multiple' | 'image-choice';
      /** In screen order. `right`: worth full marks (single, picture) or worth ticking (multiple). */
      readonly choices: readonly (ChoiceView & { weight: number; right: boolean; chosen: boolean })[];
    }
  | { readonly type: 'true-false'; readonly answer: boolean; readonly given: boolean | null }
  /** `accepted`: the fully right answers in the view's language. */
  | { readonly type: 'short'; readonly given: string | null; readonly accepted: readonly string[] }
  | { readonly type: 'numeric'; readonly given: number | null; readonly accepted: readonly NumericAnswer[] }
  | {
      readonly type: 'matching';
      readonly pairs: readonly { left: LabelView; given: LabelView | null; right: LabelView; correct: boolean }[];
    }
  | {
      readonly type: 'ordering';
      /** The visitor's order; null when the time ran out. */
      readonly given: readonly (LabelView & { correct: boolean })[] | null;
      /** The right order. */
      readonly items: readonly LabelView[];
    };

export interface FeedbackView {
  readonly phase: 'feedback';
  readonly position: number;
  readonly count: number;
  readonly question: QuestionContent;
  readonly result: QuestionResult;
  readonly reveal: Reveal;
  /** What the quiz says to the answer given (each choice ticked, the accepted answer matched), non-empty ones. */
  readonly feedback: readonly string[];
  /** Said after any answer; may be empty. */
  readonly explanation: string;
  readonly readMore: ReadMore | undefined;
}

export interface QuestionOutcome {
  readonly questionId: string;
  readonly language: ContentLanguage;
  readonly prompt: string;
  readonly result: QuestionResult;
  readonly readMore: ReadMore | undefined;
}

export interface FinishedView {
  readonly phase: 'finished';
  readonly mode: AttemptMode;
  readonly score: number;
  readonly maxScore: number;
  readonly rightCount: number;
  readonly count: number;
  readonly questions: readonly QuestionOutcome[];
  /** The questions not fully right, with where to read more. */
  readonly missed: readonly QuestionOutcome[];
}

export type AttemptView = QuestionView | FeedbackView | FinishedView;

/** The attempt as a screen shows it, in `language` (the attempt's own language when absent). */
export function attemptView(attempt: Attempt, language: ContentLanguage = attempt.language): AttemptView {
  const count = attempt.questions.length;
  switch (attempt.phase) {
    case 'question': {
      const planned = attempt.questions[attempt.current]!;
      const limit = planned.timeLimitMs;
      return {
        phase: 'question',
        position: attempt.current,
        count,
        question: questionContent(planned, language),
        startedAt: attempt.startedAt,
        deadline: limit === null ? null : attempt.startedAt + limit,
        timeLimitMs: limit,
      };
    }
    case 'feedback': {
      const planned = attempt.questions[attempt.current]!;
      const result = attempt.results[attempt.current]!;
      const { reveal, feedback } = revealAnswer(planned, result, attempt.given, language);
      return {
        phase: 'feedback',
        position: attempt.current,
        count,
        question: questionContent(planned, language),
        result,
        reveal,
        feedback: feedback.filter((text) => text !== ''),
        explanation: questionText(planned.question, language).text.explanation,
        readMore: planned.question.readMore,
      };
    }
    case 'finished': {
      const summary = attemptSummary(attempt);
      const questions = attempt.questions.map((planned, index): QuestionOutcome => {
        const { language: shown, text } = questionText(planned.question, language);
        return {
          questionId: planned.question.id,
          language: shown,
          prompt: text.prompt,
          result: attempt.results[index]!,
          readMore: planned.question.readMore,
        };
      });
      return {
        phase: 'finished',
        mode: attempt.mode,
        score: summary.score,
        maxScore: summary.maxScore,
        rightCount: summary.rightCount,
        count,
        questions,
        missed: questions.filter((outcome) => !outcome.result.right),
      };
    }
  }
}

function questionContent({ question, order }: PlannedQuestion, language: ContentLanguage): QuestionContent {
  const common = { questionId: question.id, difficulty: question.difficulty, subject: question.subject };
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'image-choice': {
      const { language: shown, text } = questionText(question, language);
      const choices = order.map((key) => choiceView(question, text.choices, key));
      return { ...common, type: question.type, language: shown, prompt: text.prompt, choices };
    }
    case 'true-false':
    case 'short':
    case 'numeric': {
      const { language: shown, text } = questionText(question, language);
      return { ...common, type: question.type, language: shown, prompt: text.prompt };
    }
    case 'matching': {
      const { language: shown, text } = questionText(question, language);
      const lefts = text.pairs.map((pair, key) => ({ key, text: pair.left }));
      const rights = order.map((key) => ({ key, text: text.pairs[key]!.right }));
      return { ...common, type: 'matching', language: shown, prompt: text.prompt, lefts, rights };
    }
    case 'ordering': {
      const { language: shown, text } = questionText(question, language);
      const items = order.map((key) => ({ key, text: text.items[key]! }));
      return { ...common, type: 'ordering', language: shown, prompt: text.prompt, items };
    }
  }
}

function revealAnswer(
  { question, order }: PlannedQuestion,
  result: QuestionResult,
  given: GivenAnswer | null,
  language: ContentLanguage,
): { reveal: Reveal; feedback: string[] } {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'image-choice': {
      const { text } = questionText(question, language);
      const chosen = new Set(chosenChoices(result));
      const choices = order.map((key) => {
        const { weight } = question.choices[key]!;
        const right = question.type === 'multiple' ? weight > 0 : weight === 100;
        return { ...choiceView(question, text.choices, key), weight, right, chosen: chosen.has(key) };
      });
      const feedback = order.filter((key) => chosen.has(key)).map((key) => text.choices[key]!.feedback);
      return { reveal: { type: question.type, choices }, feedback };
    }
    case 'true-false': {
      const { text } = questionText(question, language);
      const value = recordFor(result, 'true-false')?.value ?? null;
      const feedback = value === null ? [] : [value === question.answer ? text.feedbackRight : text.feedbackWrong];
      return { reveal: { type: 'true-false', answer: question.answer, given: value }, feedback };
    }
    case 'short': {
      const { text } = questionText(question, language);
      const accepted = text.accepted.filter((answer) => answer.weight === 100).map((answer) => answer.text);
      const matched = recordFor(result, 'short')?.matched;
      // The matched answer belongs to one language's list; its feedback is written in that language.
      const feedback = matched ? [question.texts[matched.language]!.accepted[matched.index]!.feedback] : [];
      const typed = given?.type === 'short' ? given.text : null;
      return { reveal: { type: 'short', given: typed, accepted }, feedback };
    }
    case 'numeric': {
      const { text } = questionText(question, language);
      const record = recordFor(result, 'numeric');
      const accepted = question.answers.filter((answer) => answer.weight === 100);
      const feedback = record?.matched != null ? [text.feedback[record.matched]!] : [];
      return { reveal: { type: 'numeric', given: record?.value ?? null, accepted }, feedback };
    }
    case 'matching': {
      const { text } = questionText(question, language);
      const classes = rightLabelClasses(question);
      const record = recordFor(result, 'matching');
      const label = (key: number) => ({ key, text: text.pairs[key]!.right });
      const pairs = text.pairs.map((pair, key) => {
        const chosen = record?.rights[key] ?? null;
        return {
          left: { key, text: pair.left },
          given: chosen === null ? null : label(chosen),
          right: label(classes[key]!),
          correct: record?.correct[key] ?? false,
        };
      });
      return { reveal: { type: 'matching', pairs }, feedback: [] };
    }
    case 'ordering': {
      const { text } = questionText(question, language);
      const record = recordFor(result, 'ordering');
      const given =
        record?.order.map((key, position) => ({ key, text: text.items[key]!, correct: record.correct[position]! })) ??
        null;
      const items = text.items.map((item, key) => ({ key, text: item }));
      return { reveal: { type: 'ordering', given, items }, feedback: [] };
    }
  }
}

function choiceView(
  question: QuestionOf<'single' | 'multiple' | 'image-choice'>,
  texts: readonly { text: string }[],
  key: number,
): ChoiceView {
  const { image } = question.choices[key]!;
  return image === undefined ? { key, text: texts[key]!.text } : { key, text: texts[key]!.text, image };
}

function chosenChoices(result: QuestionResult): number[] {
  const answer = result.answer;
  if (!answer) return [];
  if (answer.type === 'multiple') return answer.choices;
  return answer.type === 'single' || answer.type === 'image-choice' ? [answer.choice] : [];
}

/** The result's answer when it is one of type `T`; null when the time ran out. */
function recordFor<T extends QuestionType>(result: QuestionResult, type: T): RecordOf<T> | null {
  return result.answer?.type === type ? (result.answer as RecordOf<T>) : null;
}
