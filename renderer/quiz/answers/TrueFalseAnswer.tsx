/** True or false: two large buttons, each with a mark a child can tell apart without reading. */
import { useI18n } from '../../i18n/i18n.tsx';
import type { AnswerHandler } from './answer-props.ts';

export function TrueFalseAnswer({ onAnswer }: AnswerHandler) {
  const { t } = useI18n();
  return (
    <div className="quiz-answer">
      <ul className="quiz-choices true-false">
        {([true, false] as const).map((value) => (
          <li key={String(value)}>
            <button
              type="button"
              className={value ? 'quiz-choice true' : 'quiz-choice false'}
              data-value={String(value)}
              onClick={() => onAnswer({ type: 'true-false', value })}
            >
              <span className="quiz-choice-mark" aria-hidden="true">
                {value ? '✓' : '✗'}
              </span>
              <span className="quiz-choice-text label">{t(value ? 'quiz.true' : 'quiz.false')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
