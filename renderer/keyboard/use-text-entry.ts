/**
 * A field typed on the on-screen keyboard (or any keyboard), starting in the method the visitor's
 * language suggests.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { defaultInputMethod } from './input-methods.ts';
import { entryText, settledText, type TextEntry } from './text-entry.ts';

export function useTextEntry(initial: string) {
  const { locale } = useI18n();
  const [entry, setEntry] = useState<TextEntry>(() => ({ method: defaultInputMethod(locale), keys: [...initial] }));
  return {
    entry,
    setEntry,
    text: entryText(entry),
    /** The text without what is still being composed, to search for. */
    settled: settledText(entry),
    /** Text from a hardware keyboard replaces the keystrokes. */
    type: (text: string) => setEntry({ method: entry.method, keys: [...text] }),
  };
}
