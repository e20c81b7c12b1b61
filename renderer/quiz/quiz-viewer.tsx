/** Quiz items open here. Until the quiz mode exists, the visitor is told kindly that it is coming. */
import { useI18n } from '../i18n/i18n.tsx';
import type { Viewer } from '../viewers.ts';

function QuizComing({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="overlay" data-testid="quiz-coming" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="quiz-coming-title">
        <h2 id="quiz-coming-title">{t('quiz.coming')}</h2>
        <p>{t('quiz.comingBody')}</p>
        <button type="button" className="button primary big" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}

export const quizViewer: Viewer = {
  action: 'quiz.open',
  canOpen: () => true,
  View: ({ onClose }) => <QuizComing onClose={onClose} />,
};
