/** One attempt from its first question to its results, in the visitor's current content language. */
import { useEffect, useRef } from 'react';
import type { ItemDetail } from '../../preload/contract/catalog.ts';
import type { CallResponse } from '../../preload/contract/contract.ts';
import type { QuizSet } from '../../preload/contract/quiz-set.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { attemptSummary } from './engine/attempt-summary.ts';
import type { AttemptMode } from './engine/attempt.ts';
import { FeedbackStep } from './FeedbackStep.tsx';
import type { TeamChoice } from './quiz-finish.ts';
import { QuestionStep } from './QuestionStep.tsx';
import { ResultsStep } from './ResultsStep.tsx';
import { useAttempt } from './use-attempt.ts';
import { useQuizFinish } from './use-quiz-finish.ts';

export function QuizPlay({
  item,
  quiz,
  mode,
  team,
  language,
  board,
  onAgain,
}: {
  item: ItemDetail;
  quiz: QuizSet;
  mode: AttemptMode;
  team: TeamChoice | undefined;
  language: ContentLanguage;
  board: CallResponse<'quiz.open'>['board'];
  onAgain(): void;
}) {
  const { attempt, view, answer, next } = useAttempt(quiz, mode, language);
  const offerBoard = board.enabled && mode === 'contest';
  const finish = useQuizFinish({ attempt, itemId: item.id, language, team, offerBoard });
  const points = mode === 'contest' ? attemptSummary(attempt).score : null;
  const imageUrl = (hash: string) => item.files.find((file) => file.hash === hash)?.url;

  // Each step starts at the top (or, in vertical Mongolian, at the left) of the screen.
  const top = useRef<HTMLDivElement>(null);
  const step = view.phase === 'finished' ? -1 : view.position;
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start', inline: 'start' });
  }, [step, view.phase]);

  return (
    <div ref={top} className="quiz-play" data-phase={view.phase} data-mode={mode}>
      {view.phase === 'question' && <QuestionStep view={view} points={points} imageUrl={imageUrl} onAnswer={answer} />}
      {view.phase === 'feedback' && <FeedbackStep view={view} points={points} imageUrl={imageUrl} onNext={next} />}
      {view.phase === 'finished' && (
        <ResultsStep
          view={view}
          finish={finish.state}
          offerBoard={offerBoard}
          typedNicknames={board.typedNicknames}
          onSend={finish.send}
          onAgain={onAgain}
        />
      )}
    </div>
  );
}
