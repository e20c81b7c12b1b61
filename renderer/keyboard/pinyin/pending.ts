/**
 * The pinyin still being typed: the letters at the end of the entry, which the candidate bar turns
 * into Chinese. Picking a candidate replaces the letters it stands for with one keystroke, the word.
 */
import type { TextEntry } from '../text-entry.ts';
import type { Candidate } from './candidates.ts';

const isLetter = (key: string) => /^[a-z]$/.test(key);

/** How many keystrokes at the end are pinyin letters waiting for a candidate. */
function pendingCount(keys: readonly string[]): number {
  let count = 0;
  while (count < keys.length && isLetter(keys[keys.length - 1 - count]!)) count++;
  return count;
}

export function pendingPinyin(entry: TextEntry): string {
  return entry.keys.slice(entry.keys.length - pendingCount(entry.keys)).join('');
}

export function withoutPendingPinyin(text: string): string {
  return text.replace(/[a-z]+$/, '');
}

/** Puts the picked word in place of the letters it stands for; the letters after it wait for the next pick. */
export function pickCandidate(entry: TextEntry, candidate: Candidate): TextEntry {
  const start = entry.keys.length - pendingCount(entry.keys);
  return {
    ...entry,
    keys: [...entry.keys.slice(0, start), candidate.word, ...entry.keys.slice(start + candidate.letters)],
  };
}
