import { describe, expect, it } from 'vitest';
import { findMatches, foldText, matchRects, pageText, type TextRun } from '../../../renderer/reader/find-text.ts';

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

describe('matchRects', () => {
  it('places a match inside one run by its share of the characters', () => {
    const runs = [run('Hello world', 100, 700, 110, true), run('next line', 100, 680, 90)];
    const page = pageText(runs);
    expect(page.text).toBe('Hello world\nnext line');
    const [match] = findMatches(page.text, 'world');
    const rects = matchRects(runs, page, match!);
    expect(rects).toHaveLength(1);
    expect(rects[0]!.x0).toBeCloseTo(160);
    expect(rects[0]!.x1).toBeCloseTo(210);
    expect(rects[0]!.y0).toBeCloseTo(697);
    expect(rects[0]!.y1).toBeCloseTo(712);
  });
  it('gives one rectangle per run a match spans', () => {
    const runs = [run('solar', 0, 100, 50), run(' power', 50, 100, 60)];
    const page = pageText(runs);
    const [match] = findMatches(page.text, 'solar power');
    expect(matchRects(runs, page, match!)).toHaveLength(2);
  });
});
