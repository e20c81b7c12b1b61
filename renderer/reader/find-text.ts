/**
 * Find in document: matches a query against a page's text runs, ignoring case, width forms
 * (full-width Latin in CJK text) and runs of white space, and finds the runs each match lies in.
 */

/** The part of PDF.js's TextItem the search needs. */
export interface TextRun {
  str: string;
  /** Text-space to user-space matrix [a, b, c, d, e, f]. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface FoldedText {
  text: string;
  /** For each character of `text`, the index of the original character it came from. */
  origin: number[];
}

/** Case-folds and width-folds `source`, collapsing white space, and remembers where each character came from. */
export function foldText(source: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of source) {
    if (/\s/u.test(char)) {
      if (!text.endsWith(' ')) {
        text += ' ';
        origin.push(index);
      }
    } else {
      for (const folded of char.normalize('NFKC').toLocaleLowerCase()) {
        text += folded;
        origin.push(index);
      }
    }
    index += char.length;
  }
  return { text, origin };
}

export interface PageText {
  text: string;
  /** Where each run starts in `text`. */
  runStarts: number[];
}

/** One page's text as a single string, a line end after each run that ends a line. */
export function pageText(runs: readonly TextRun[]): PageText {
  let text = '';
  const runStarts: number[] = [];
  for (const run of runs) {
    runStarts.push(text.length);
    text += run.str;
    if (run.hasEOL) text += '\n';
  }
  return { text, runStarts };
}

/** Offsets [start, end) in `text` of each match of `query`, left to right, not overlapping. */
export function findMatches(text: string, query: string): { start: number; end: number }[] {
  const needle = foldText(query.trim()).text;
  if (needle === '') return [];
  const haystack = foldText(text);
  const matches: { start: number; end: number }[] = [];
  let from = 0;
  for (;;) {
    const at = haystack.text.indexOf(needle, from);
    if (at < 0) break;
    const last = at + needle.length - 1;
    matches.push({ start: haystack.origin[at]!, end: haystack.origin[last]! + 1 });
    from = at + needle.length;
  }
  return matches;
}

/**
 * Where offset `offset` of `page` (made by `pageText` of runs of the lengths `runLengths`) falls:
 * the run and the offset inside it. A match's start is placed at the start of the run it is in, its
 * end at the end of the run its last character is in, so neither lands on a line end between runs.
 */
export function runOffset(
  page: PageText,
  runLengths: readonly number[],
  offset: number,
  edge: 'start' | 'end',
): { run: number; offset: number } | undefined {
  const at = edge === 'end' ? offset - 1 : offset;
  for (let run = page.runStarts.length - 1; run >= 0; run--) {
    const start = page.runStarts[run]!;
    const length = runLengths[run] ?? 0;
    if (start > at) continue;
    if (at >= start + length) return undefined;
    return { run, offset: edge === 'end' ? at - start + 1 : at - start };
  }
  return undefined;
}
