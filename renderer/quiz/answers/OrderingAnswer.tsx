/**
 * Ordering by taps, never by dragging: tap the items first to last and each takes the next numbered place;
 * tap a placed item to take it back.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { AnswerProps } from './answer-props.ts';
import { CheckButton } from './CheckButton.tsx';

export function OrderingAnswer({ question, onAnswer }: AnswerProps<'ordering'>) {
  const { t } = useI18n();
  const [placed, setPlaced] = useState<readonly number[]>([]);
  const textOf = (key: number) => question.items.find((item) => item.key === key)!.text;
  const waiting = question.items.filter((item) => !placed.includes(item.key));
  return (
    <div className="quiz-answer">
      <p className="quiz-hint">{t('quiz.orderHint')}</p>
      <div className="ordering">
        <ol className="ordering-placed" aria-label={t('quiz.orderPlaced')}>
          {question.items.map((_, position) => {
            const key = placed[position];
            return (
              <li key={position}>
                <button
                  type="button"
                  className="quiz-choice ordering-slot"
                  data-key={key}
                  disabled={key === undefined}
                  aria-label={key === undefined ? t('quiz.emptyPlace', { position: position + 1 }) : undefined}
                  onClick={() => key !== undefined && setPlaced((old) => old.filter((other) => other !== key))}
                >
                  <span className="quiz-choice-mark number" aria-hidden="true">
                    {position + 1}
                  </span>
                  <span className="quiz-choice-text" lang={question.language}>
                    {key === undefined ? '' : textOf(key)}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        <ul className="ordering-waiting" aria-label={t('quiz.orderWaiting')}>
          {waiting.map((item) => (
            <li key={item.key}>
              <button
                type="button"
                className="quiz-choice ordering-item"
                data-key={item.key}
                onClick={() => setPlaced((old) => [...old, item.key])}
              >
                <span className="quiz-choice-text" lang={question.language}>
                  {item.text}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <CheckButton
        onClick={() => onAnswer({ type: 'ordering', order: placed })}
        disabled={placed.length < question.items.length}
      />
    </div>
  );
}
