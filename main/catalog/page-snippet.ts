/**
 * The few words around a search's match on a page, for the result card: plain text pieces, each marked or
 * not, so the renderer draws the marks as elements around text and nothing of a page is ever read as markup.
 */
import { foldForSnippet, snippetNeedles } from './search-text.ts';

export interface SnippetPiece {
  text: string;
  mark: boolean;
}

/** Characters of context before the first match, and the snippet's whole length, about. */
const BEFORE = 40;
const LENGTH = 160;
const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
/** Marks in one snippet at most: a one-letter prefix could otherwise mark every other word. */
const MAX_MARKS = 12;

/**
 * The snippet of `page` for `query`: its first match with the text around it, every match in it marked;
 * undefined when the query is not found in the text (the index and the text disagree, which they should not).
 */
export function pageSnippet(page: string, query: string): SnippetPiece[] | undefined {
  const needles = snippetNeedles(query);
  if (needles.length === 0) return undefined;
  const folded = foldForSnippet(page);
  const matches: { start: number; end: number }[] = [];
  for (const needle of needles) {
    for (let at = folded.text.indexOf(needle.text); at >= 0; at = folded.text.indexOf(needle.text, at + 1)) {
      if (needle.wordStart && at > 0 && wordCharacter.test(folded.text[at - 1]!)) continue;
      matches.push({ start: at, end: at + needle.text.length });
    }
  }
  if (matches.length === 0) return undefined;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  // Positions in the folded text, turned back into the page's own characters.
  const source = (at: number) => (at >= folded.origin.length ? page.length : folded.origin[at]!);
  const first = matches[0]!;
  let from = Math.max(0, source(first.start) - BEFORE);
  let to = Math.min(page.length, from + LENGTH);
  // Start and end between words, where there are words to cut between.
  if (from > 0) {
    const space = page.lastIndexOf(' ', from);
    if (space >= 0 && from - space < 20) from = space + 1;
  }
  if (to < page.length) {
    const space = page.indexOf(' ', to);
    if (space >= 0 && space - to < 20) to = space;
  }
  // A surrogate pair is never cut in two.
  if (from > 0 && /[\udc00-\udfff]/.test(page[from]!)) from--;
  if (to < page.length && /[\udc00-\udfff]/.test(page[to]!)) to++;
  const pieces: SnippetPiece[] = [];
  const push = (text: string, mark: boolean) => {
    const tidy = text.replace(/\s+/g, ' ');
    if (tidy === '') return;
    const last = pieces.at(-1);
    if (last && last.mark === mark) last.text += tidy;
    else pieces.push({ text: tidy, mark });
  };
  if (from > 0) push('…', false);
  let at = from;
  let marks = 0;
  for (const match of matches) {
    if (marks === MAX_MARKS) break;
    const start = source(match.start);
    const end = Math.min(to, source(match.end - 1) + (page.codePointAt(source(match.end - 1))! > 0xffff ? 2 : 1));
    if (start < at || start >= to) continue;
    push(page.slice(at, start), false);
    push(page.slice(start, end), true);
    marks++;
    at = end;
  }
  push(page.slice(at, to), false);
  if (to < page.length) push('…', false);
  return pieces;
}
