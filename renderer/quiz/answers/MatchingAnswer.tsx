/**
 * Matching by two taps: a left item, then the label that goes with it. Each pair takes the label's colour and
 * shows the label inside the left item, so what is paired with what is plain at a glance; tapping a paired
 * item again lets it be paired anew.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { AnswerProps } from './answer-props.ts';
import { CheckButton } from './CheckButton.tsx';

export function MatchingAnswer({ question, onAnswer }: AnswerProps<'matching'>) {
  const { t } = useI18n();
  const [rights, setRights] = useState<readonly (number | null)[]>(() => question.lefts.map(() => null));
  const [selected, setSelected] = useState<number | null>(0);
  const colourOf = (right: number) => question.rights.findIndex((label) => label.key === right);
  const labelOf = (right: number) => question.rights.find((label) => label.key === right)!.text;

  const pair = (right: number) => {
    if (selected === null) return;
    const paired = rights.map((old, left) => (left === selected ? right : old));
    setRights(paired);
    // On to the next item still without a label, so pairing everything is one tap each.
    const next = paired.findIndex((old, left) => old === null && left !== selected);
    setSelected(next === -1 ? null : next);
  };

  return (
    <div className="quiz-answer">
      <p className="quiz-hint">{t('quiz.matchHint')}</p>
      <div className="matching">
        <ul className="matching-lefts" aria-label={t('quiz.matchItems')}>
          {question.lefts.map((left) => {
            const right = rights[left.key] ?? null;
            return (
              <li key={left.key}>
                <button
                  type="button"
                  className="quiz-choice matching-left"
                  data-key={left.key}
                  data-pair={right === null ? undefined : colourOf(right)}
                  aria-pressed={selected === left.key}
                  onClick={() => setSelected(left.key)}
                >
                  <span className="quiz-choice-text" lang={question.language}>
                    {left.text}
                  </span>
                  <span className="matching-given" lang={question.language}>
                    {right === null ? '' : labelOf(right)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <ul className="matching-rights" aria-label={t('quiz.matchLabels')}>
          {question.rights.map((right, position) => (
            <li key={right.key}>
              <button
                type="button"
                className="quiz-choice matching-right"
                data-key={right.key}
                data-pair={position}
                disabled={selected === null}
                onClick={() => pair(right.key)}
              >
                <span className="quiz-choice-text" lang={question.language}>
                  {right.text}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <CheckButton onClick={() => onAnswer({ type: 'matching', rights })} disabled={rights.includes(null)} />
    </div>
  );
}
