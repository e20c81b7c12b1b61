/** How an answered question went, in the four ways the feedback screen tells it. */
import type { QuestionResult } from './engine/attempt.ts';

export type Verdict = 'right' | 'partly' | 'wrong' | 'timeout';

export function verdictOf(result: QuestionResult): Verdict {
  if (result.timedOut) return 'timeout';
  if (result.right) return 'right';
  return result.credit > 0 ? 'partly' : 'wrong';
}
