/**
 * Straight after an answer: right or not in a word and a mark, the right answer beside what was given, what the
 * quiz says about it, the points in a challenge, and "Next" when the visitor is ready.
 */
import { useEffect, useRef } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import type { FeedbackView } from './engine/attempt-view.ts';
import { QuizProgress } from './QuizProgress.tsx';
import { RevealAnswer } from './RevealAnswer.tsx';
import { verdictOf, type Verdict } from './verdict.ts';

const verdictWords: Record<Verdict, MessageKey> = {
  right: 'quiz.verdict.right',
  partly: 'quiz.verdict.partly',
  wrong: 'quiz.verdict.wrong',
  timeout: 'quiz.verdict.timeout',
};
const verdictMarks: Record<Verdict, string> = { right: '✓', partly: '◐', wrong: '✗', timeout: '⏱' };

export function FeedbackStep({
  view,
  points,
  imageUrl,
  onNext,
}: {
  view: FeedbackView;
  points: number | null;
  imageUrl(hash: string): string | undefined;
  onNext(): void;
}) {
  const { t } = useI18n();
  const verdict = verdictOf(view.result);
  const last = view.position + 1 === view.count;
  const next = useRef<HTMLButtonElement>(null);
  // The verdict is announced by its live region; the focus waits on "Next" for keyboard and switch users.
  useEffect(() => {
    next.current?.focus({ preventScroll: true });
  }, []);
  const earned = view.result.points;
  return (
    <section
      className="quiz-step quiz-feedback"
      data-testid="quiz-feedback"
      data-verdict={verdict}
      data-question-type={view.question.type}
      data-question-id={view.question.questionId}
      aria-labelledby="quiz-prompt"
    >
      <QuizProgress position={view.position} count={view.count} points={points} />
      <div className={`quiz-verdict ${verdict}`} role="status" data-testid="quiz-verdict">
        <span className="quiz-verdict-mark" aria-hidden="true">
          {verdictMarks[verdict]}
        </span>
        <span className="quiz-verdict-words label">{t(verdictWords[verdict])}</span>
        {earned && (
          <span className="quiz-earned" data-testid="quiz-earned">
            <span className="number">+{earned.total}</span>
            <span className="label">
              {earned.streakBonus > 0
                ? t('quiz.pointsWithStreak', { points: earned.total, bonus: earned.streakBonus })
                : t('quiz.points', { points: earned.total })}
            </span>
          </span>
        )}
      </div>
      <h1 id="quiz-prompt" className="quiz-prompt small" lang={view.question.language}>
        {view.question.prompt}
      </h1>
      <RevealAnswer reveal={view.reveal} language={view.question.language} imageUrl={imageUrl} />
      {(view.feedback.length > 0 || view.explanation !== '') && (
        <div className="quiz-explanation" lang={view.question.language} data-testid="quiz-explanation">
          {view.feedback.map((text, index) => (
            <p key={index}>{text}</p>
          ))}
          {view.explanation !== '' && <p>{view.explanation}</p>}
        </div>
      )}
      <button
        ref={next}
        type="button"
        className="button primary big quiz-next"
        onClick={onNext}
        data-testid="quiz-next"
      >
        <span className="label">{t(last ? 'quiz.seeResults' : 'quiz.next')}</span>
      </button>
    </section>
  );
}
