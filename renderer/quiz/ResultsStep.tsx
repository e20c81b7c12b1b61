/**
 * The end of an attempt: the score (right answers and percent in practice, points in a challenge), the
 * questions to look at again with "Read more", the board when staff have it on, and a way to play again.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { StandingBars } from '../catalog/StandingBars.tsx';
import { BoardOffer } from './BoardOffer.tsx';
import type { FinishedView } from './engine/attempt-view.ts';
import { ReadMoreButton } from './ReadMoreButton.tsx';
import type { FinishState } from './use-quiz-finish.ts';
import type { Nickname } from '../../preload/contract/quiz.ts';
import { verdictOf } from './verdict.ts';

export function ResultsStep({
  view,
  finish,
  offerBoard,
  typedNicknames,
  onSend,
  onAgain,
}: {
  view: FinishedView;
  finish: FinishState;
  offerBoard: boolean;
  typedNicknames: boolean;
  onSend(nickname?: Nickname): void;
  onAgain(): void;
}) {
  const { t } = useI18n();
  const percent = view.maxScore > 0 ? view.score / view.maxScore : 0;
  return (
    <section className="quiz-step quiz-results" data-testid="quiz-results" aria-labelledby="quiz-results-title">
      <h1 id="quiz-results-title" className="quiz-title label">
        {t('quiz.results')}
      </h1>
      <div className="quiz-score" data-testid="quiz-score" data-score={view.score} data-max={view.maxScore}>
        {view.mode === 'practice' ? (
          <>
            <p className="quiz-score-big number">
              {view.rightCount}/{view.count}
            </p>
            <p className="label">{t('quiz.rightCount', { right: view.rightCount, count: view.count })}</p>
            <p className="quiz-score-percent label">{t('quiz.percent', { value: percent })}</p>
          </>
        ) : (
          <>
            <p className="quiz-score-big number">{t('quiz.points', { points: view.score })}</p>
            <p className="quiz-score-percent label">
              {t('quiz.rightCount', { right: view.rightCount, count: view.count })}
            </p>
          </>
        )}
      </div>

      {view.missed.length === 0 ? (
        <p className="quiz-all-right label">{t('quiz.allRight')}</p>
      ) : (
        <div className="quiz-missed">
          <h2 className="quiz-subtitle label">{t('quiz.missed')}</h2>
          <ul className="quiz-missed-list" data-testid="quiz-missed">
            {view.missed.map((outcome) => (
              <li key={outcome.questionId} className="quiz-missed-row" data-question-id={outcome.questionId}>
                <span className={`reveal-mark ${verdictOf(outcome.result)}`} aria-hidden="true">
                  ✗
                </span>
                <span className="quiz-missed-prompt" lang={outcome.language}>
                  {outcome.prompt}
                </span>
                {outcome.readMore && <ReadMoreButton readMore={outcome.readMore} />}
              </li>
            ))}
          </ul>
        </div>
      )}

      {finish.status === 'failed' && (
        <p className="notice" role="alert">
          {t('quiz.finishFailed')}
        </p>
      )}
      {offerBoard && <BoardOffer finish={finish} typedNicknames={typedNicknames} onSend={onSend} />}
      {finish.status === 'done' && finish.value.standing && (
        <section className="quiz-standing" data-testid="quiz-standing">
          <h2 className="quiz-subtitle label">{t('quiz.teamStanding')}</h2>
          <StandingBars standing={finish.value.standing} />
        </section>
      )}

      <div className="quiz-actions">
        <button type="button" className="button primary big" onClick={onAgain} data-testid="quiz-again">
          <span className="label">{t('quiz.playAgain')}</span>
        </button>
      </div>
    </section>
  );
}
