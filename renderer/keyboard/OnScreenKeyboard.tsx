/**
 * The on-screen keyboard: the current input method's keys, shift where the layout has a second
 * layer, a key per input method, space, backspace and clear, and for pinyin the candidate bar.
 * Keys are buttons, so a hardware keyboard and a screen reader can use it too.
 */
import { useCallback, useState, type RefCallback } from 'react';
import type { MessageKey } from '../messages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { inputMethods, type InputMethod } from './input-methods.ts';
import { SUFFIX_SPACE, VOWEL_SEPARATOR } from './mongolian-script.ts';
import { CandidateBar } from './pinyin/CandidateBar.tsx';
import { backspace, emptyEntry, press, switchMethod, type TextEntry } from './text-entry.ts';
import { BackspaceIcon, ShiftIcon } from '../components/icons.tsx';
import './keyboard.css';

/** Keys that type something invisible: a visible sign, and words for screen readers. */
const invisibleKeys: Readonly<Record<string, { sign: string; label: MessageKey }>> = {
  [SUFFIX_SPACE]: { sign: '⍽', label: 'keyboard.suffixSpace' },
  // The separated final ᠠ is how a reader knows the separator.
  [VOWEL_SEPARATOR]: { sign: '\u180eᠠ', label: 'keyboard.vowelSeparator' },
};

export function OnScreenKeyboard({
  entry,
  onChange,
  methods = inputMethods,
  docked = false,
}: {
  entry: TextEntry;
  onChange: (entry: TextEntry) => void;
  /** The methods offered; a web address has only its own, and no space key. */
  methods?: readonly InputMethod[];
  /** Along the bottom of the screen, over what is there, for a panel too narrow to hold it. */
  docked?: boolean;
}) {
  const { t } = useI18n();
  const [shifted, setShifted] = useState(false);
  const docking = useDockedHeight(docked);
  const { method } = entry;
  const rows = shifted && method.shiftedRows ? method.shiftedRows : method.rows;
  const type = (key: string) => {
    onChange(press(entry, key));
    setShifted(false);
  };

  return (
    <div
      ref={docking}
      className={docked ? 'keyboard docked' : 'keyboard'}
      role="group"
      aria-label={t('keyboard.label')}
      data-testid="keyboard"
      data-method={method.id}
    >
      {method.candidates === 'pinyin' && <CandidateBar entry={entry} onChange={onChange} />}
      {rows.map((row, index) => (
        <div className="key-row" key={index} lang={method.lang}>
          {row.map((key) => {
            const invisible = invisibleKeys[key];
            return (
              <button
                key={key}
                type="button"
                className={/^\d$/.test(key) || key === SUFFIX_SPACE ? 'key upright' : 'key'}
                aria-label={invisible && t(invisible.label)}
                onClick={() => type(key)}
              >
                {invisible?.sign ?? key}
              </button>
            );
          })}
        </div>
      ))}
      <div className="key-row">
        {method.shiftedRows && (
          <button
            type="button"
            className="key wide"
            aria-pressed={shifted}
            aria-label={t(method.id === 'mongolian-script' ? 'keyboard.shiftForeign' : 'keyboard.shift')}
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

/**
 * A docked keyboard's height, as `--docked-keyboard-height` on the document while it is open, so what it would
 * cover (the reader, its Find panel's buttons) can end above it instead.
 */
function useDockedHeight(docked: boolean): RefCallback<HTMLDivElement> {
  return useCallback(
    (element: HTMLDivElement | null) => {
      if (!docked || !element) return;
      const root = document.documentElement;
      const observer = new ResizeObserver(() =>
        root.style.setProperty('--docked-keyboard-height', `${element.getBoundingClientRect().height}px`),
      );
      observer.observe(element);
      return () => {
        observer.disconnect();
        root.style.removeProperty('--docked-keyboard-height');
      };
    },
    [docked],
  );
}
