/** How text becomes search terms, and queries become MATCH expressions that are never FTS syntax. */
import { describe, expect, it } from 'vitest';
import {
  facetText,
  indexableText,
  matchExpression,
  normalizeText,
  searchTerms,
  titleCharacters,
} from '../../../main/catalog/search-text.ts';

describe('indexableText', () => {
  it('rewrites Hangul and Han runs as overlapping bigrams and leaves other scripts alone', () => {
    expect(indexableText('태양에너지')).toBe(' 태양 양에 에너 너지 ');
    expect(indexableText('健康的土壤')).toBe(' 健康 康的 的土 土壤 ');
    expect(indexableText('DNA검사 test')).toBe('DNA 검사  test');
    expect(indexableText('Solar Өвөл ᠮᠣᠩᠭᠣᠯ')).toBe('Solar Өвөл ᠮᠣᠩᠭᠣᠯ');
  });

  it('keeps a lone CJK character as itself', () => {
    expect(indexableText('흙 soil')).toBe(' 흙  soil');
  });
});

describe('normalizeText', () => {
  it('drops Mongolian variation selectors and the vowel separator, and splits at the suffix space', () => {
    expect(normalizeText('ᠪᠣᠷᠳᠣᠭ\u180eᠠ')).toBe('ᠪᠣᠷᠳᠣᠭᠠ');
    expect(normalizeText('ᠠ\u180bᠠ')).toBe('ᠠᠠ');
    expect(normalizeText('ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ')).toBe('ᠮᠣᠩᠭᠣᠯ ᠤᠨ');
  });

  it('folds full-width Latin to ASCII', () => {
    expect(normalizeText('ＳＯＬＡＲ')).toBe('SOLAR');
  });
});

describe('titleCharacters', () => {
  it('lists each CJK character of the titles once', () => {
    expect(titleCharacters(['건강한 흙', '健康', 'Healthy'])).toBe('건 강 한 흙 健 康');
  });
});

describe('matchExpression', () => {
  it('makes every word a quoted prefix term', () => {
    expect(matchExpression('Solar POW')).toBe('"Solar"* AND "POW"*');
  });

  it('makes a CJK run a bigram term or phrase, and a single character a title-character term', () => {
    expect(matchExpression('건강')).toBe('"건강"');
    expect(matchExpression('健康的土')).toBe('"健康 康的 的土"');
    expect(matchExpression('흙')).toBe('(title_chars : "흙" OR "흙")');
  });

  it('treats FTS syntax as plain text', () => {
    expect(matchExpression('"solar" AND (wind OR NEAR(a b)) title:* -x ^y')).toBe(
      '"solar"* AND "AND"* AND "wind"* AND "OR"* AND "NEAR"* AND "a"* AND "b"* AND "title"* AND "x"* AND "y"*',
    );
  });

  it('gives nothing to search for a query of punctuation alone', () => {
    expect(matchExpression('*** ( ) " : ^')).toBeUndefined();
    expect(matchExpression('   ')).toBeUndefined();
  });
});

describe('facets', () => {
  it('writes each subject and language as one hex token, dashes and all', () => {
    expect(facetText({ subjects: ['energy', 'a-b'], languages: ['mn-Mong'] })).toBe(
      's656e65726779 s612d62 l6d6e2d4d6f6e67',
    );
  });

  it('puts filters in the MATCH expression and keeps typed words out of the facets column', () => {
    const terms = searchTerms('solar', { subject: 'energy', language: 'en' })!;
    expect(terms.anywhere).toBe(
      '{facets} : ("s656e65726779" AND "l656e") AND {title summary body title_chars} : ("solar"*)',
    );
    expect(terms.inTitles).toBe('{facets} : ("s656e65726779" AND "l656e") AND {title title_chars} : ("solar"*)');
    expect(searchTerms('solar')!.anywhere).toBe('{title summary body title_chars} : ("solar"*)');
  });

  it('tells a query of single Hangul/Han characters from the rest', () => {
    expect(searchTerms('흙 土')!.singleCharacters).toBe(true);
    expect(searchTerms('흙 *')!.singleCharacters).toBe(true);
    expect(searchTerms('흙 soil')!.singleCharacters).toBe(false);
    expect(searchTerms('건강')!.singleCharacters).toBe(false);
  });
});
