/**
 * How catalog text is cut into search terms, and how a visitor's query becomes an FTS5 MATCH
 * expression over the same terms. Pure functions, shared by indexing and querying so both agree.
 *
 * One FTS5 table (`search_index`, unicode61 tokenizer) serves every script:
 * - Latin, Cyrillic and traditional Mongolian are written with spaces between words, so unicode61
 *   words fit; it folds case (Latin and Cyrillic) and Latin diacritics, and every query word
 *   becomes a prefix term (`"word"*`).
 * - Hangul and Han have no spaces (Chinese) or glue particles to words (Korean), so a visitor must
 *   find any substring. Before indexing, each run of Hangul/Han characters is rewritten as its
 *   overlapping bigrams ("태양에너지" → "태양 양에 에너 너지"), each a unicode61 word. A query run
 *   of two characters is one bigram term; a longer run is a phrase of its bigrams, which matches
 *   exactly where the run occurs. A run of one character (a lone CJK character) is kept as itself.
 * - A one-character Hangul/Han query has no bigram to look up. Titles therefore also carry every
 *   CJK character on its own in the `title_chars` column, and such a query matches that column
 *   (or a lone character anywhere). Bodies are not indexed by single characters: that would
 *   multiply the index for a query that is too vague to rank bodies by anyway.
 * Unlike the trigram tokenizer this finds one- and two-character queries, indexes Latin text as
 *   words instead of trigrams (a much smaller index), and keeps bm25 meaningful.
 *
 * Results come in two tiers, title hits before the rest, each ranked by bm25; the store ranks the
 * second tier only when a page reaches past the first (see `searchTerms`). Subject and language
 * filters are tokens of a `facets` column, matched in the same expression (see `facetText`).
 */

/** Hangul and Han (with kana, for Japanese words quoted in Chinese text): scripts searched by substring. */
const cjkRun = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
/** A query piece: a CJK run, or a stretch of anything else up to whitespace. */
const queryPiece =
  /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\s\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const wordCharacters = /[\p{L}\p{N}\p{M}]+/gu;
const hasWordCharacter = /[\p{L}\p{N}\p{M}]/u;
const isCjk = /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/**
 * Mongolian free variation selectors and vowel separator, and zero-width joiners, change how a
 * letter is drawn, not which letter it is; unicode61 would split words at them, and an on-screen
 * keyboard may or may not type them. NFKC already turns the narrow no-break space before
 * Mongolian case suffixes into a plain space, so a stem is found without its suffix.
 */
const shapingControls = /[\u180b-\u180f\u200c\u200d]/g;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(shapingControls, '');
}

function bigrams(run: string): string[] {
  const characters = Array.from(run);
  if (characters.length < 2) return characters;
  const grams: string[] = [];
  for (let i = 0; i + 1 < characters.length; i++) grams.push(characters[i]! + characters[i + 1]!);
  return grams;
}

/** The text written into an FTS column: CJK runs replaced by their bigrams, everything else as it is. */
export function indexableText(text: string): string {
  return normalizeText(text).replace(cjkRun, (run) => ` ${bigrams(run).join(' ')} `);
}

/** The `title_chars` column: each distinct CJK character of the titles, once. */
export function titleCharacters(titles: readonly string[]): string {
  const characters = new Set<string>();
  for (const title of titles) {
    for (const run of normalizeText(title).match(cjkRun) ?? []) for (const character of run) characters.add(character);
  }
  return [...characters].join(' ');
}

/**
 * The FTS5 MATCH expression for what a visitor typed, or undefined when nothing searchable is left.
 * Every term is rebuilt from letters, digits and CJK characters only and double-quoted, so quotes,
 * `*`, parentheses, `AND`, `NEAR` or `column:` in a query are plain text, never FTS syntax.
 */
export function matchExpression(query: string): string | undefined {
  const terms: string[] = [];
  for (const piece of normalizeText(query).match(queryPiece) ?? []) {
    if (isCjk.test(piece)) {
      const characters = Array.from(piece);
      if (characters.length === 1) terms.push(`(title_chars : "${piece}" OR "${piece}")`);
      else terms.push(`"${bigrams(piece).join(' ')}"`);
    } else {
      for (const word of piece.match(wordCharacters) ?? []) terms.push(`"${word}"*`);
    }
  }
  return terms.length > 0 ? terms.join(' AND ') : undefined;
}

/**
 * The MATCH expression that finds the page a visitor's words are on, over the page index (one `text`
 * column): as `matchExpression`, but whole words, not word beginnings, and a single Hangul/Han character
 * only where it stands alone, since pages have no `title_chars`. A prefix term makes FTS5 merge the doclists
 * of every word it begins, over the whole index, for each document looked at; a whole word is a seek into one
 * doclist. So "gask" finds the manual, and "gasket" also says on which page. Undefined when nothing is left.
 */
