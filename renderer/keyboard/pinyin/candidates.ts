/**
 * Pinyin → Chinese candidates, as a pinyin keyboard offers them: the letters typed are split into
 * syllables (the last may be unfinished: "taiy" already offers 太阳), words spelling all of them come
 * first, then words and characters spelling the first syllables, so a phrase the dictionary lacks is
 * picked piece by piece. Within each group the more frequent word comes first.
 */

export interface PinyinIndex {
  /** Every syllable the dictionary spells, for splitting what was typed. */
  readonly syllables: ReadonlySet<string>;
  /** Words by their first syllable, most frequent first. */
  readonly byFirst: ReadonlyMap<string, readonly DictionaryWord[]>;
}

interface DictionaryWord {
  readonly word: string;
  readonly syllables: readonly string[];
  /** 0 for the most frequent word of the whole dictionary. */
  readonly rank: number;
}

export interface Candidate {
  readonly word: string;
  /** How many of the typed letters it stands for, from the start. */
  readonly letters: number;
}

/** Reads the dictionary built by build/pinyin-dictionary.ts: `word<TAB>syllables` lines, most frequent first. */
export function indexPinyinDictionary(text: string): PinyinIndex {
  const syllables = new Set<string>();
  const byFirst = new Map<string, DictionaryWord[]>();
  text.split('\n').forEach((line, rank) => {
    const [word, reading] = line.split('\t') as [string, string];
    const spelled = reading.split(' ');
    for (const syllable of spelled) syllables.add(syllable);
    const list = byFirst.get(spelled[0]!) ?? [];
    list.push({ word, syllables: spelled, rank });
    byFirst.set(spelled[0]!, list);
  });
  // Syllables without a vowel (the interjections m, n, ng, hm) would split almost anything ("an" → a n).
  for (const syllable of syllables) if (!/[aeiouv]/.test(syllable)) syllables.delete(syllable);
  return { syllables, byFirst };
}

/** Enough for a bar a visitor pages through; the search needs only the word they pick. */
const MAX_CANDIDATES = 48;
/** Long strings of letters split many ways; the likeliest splits come first, so a bound loses little. */
const MAX_SPLITS = 32;

/**
 * Ways to split `letters` into syllables, the last one possibly unfinished, longest syllables
 * first ("xian" → xian, then xi an).
 */
export function splitSyllables(index: PinyinIndex, letters: string): string[][] {
  const splits: string[][] = [];
  const walk = (from: number, taken: string[]) => {
    if (splits.length >= MAX_SPLITS) return;
    if (from === letters.length) {
      splits.push(taken);
      return;
    }
    for (let end = Math.min(letters.length, from + 6); end > from; end--) {
      const piece = letters.slice(from, end);
      if (index.syllables.has(piece) || (end === letters.length && startsSomeSyllable(index, piece))) {
        walk(end, [...taken, piece]);
      }
    }
  };
  walk(0, []);
  return splits;
}

function startsSomeSyllable(index: PinyinIndex, piece: string): boolean {
  for (const syllable of index.syllables) if (syllable.startsWith(piece)) return true;
  return false;
}

/** The words whose reading begins with `pieces`, the last piece matching any syllable it begins. */
function wordsSpelling(index: PinyinIndex, pieces: readonly string[], unfinishedLast: boolean): DictionaryWord[] {
  const [first] = pieces;
  const lists =
    pieces.length === 1 && unfinishedLast
      ? [...index.byFirst].filter(([syllable]) => syllable.startsWith(first!)).map(([, list]) => list)
      : [index.byFirst.get(first!) ?? []];
  const matches = lists
    .flat()
    .filter(
      ({ syllables }) =>
        syllables.length === pieces.length &&
        pieces.every((piece, at) =>
          at === pieces.length - 1 && unfinishedLast ? syllables[at]!.startsWith(piece) : syllables[at] === piece,
        ),
    );
  return lists.length > 1 ? matches.sort((a, b) => a.rank - b.rank) : matches;
}

/** The candidates for `letters` (a–z, v for ü), best first. */
export function pinyinCandidates(index: PinyinIndex, letters: string): Candidate[] {
  // Tiers: words spelling all the letters with the last syllable as typed (0), then with it unfinished
  // (1: "taiyan" offers 太阳 too), then words for the leading syllables, more letters before fewer.
  const tiers = new Map<number, { words: DictionaryWord[]; letters: number }>();
  const add = (tier: number, length: number, words: DictionaryWord[]) => {
    const group = tiers.get(tier) ?? { words: [], letters: length };
    group.words.push(...words);
    tiers.set(tier, group);
  };
  for (const split of splitSyllables(index, letters)) {
    if (index.syllables.has(split.at(-1)!)) add(0, letters.length, wordsSpelling(index, split, false));
    add(1, letters.length, wordsSpelling(index, split, true));
    let used = 0;
    for (const [at, piece] of split.slice(0, -1).entries()) {
      used += piece.length;
      add(2 + letters.length - used, used, wordsSpelling(index, split.slice(0, at + 1), false));
    }
  }
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const [, group] of [...tiers].sort(([a], [b]) => a - b)) {
    for (const { word } of group.words.sort((a, b) => a.rank - b.rank)) {
      if (seen.has(word)) continue;
      seen.add(word);
      candidates.push({ word, letters: group.letters });
      if (candidates.length === MAX_CANDIDATES) return candidates;
    }
  }
  return candidates;
}
