/**
 * What has been typed on the on-screen keyboard: keystrokes, composed by the current input
 * method. Switching method first fixes the text so far, one character per keystroke, so
 * backspace then removes whole characters of the earlier script.
 */
import { maxQueryLength } from '../../preload/contract/catalog.ts';
import type { InputMethod } from './input-methods.ts';

export interface TextEntry {
  readonly method: InputMethod;
  readonly keys: readonly string[];
}

export function emptyEntry(method: InputMethod): TextEntry {
  return { method, keys: [] };
}

export function entryText(entry: TextEntry): string {
  return entry.method.compose(entry.keys);
}

/** Adds a keystroke, unless the text is already as long as a search may be. */
export function press(entry: TextEntry, key: string): TextEntry {
  if (entryText(entry).length >= maxQueryLength) return entry;
  return { ...entry, keys: [...entry.keys, key] };
}

/** The text without what the method is still composing (태ㅇ → 태, 太阳ne → 太阳). */
export function settledText(entry: TextEntry): string {
  const text = entryText(entry);
  return entry.method.settled ? entry.method.settled(text) : text;
}

export function backspace(entry: TextEntry): TextEntry {
  return { ...entry, keys: entry.keys.slice(0, -1) };
}

export function switchMethod(entry: TextEntry, method: InputMethod): TextEntry {
  return { method, keys: [...entryText(entry)] };
}
