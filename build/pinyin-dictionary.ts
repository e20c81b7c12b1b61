/**
 * Builds the pinyin keyboard's dictionary from @pinyin-pro/data at build time: its common words and
 * every single character, with their readings written as
 * a visitor types them (no tones, ü as v), most frequent first. Only this extract reaches the
 * renderer bundle, as a chunk loaded when the Chinese keyboard first opens.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** word → [reading with tone marks, syllables separated by spaces; frequency]. */
type PinyinProData = Record<string, [string, number]>;

const require = createRequire(import.meta.url);
const readData = (name: 'modern' | 'complete'): PinyinProData =>
  JSON.parse(readFileSync(require.resolve(`@pinyin-pro/data/${name}.json`), 'utf8')) as PinyinProData;

/** "nǚ ér" → "nv er": tone marks dropped, ü typed as v as on every pinyin keyboard. */
export function typedReading(reading: string): string {
  return reading
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .replace(/ê/g, 'e');
}

/** Below this, complete's words are mostly names, classical terms and rare compounds. */
const COMMON_WORD = 3e-11;

const isWord = (word: string) => [...word].length >= 2 && [...word].length <= 4;

/**
 * One line per word, most frequent first: `word<TAB>syllables`. Words of 2 to 4 characters (longer
 * entries are idioms and phrases a visitor composes in parts): all of the modern vocabulary, and the
 * common ones of the complete one, which has words the modern one leaves out (中国); and every
 * single character, since the modern list lacks some of the commonest (是, 一, 不).
 */
export function buildPinyinDictionary(): string {
  const words = new Map<string, [string, number]>();
  for (const [word, entry] of Object.entries(readData('modern'))) if (isWord(word)) words.set(word, entry);
  for (const [word, entry] of Object.entries(readData('complete'))) {
    if ([...word].length === 1 || (isWord(word) && entry[1] >= COMMON_WORD)) words.set(word, entry);
  }
  return [...words]
    .map(([word, [reading, frequency]]) => ({ word, reading: typedReading(reading), frequency }))
    .filter(({ reading }) => /^[a-z]+( [a-z]+)*$/.test(reading))
    .sort((a, b) => b.frequency - a.frequency)
    .map(({ word, reading }) => `${word}\t${reading}`)
    .join('\n');
}
