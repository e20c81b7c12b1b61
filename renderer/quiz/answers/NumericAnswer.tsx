/** A number typed on a large number pad (digits, decimal point, minus, backspace), read by the engine's parser. */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { parseNumber } from '../engine/normalise-answer.ts';
import { pressPad, shownNumber, type PadKey } from '../number-entry.ts';
import type { AnswerHandler } from './answer-props.ts';
import { CheckButton } from './CheckButton.tsx';

const digitRows: readonly PadKey[][] = [
  ['7', '8', '9'],
  ['4', '5', '6'],
  ['1', '2', '3'],
];

export function NumericAnswer({ onAnswer }: AnswerHandler) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const value = parseNumber(text);
  const press = (key: PadKey) => setText((old) => pressPad(old, key));
  return (
    <div className="quiz-answer quiz-typing">
      <output className="quiz-typed number" aria-label={t('quiz.yourAnswer')} data-testid="quiz-number">
        {text === '' ? <span className="quiz-placeholder label">{t('quiz.typeNumber')}</span> : shownNumber(text)}
      </output>
      <div className="number-pad" role="group" aria-label={t('quiz.numberPad')} data-testid="number-pad">
        {digitRows.map((row) => row.map((key) => <PadButton key={key} pad={key} label={key} onPress={press} />))}
        <PadButton pad="minus" label={'\u2212'} name={t('quiz.minus')} onPress={press} />
        <PadButton pad="0" label="0" onPress={press} />
        <PadButton pad="." label="." name={t('quiz.decimalPoint')} onPress={press} />
        <PadButton pad="backspace" label="⌫" name={t('quiz.deleteDigit')} onPress={press} wide />
      </div>
      <CheckButton
        onClick={() => value !== undefined && onAnswer({ type: 'numeric', value })}
        disabled={value === undefined}
      />
    </div>
  );
}

function PadButton({
  pad,
  label,
  name,
  wide = false,
  onPress,
}: {
  pad: PadKey;
  label: string;
  /** The key's name for screen readers, when its label is a sign. */
  name?: string;
  wide?: boolean;
  onPress(key: PadKey): void;
}) {
  return (
    <button
      type="button"
      className={wide ? 'pad-key wide' : 'pad-key'}
      aria-label={name}
      data-pad={pad}
      onClick={() => onPress(pad)}
    >
      {label}
    </button>
  );
}