export function pageMatchExpression(query: string): string | undefined {
  const terms: string[] = [];
  for (const piece of normalizeText(query).match(queryPiece) ?? []) {
    if (isCjk.test(piece)) terms.push(`"${bigrams(piece).join(' ')}"`);
    else for (const word of piece.match(wordCharacters) ?? []) terms.push(`"${word}"`);
  }
  return terms.length > 0 ? terms.join(' AND ') : undefined;
}

/**
 * What a snippet marks for a query: each CJK run as a substring, each other word as a word's start
 * (the index's prefix terms), in the folded form of `foldForSnippet`.
 */
export function snippetNeedles(query: string): { text: string; wordStart: boolean }[] {
  const needles: { text: string; wordStart: boolean }[] = [];
  for (const piece of normalizeText(query).match(queryPiece) ?? []) {
    if (isCjk.test(piece)) needles.push({ text: foldForSnippet(piece).text, wordStart: false });
    else
      for (const word of piece.match(wordCharacters) ?? [])
        needles.push({ text: foldForSnippet(word).text, wordStart: true });
  }
  return needles.filter((needle) => needle.text !== '');
}

/**
 * Folds text as the index does, near enough to find a match again in a page's own text: compatibility forms,
 * case and diacritics (unicode61's remove_diacritics), and the shaping controls `normalizeText` drops; white
 * space becomes one space. `origin[i]` is where folded character i came from, in UTF-16 units of `source`.
 */
export function foldForSnippet(source: string): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of source) {
    if (/\s/u.test(char)) {
      if (!text.endsWith(' ')) {
        text += ' ';
        origin.push(index);
      }
    } else if (!shapingControl.test(char)) {
      for (const folded of char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()) {
        text += folded;
        origin.push(index);
      }
    }
    index += char.length;
  }
  return { text, origin };
}
const shapingControl = /^[\u180b-\u180f\u200c\u200d]$/;

/** The words a search filter matches: which subjects an item is in, which languages it is written in. */
export interface Facets {
  subjects: readonly string[];
  languages: readonly string[];
}

/**
 * A facet as one unicode61 token: "s" or "l" and the value in hex, since subject slugs and
 * language tags contain dashes, which unicode61 would split at. No query word reaches the facets
 * column, so a visitor typing such a token finds nothing by it.
 */
function facetToken(kind: 's' | 'l', value: string): string {
  return kind + Buffer.from(value, 'utf8').toString('hex');
}

/** The `facets` column of an item. */
export function facetText(facets: Facets): string {
  return [
    ...facets.subjects.map((subject) => facetToken('s', subject)),
    ...facets.languages.map((language) => facetToken('l', language)),
  ].join(' ');
}

export interface SearchTerms {
  /** Matches the query anywhere in an item's texts. */
  anywhere: string;
  /** Matches the query within titles alone: the tier ranked first. */
  inTitles: string;
  /** Matches the query, but not within titles alone: the tier ranked second. */
  elsewhere: string;
  /**
   * Every term is a single Hangul/Han character. bm25 cannot rank such a query (each title
   * holds the character once, so the score only reflects text length), so results are listed
   * newest-installed first within each tier, which costs nothing however many titles match.
   */
  singleCharacters: boolean;
}

/**
 * The MATCH expressions a search runs for what a visitor typed, restricted to items in `subject`,
 * written in `language` and in at least one of `shownSubjects` when given; undefined when nothing is
 * searchable.
 */
export function searchTerms(
  query: string,
  filter: {
    subject?: string | undefined;
    language?: string | undefined;
    shownSubjects?: readonly string[] | undefined;
  } = {},
): SearchTerms | undefined {
  const typed = matchExpression(query);
  if (typed === undefined) return undefined;
  const pieces = (normalizeText(query).match(queryPiece) ?? []).filter(
    (piece) => isCjk.test(piece) || hasWordCharacter.test(piece),
  );
  const facets = [
    filter.subject === undefined ? undefined : `"${facetToken('s', filter.subject)}"`,
    filter.language === undefined ? undefined : `"${facetToken('l', filter.language)}"`,
    filter.shownSubjects === undefined
      ? undefined
      : `(${filter.shownSubjects.map((subject) => `"${facetToken('s', subject)}"`).join(' OR ')})`,
  ].filter((facet) => facet !== undefined);
  const within = facets.length === 0 ? '' : `{facets} : (${facets.join(' AND ')}) AND `;
  const inTitles = `${within}{title title_chars} : (${typed})`;
  const anywhere = `${within}{title summary body title_chars} : (${typed})`;
  return {
    anywhere,
    inTitles,
    elsewhere: `(${anywhere}) NOT ({title title_chars} : (${typed}))`,
    singleCharacters: pieces.every((piece) => isCjk.test(piece) && Array.from(piece).length === 1),
  };
}
