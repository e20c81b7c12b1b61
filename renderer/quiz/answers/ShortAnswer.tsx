/**
 * A short answer typed on the on-screen keyboard, in the input method of the visitor's language (Hangul
 * composes as they type). What they typed stays on the screen only until they answer.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { defaultInputMethod } from '../../keyboard/input-methods.ts';
import { OnScreenKeyboard } from '../../keyboard/OnScreenKeyboard.tsx';
import { emptyEntry, entryText } from '../../keyboard/text-entry.ts';
import type { AnswerHandler } from './answer-props.ts';
import { CheckButton } from './CheckButton.tsx';

export function ShortAnswer({ onAnswer }: AnswerHandler) {
  const { t, locale } = useI18n();
  const [entry, setEntry] = useState(() => emptyEntry(defaultInputMethod(locale)));
  const text = entryText(entry);
  return (
    <div className="quiz-answer quiz-typing">
      <output
        className="quiz-typed"
        lang={entry.method.lang}
        aria-label={t('quiz.yourAnswer')}
        data-testid="quiz-typed"
      >
        {text || <span className="quiz-placeholder label">{t('quiz.typeAnswer')}</span>}
      </output>
      <OnScreenKeyboard entry={entry} onChange={setEntry} />
      <CheckButton onClick={() => onAnswer({ type: 'short', text })} disabled={text.trim() === ''} />
    </div>
  );
}
