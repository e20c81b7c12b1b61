/**
 * Whether a typed nickname may go on a public board: not a word of the blocklists of any interface language
 * (naughty-words' en, ko, zh, and ru for Mongolian Cyrillic, which borrows its swearing; ours for Mongolian).
 *
 * Both sides are normalised alike (NFKC, case folded, digits that stand for letters read as letters, invisible
 * characters dropped, letters written apart read together). Han, Hangul and Mongolian words, and Latin or
 * Cyrillic ones of five letters or more, are refused anywhere in the name; four-letter ones where a word starts
 * with them, shorter ones only as a whole word, so "Glass", "Assistant" and "Scunthorpe" stay allowed.
 */
import { createRequire } from 'node:module';
import { MAX_TYPED_NICKNAME } from '../../preload/contract/quiz.ts';
import { mongolianBlocklist } from './mongolian-blocklist.ts';

export type NicknameCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long' | 'blocked' };

const require = createRequire(import.meta.url);
const maintained = ['en', 'ko', 'zh', 'ru'].flatMap(
  (language) => require(`naughty-words/${language}.json`) as string[],
);

const lookalikes: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[013457@$]/g, (character) => lookalikes[character]!);
}

/** The letters alone, everything between them dropped. */
const compact = (text: string) => text.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
/** The words, with letters written apart ("s h i t") read as the word they spell. */
function words(text: string): Set<string> {
  const found = new Set<string>();
  let spelled = '';
  for (const word of text.split(/[^\p{L}\p{M}\p{N}]+/u).filter((part) => part.length > 0)) {
    found.add(word);
    spelled = [...word].length === 1 ? spelled + word : '';
    if (spelled.length > 1) found.add(spelled);
  }
  return found;
}
const unspaced = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Mongolian}]/u;

interface Rule {
  word: string;
  where: 'anywhere' | 'word-start' | 'whole-word';
}

const rules: Rule[] = [...new Set([...maintained, ...mongolianBlocklist].map((word) => compact(normalise(word))))]
  .filter((word) => word.length > 0)
  .map((word): Rule => {
    const length = [...word].length;
    if (unspaced.test(word) || length >= 5) return { word, where: 'anywhere' };
    return { word, where: length === 4 ? 'word-start' : 'whole-word' };
  });

function breaks(rule: Rule, joined: string, parts: ReadonlySet<string>): boolean {
  switch (rule.where) {
    case 'anywhere':
      return joined.includes(rule.word);
    case 'word-start':
      return joined === rule.word || [...parts].some((part) => part.startsWith(rule.word));
    case 'whole-word':
      return joined === rule.word || parts.has(rule.word);
  }
}

export function checkNickname(typed: string): NicknameCheck {
  const text = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (compact(text).length === 0) return { ok: false, reason: 'empty' };
  if (text.length > MAX_TYPED_NICKNAME) return { ok: false, reason: 'too-long' };
  const normal = normalise(text);
  const joined = compact(normal);
  const parts = words(normal);
  const blocked = rules.some((rule) => breaks(rule, joined, parts));
  return blocked ? { ok: false, reason: 'blocked' } : { ok: true, text };
}
