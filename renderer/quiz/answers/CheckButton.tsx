/** "Check": hands in an answer that takes more than one tap (ticks, typing, pairs, an order). */
import { useI18n } from '../../i18n/i18n.tsx';

export function CheckButton({ onClick, disabled = false }: { onClick(): void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button primary big quiz-check"
      onClick={onClick}
      disabled={disabled}
      data-testid="quiz-check"
    >
      <span className="label">{t('quiz.check')}</span>
    </button>
  );
}
