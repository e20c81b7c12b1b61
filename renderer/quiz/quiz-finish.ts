/**
 * What `quiz.finish` is told of a finished attempt: mode, score and maximum, and per question its answer
 * key, credit and whole milliseconds; never the words typed.
 */
import type { CallRequest } from '../../preload/contract/contract.ts';
import type { Nickname } from '../../preload/contract/quiz.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { answerSummary } from './engine/answer-key.ts';
import { attemptSummary } from './engine/attempt-summary.ts';
import type { Attempt } from './engine/attempt.ts';

export interface TeamChoice {
  contestId: string;
  teamId: string;
}

export function finishRequest(
  attempt: Attempt,
  itemId: string,
  language: ContentLanguage,
  extra: { nickname?: Nickname | undefined; team?: TeamChoice | undefined } = {},
): CallRequest<'quiz.finish'> {
  if (attempt.phase !== 'finished') throw new Error('only a finished attempt is reported');
  const summary = attemptSummary(attempt);
  return {
    itemId,
    mode: attempt.mode,
    language,
    score: summary.score,
    maxScore: summary.maxScore,
    answers: summary.results.map(answerSummary),
    ...(extra.nickname ? { nickname: extra.nickname } : {}),
    // Only a challenge counts for a team.
    ...(extra.team && attempt.mode === 'contest' ? { team: extra.team } : {}),
  };
}
