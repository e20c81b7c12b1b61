/**
 * Find in document: matches a query against a page's text runs, ignoring case, width forms
 * (full-width Latin in CJK text) and runs of white space, and places each match on the page.
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

/** A rectangle in PDF user space (y grows upwards). */
export interface PdfRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
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

/** The rectangles a match covers: one per run it touches, measured by the share of the run's characters. */
export function matchRects(runs: readonly TextRun[], page: PageText, match: { start: number; end: number }): PdfRect[] {
  const rects: PdfRect[] = [];
  runs.forEach((run, index) => {
    const runStart = page.runStarts[index]!;
    const runEnd = runStart + run.str.length;
    const from = Math.max(match.start, runStart);
    const to = Math.min(match.end, runEnd);
    if (from >= to || run.str.length === 0) return;
    const [a = 1, b = 0, , , e = 0, f = 0] = run.transform;
    // The run's direction along the baseline, so rotated text is still marked where it is.
    const length = Math.hypot(a, b) || 1;
    const ux = a / length;
    const uy = b / length;
    const startAt = (run.width * (from - runStart)) / run.str.length;
    const endAt = (run.width * (to - runStart)) / run.str.length;
    const height = run.height || length;
    const corners = [
      [e + ux * startAt, f + uy * startAt],
      [e + ux * endAt, f + uy * endAt],
    ].flatMap(([x = 0, y = 0]) => [
      [x - uy * height * -0.25, y + ux * height * -0.25],
      [x - uy * height, y + ux * height],
    ]);
    const xs = corners.map(([x = 0]) => x);
    const ys = corners.map(([, y = 0]) => y);
    rects.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
  });
  return rects;
}
