/**
 * Question k of n, as words and as a row of dots, and the challenge points so far. The numbers stand upright
 * in their own boxes, so they read the same in the vertical Mongolian script as in the others.
 */
import { useI18n } from '../i18n/i18n.tsx';

export function QuizProgress({ position, count, points }: { position: number; count: number; points: number | null }) {
  const { t } = useI18n();
  return (
    <header className="quiz-progress">
      <p className="quiz-position" data-testid="quiz-position" data-position={position + 1} data-count={count}>
        <span className="label">{t('quiz.progress', { position: position + 1, count })}</span>
      </p>
      <ol className="quiz-dots" aria-hidden="true">
        {Array.from({ length: count }, (_, index) => (
          <li key={index} className={index < position ? 'done' : index === position ? 'current' : ''} />
        ))}
      </ol>
      {points !== null && (
        <p className="quiz-points" data-testid="quiz-points">
          <span className="label">{t('quiz.pointsSoFar')}</span> <span className="number">{points}</span>
        </p>
      )}
    </header>
  );
}
