/** What `quiz.finish` is told of an attempt: only a finished one, in the contract's shape, a team only for a challenge. */
import { describe, expect, test } from 'vitest';
import { quizCalls } from '../../../preload/contract/quiz.ts';
import { createAttempt, nextQuestion, submitAnswer } from '../../../renderer/quiz/engine/attempt.ts';
import type { AttemptMode } from '../../../renderer/quiz/engine/attempt.ts';
import { finishRequest } from '../../../renderer/quiz/quiz-finish.ts';
import { everyType, quizOf, rightAnswer } from './engine/quiz-fixtures.ts';

const quiz = quizOf(everyType, 20);
const team = { contestId: 'spring-cup', teamId: 'barley' };

function finished(mode: AttemptMode) {
  let now = 5_000;
  let attempt = createAttempt(quiz, { language: 'ko', mode, seed: 9, now });
  while (attempt.phase === 'question') {
    now += 1_500.7;
    attempt = nextQuestion(
      submitAnswer(attempt, rightAnswer(attempt.questions[attempt.current]!.question, 'ko'), now),
      now,
    );
  }
  return attempt;
}

describe('finishRequest', () => {
  test('a finished practice: score, maximum and one answer per question, as the contract takes them', () => {
    const request = finishRequest(finished('practice'), 'science-quiz', 'ko', { team });
    expect(quizCalls['quiz.finish'].request.parse(request)).toEqual(request);
    expect(request).toMatchObject({ itemId: 'science-quiz', mode: 'practice', language: 'ko', maxScore: 8 });
    expect(request.answers).toHaveLength(8);
    expect(request.answers.every((answer) => answer.timeMs === 1501 && answer.right)).toBe(true);
    expect(request).not.toHaveProperty('team');
    expect(request).not.toHaveProperty('nickname');
  });

  test('a finished challenge carries its points, the nickname and the team', () => {
    const nickname = { kind: 'generated', adjective: 3, creature: 20 } as const;
    const request = finishRequest(finished('contest'), 'science-quiz', 'mn-Mong', { nickname, team });
    expect(quizCalls['quiz.finish'].request.parse(request)).toEqual(request);
    expect(request.score).toBeGreaterThan(8 * 500);
    expect(request).toMatchObject({ mode: 'contest', nickname, team });
  });

  test('an unfinished attempt is never reported', () => {
    const attempt = createAttempt(quiz, { language: 'en', mode: 'practice', seed: 1, now: 0 });
    expect(() => finishRequest(attempt, 'science-quiz', 'en')).toThrow(/finished/);
  });
});
