/** What every answer input is given: where to send the visitor's answer, and, where it shows any, its question's answers in screen order. */
import type { GivenAnswer } from '../engine/answers.ts';
import type { QuestionContent } from '../engine/attempt-view.ts';

export interface AnswerHandler {
  onAnswer(given: GivenAnswer): void;
}

export interface AnswerProps<T extends QuestionContent['type']> extends AnswerHandler {
  question: QuestionContent & { type: T };
}
