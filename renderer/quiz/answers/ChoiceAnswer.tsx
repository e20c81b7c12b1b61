/**
 * Single choice and picture choice answer with one tap; multiple choice ticks any number of answers, then
 * "Check". Pictures show large with their caption under them, since people would rather look than read.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { AnswerProps } from './answer-props.ts';
import { CheckButton } from './CheckButton.tsx';

export function ChoiceAnswer({
  question,
  onAnswer,
  imageUrl,
}: AnswerProps<'single' | 'multiple' | 'image-choice'> & { imageUrl(hash: string): string | undefined }) {
  const { t } = useI18n();
  const [ticked, setTicked] = useState<readonly number[]>([]);
  const multiple = question.type === 'multiple';
  const tap = (key: number) => {
    if (question.type === 'multiple')
      setTicked((old) => (old.includes(key) ? old.filter((other) => other !== key) : [...old, key]));
    else onAnswer({ type: question.type, choice: key });
  };
  return (
    <div className="quiz-answer">
      {multiple && <p className="quiz-hint">{t('quiz.multipleHint')}</p>}
      <ul className={question.type === 'image-choice' ? 'quiz-choices pictures' : 'quiz-choices'}>
        {question.choices.map((choice, position) => {
          const url = choice.image === undefined ? undefined : imageUrl(choice.image);
          return (
            <li key={choice.key}>
              <button
                type="button"
                className="quiz-choice"
                data-key={choice.key}
                aria-pressed={multiple ? ticked.includes(choice.key) : undefined}
                onClick={() => tap(choice.key)}
              >
                <span className="quiz-choice-mark" aria-hidden="true">
                  {multiple ? (ticked.includes(choice.key) ? '✓' : '') : String.fromCharCode(65 + position)}
                </span>
                {url !== undefined && <img className="quiz-picture" src={url} alt="" />}
                <span className="quiz-choice-text" lang={question.language}>
                  {choice.text}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {multiple && <CheckButton onClick={() => onAnswer({ type: 'multiple', choices: ticked })} />}
    </div>
  );
}
