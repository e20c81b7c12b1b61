/**
 * The answer key `quiz.finish` takes for each question (`AnswerKey` in the contract, docs/stats-format.md):
 * which answer was given, in key indices and never in words, so staff can count common wrong answers.
 */
import type { AnswerKey, AnswerSummary } from '../../../preload/contract/quiz.ts';
import type { RecordedAnswer } from './answers.ts';
import type { QuestionResult } from './attempt.ts';

/** `c2`, `c0+c3`, `none`, `true`, `false`, `a-ko-1`, `n0`, `other`, `right`, `wrong`; `timeout` when the time ran out. */
export function answerKey(answer: RecordedAnswer | null): AnswerKey {
  if (answer === null) return 'timeout';
  switch (answer.type) {
    case 'single':
    case 'image-choice':
      return `c${answer.choice}`;
    case 'multiple':
      return answer.choices.length === 0
        ? 'none'
        : [...answer.choices]
            .sort((a, b) => a - b)
            .map((choice) => `c${choice}`)
            .join('+');
    case 'true-false':
      return answer.value ? 'true' : 'false';
    case 'short':
      return answer.matched ? `a-${answer.matched.language}-${answer.matched.index}` : 'other';
    case 'numeric':
      return answer.matched === null ? 'other' : `n${answer.matched}`;
    case 'matching':
    case 'ordering':
      return answer.correct.every(Boolean) ? 'right' : 'wrong';
  }
}

/** One question's result as `quiz.finish` takes it: its time in whole milliseconds. */
export function answerSummary(result: QuestionResult): AnswerSummary {
  return {
    questionId: result.questionId,
    answer: answerKey(result.answer),
    credit: result.credit,
    right: result.right,
    timeMs: Math.round(result.timeMs),
  };
}
