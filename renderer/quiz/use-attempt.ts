/**
 * An attempt held in React state and nowhere else: made when the visitor starts, moved on by their answers,
 * the challenge clock and their language, and gone when the screen unmounts (Finish, the idle reset, Back).
 * One steady clock, `performance.now()`, times every step; a challenge question times out on it by itself.
 */
import { useCallback, useEffect, useState } from 'react';
import type { QuizSet } from '../../preload/contract/quiz-set.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import type { GivenAnswer } from './engine/answers.ts';
import { attemptView, type AttemptView } from './engine/attempt-view.ts';
import {
  createAttempt,
  nextQuestion,
  remainingMs,
  submitAnswer,
  switchLanguage,
  tick,
  type Attempt,
  type AttemptMode,
} from './engine/attempt.ts';

export interface RunningAttempt {
  attempt: Attempt;
  view: AttemptView;
  answer(given: GivenAnswer): void;
  next(): void;
}

/** A fresh seed per attempt: the order of questions and answers differs from one visitor to the next. */
function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export function useAttempt(quiz: QuizSet, mode: AttemptMode, language: ContentLanguage): RunningAttempt {
  const [attempt, setAttempt] = useState(() =>
    createAttempt(quiz, { language, mode, seed: newSeed(), now: performance.now() }),
  );

  // The engine scores a typed answer against the language shown, so each step first takes up the
  // visitor's language of the moment; answers, score and clock stay as they were.
  const update = useCallback(
    (step: (current: Attempt) => Attempt) => setAttempt((current) => step(switchLanguage(current, language))),
    [language],
  );

  // A challenge question ends when its time runs out, whether or not the visitor touches anything.
  const waiting = attempt.phase === 'question' ? attempt : undefined;
  useEffect(() => {
    if (!waiting) return;
    const left = remainingMs(waiting, performance.now());
    if (left === null) return;
    // Past the deadline, since the engine times out strictly after it; a timer that fires early tries again.
    let timer: ReturnType<typeof setTimeout>;
    const expire = () => {
      const timedOut = tick(waiting, performance.now());
      if (timedOut === waiting) timer = setTimeout(expire, 10);
      else update((current) => tick(current, performance.now()));
    };
    timer = setTimeout(expire, left + 1);
    return () => clearTimeout(timer);
  }, [waiting, update]);

  const answer = useCallback(
    (given: GivenAnswer) => update((current) => submitAnswer(current, given, performance.now())),
    [update],
  );
  const next = useCallback(() => update((current) => nextQuestion(current, performance.now())), [update]);
  return { attempt, view: attemptView(attempt, language), answer, next };
}
