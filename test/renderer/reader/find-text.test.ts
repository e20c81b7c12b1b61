import { describe, expect, it } from 'vitest';
import { findMatches, foldText, pageText, runOffset, type TextRun } from '../../../renderer/reader/find-text.ts';

const run = (str: string, x: number, y: number, width: number, hasEOL = false): TextRun => ({
  str,
  transform: [12, 0, 0, 12, x, y],
  width,
  height: 12,
  hasEOL,
});

describe('findMatches', () => {
  it('ignores case and runs of white space', () => {
    expect(findMatches('Solar  Power and solar\npower', 'solar power')).toEqual([
      { start: 0, end: 12 },
      { start: 17, end: 28 },
    ]);
  });
  it('matches full-width Latin and CJK text', () => {
    expect(findMatches('太阳能ＰＶ板', 'pv')).toEqual([{ start: 3, end: 5 }]);
    expect(findMatches('태양광 발전의 기초', '발전')).toEqual([{ start: 4, end: 6 }]);
  });
  it('maps matches back through characters that fold to several, like the fi ligature', () => {
    expect(findMatches('\ufb01nd the \ufb01sh', 'fish')).toEqual([{ start: 8, end: 11 }]);
  });
  it('finds nothing for an empty query', () => {
    expect(findMatches('anything', '   ')).toEqual([]);
    expect(foldText('A\u3000B').text).toBe('a b');
  });
});

describe('runOffset', () => {
  // "Title" ends a line; "two words" follows it in two runs.
  const runs = [run('Title', 0, 0, 50, true), run('two ', 0, 20, 40), run('words', 40, 20, 50)];
  const page = pageText(runs);
  const lengths = runs.map((item) => item.str.length);
  it('places a start and an end inside their runs', () => {
    expect(runOffset(page, lengths, 1, 'start')).toEqual({ run: 0, offset: 1 });
    expect(runOffset(page, lengths, 5, 'end')).toEqual({ run: 0, offset: 5 });
  });
  it('puts an end that falls on the next run’s first offset at the end of its own run', () => {
    const start = page.text.indexOf('two');
    expect(runOffset(page, lengths, start, 'start')).toEqual({ run: 1, offset: 0 });
    expect(runOffset(page, lengths, start + 4, 'end')).toEqual({ run: 1, offset: 4 });
    expect(runOffset(page, lengths, page.text.length, 'end')).toEqual({ run: 2, offset: 5 });
  });
  it('finds no run for the line end between runs', () => {
    expect(runOffset(page, lengths, 5, 'start')).toBeUndefined();
  });
});
