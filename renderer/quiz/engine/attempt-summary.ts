/**
 * An attempt's outcome without words: per question id, the answer in key indices, its credit, points and time.
 * What the quiz capability may keep for its statistics (which questions are hard, which wrong answers are
 * common); typed text is never in it.
 */
import type { Attempt, AttemptMode, QuestionResult, Scoring } from './attempt.ts';
import { maxContestScore } from './contest-points.ts';

export interface AttemptSummary {
  readonly mode: AttemptMode;
  readonly scoring: Scoring;
  /** Whether every question was answered (the attempt is finished). */
  readonly complete: boolean;
  readonly questionCount: number;
  readonly rightCount: number;
  /** Practice: the credits added up (one per question at most); contest: the points. */
  readonly score: number;
  /** What `score` would be with every answer right (and, in a contest, instant). */
  readonly maxScore: number;
  /** The questions answered so far, in the attempt's order. */
  readonly results: readonly QuestionResult[];
}

export function attemptSummary(attempt: Attempt): AttemptSummary {
  const { results } = attempt;
  const questionCount = attempt.questions.length;
  const contest = attempt.mode === 'contest';
  return {
    mode: attempt.mode,
    scoring: attempt.scoring,
    complete: attempt.phase === 'finished',
    questionCount,
    rightCount: results.filter((result) => result.right).length,
    score: results.reduce((sum, result) => sum + (contest ? (result.points?.total ?? 0) : result.credit), 0),
    maxScore: contest ? maxContestScore(questionCount) : questionCount,
    results,
  };
}
