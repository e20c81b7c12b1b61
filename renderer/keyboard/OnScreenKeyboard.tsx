/**
 * The on-screen keyboard: the current input method's keys, shift where the layout has a second
 * layer, a key per input method, space, backspace and clear. Keys are buttons, so a hardware
 * keyboard and a screen reader can use it too.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { inputMethods, type InputMethod } from './input-methods.ts';
import { backspace, emptyEntry, press, switchMethod, type TextEntry } from './text-entry.ts';
import { BackspaceIcon, ShiftIcon } from '../components/icons.tsx';

export function OnScreenKeyboard({
  entry,
  onChange,
  methods = inputMethods,
}: {
  entry: TextEntry;
  onChange: (entry: TextEntry) => void;
  /** The methods offered; a web address has only its own, and no space key. */
  methods?: readonly InputMethod[];
}) {
  const { t } = useI18n();
  const [shifted, setShifted] = useState(false);
  const { method } = entry;
  const rows = shifted && method.shiftedRows ? method.shiftedRows : method.rows;
  const type = (key: string) => {
    onChange(press(entry, key));
    setShifted(false);
  };

  return (
    <div
      className="keyboard"
      role="group"
      aria-label={t('keyboard.label')}
      data-testid="keyboard"
      data-method={method.id}
    >
      {rows.map((row, index) => (
        <div className="key-row" key={index} lang={method.lang}>
          {row.map((key) => (
            <button key={key} type="button" className="key" onClick={() => type(key)}>
              {key}
            </button>
          ))}
        </div>
      ))}
      <div className="key-row">
        {method.shiftedRows && (
          <button
            type="button"
            className="key wide"
            aria-pressed={shifted}
            aria-label={t('keyboard.shift')}
            onClick={() => setShifted((on) => !on)}
          >
            <ShiftIcon />
          </button>
        )}
        {methods.length > 1 &&
          methods.map((candidate) => (
            <button
              key={candidate.id}
              type="button"
              className="key method"
              lang={candidate.lang}
              aria-pressed={candidate === method}
              onClick={() => {
                setShifted(false);
                onChange(switchMethod(entry, candidate));
              }}
            >
              {candidate.name}
            </button>
          ))}
        {method.id !== 'web-address' && (
          <button type="button" className="key space" onClick={() => type(' ')}>
            {t('keyboard.space')}
          </button>
        )}
        <button
          type="button"
          className="key wide"
          aria-label={t('keyboard.backspace')}
          onClick={() => onChange(backspace(entry))}
        >
          <BackspaceIcon />
        </button>
        <button type="button" className="key wide" onClick={() => onChange(emptyEntry(method))}>
          {t('keyboard.clear')}
        </button>
      </div>
    </div>
  );
}
