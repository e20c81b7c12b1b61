/**
 * Typed answers compare equal whatever keyboard, case or Unicode form typed them, in each of the kiosk's
 * scripts; typed numbers are read in the forms visitors write them.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normaliseAnswer, parseNumber } from '../../../../renderer/quiz/engine/normalise-answer.ts';

const same = (a: string, b: string) => expect(normaliseAnswer(a)).toBe(normaliseAnswer(b));

describe('normaliseAnswer', () => {
  test('full-width letters and digits are the ordinary ones', () => {
    expect(normaliseAnswer('ＯＸＹＧＥＮ')).toBe('oxygen');
    expect(normaliseAnswer('Ｏ２')).toBe('o2');
    expect(normaliseAnswer('ｈ２ｏ')).toBe('h2o');
  });

  test('Latin and Cyrillic case, Cyrillic ё and й kept apart from е and и', () => {
    same('Oxygen', 'OXYGEN');
    same('ХҮЧИЛТӨРӨГЧ', 'хүчилтөрөгч');
    expect(normaliseAnswer('ЁЖ')).toBe('ёж');
    expect(normaliseAnswer('ёж')).not.toBe(normaliseAnswer('еж'));
    expect(normaliseAnswer('Й')).toBe('й');
  });

  test('Hangul composed (NFC) and decomposed (NFD) compare equal', () => {
    const nfc = '산소';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(normaliseAnswer(nfd)).toBe(nfc);
  });

  test('Hangul compatibility jamo join as initial and vowel, but a final consonant typed apart stays apart', () => {
    expect(normaliseAnswer('ㅅㅗ')).toBe('소');
    // NFKC reads a lone ㄴ as an initial: finals are the keyboard's composition to make, not normalisation's.
    expect(normaliseAnswer('ㅅㅏㄴㅅㅗ')).not.toBe('산소');
  });

  test('Mongolian script: variation selectors, the vowel separator and the narrow space do not matter', () => {
    const word = 'ᠦᠨᠢᠶᠡ';
    same('ᠦᠨᠢᠶ\u180eᠡ', word);
    same('ᠦ\u180bᠨᠢᠶᠡ', word);
    same('ᠭᠡᠷ\u202fᠦᠨ', 'ᠭᠡᠷ ᠦᠨ');
    expect(normaliseAnswer('ᠦᠨᠢᠶᠡ᠃')).toBe(word);
  });

  test('spaces are collapsed and trimmed, ideographic and no-break spaces included', () => {
    expect(normaliseAnswer('  carbon \t  dioxide\n')).toBe('carbon dioxide');
    expect(normaliseAnswer('carbon\u3000dioxide')).toBe('carbon dioxide');
    expect(normaliseAnswer('carbon\u00a0dioxide')).toBe('carbon dioxide');
  });

  test('trailing sentence punctuation goes, other punctuation stays', () => {
    expect(normaliseAnswer('Oxygen.')).toBe('oxygen');
    expect(normaliseAnswer('Oxygen!!! ')).toBe('oxygen');
    expect(normaliseAnswer('산소？')).toBe('산소');
    expect(normaliseAnswer('氧气。')).toBe('氧气');
    expect(normaliseAnswer('C#')).toBe('c#');
    expect(normaliseAnswer('C++')).toBe('c++');
    expect(normaliseAnswer('H.O.')).toBe('h.o');
    expect(normaliseAnswer('...')).toBe('');
  });

  test('zero-width characters and soft hyphens vanish', () => {
    same('oxy\u200bgen', 'oxygen');
    same('oxy\u00adgen', 'oxygen');
    same('\ufeffoxygen', 'oxygen');
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 16 }), (text) => {
        const once = normaliseAnswer(text);
        expect(normaliseAnswer(once)).toBe(once);
      }),
      { numRuns: 5_000 },
    );
  });

  test('is idempotent on the hard cases: jamo, fillers, combining marks, special casings', () => {
    const hard = [
      ...'\u1100\u1161\u11a8\u1160\u115f\u3164\uffa0\u3131\u314f\u034f\u0301\u0316\u0307İΣςßẞ\u180e\u180b\u202f\u3000 .a',
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...hard), maxLength: 10 }), (text) => {
        const once = normaliseAnswer(text);
        expect(normaliseAnswer(once)).toBe(once);
      }),
      { numRuns: 5_000 },
    );
  });

  test('the result never starts or ends with a space or ends with sentence punctuation', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 16 }), (text) => {
        expect(normaliseAnswer(text)).not.toMatch(/^\s|[\s\p{Terminal_Punctuation}]$/u);
      }),
    );
  });
});

describe('parseNumber', () => {
  test.each([
    ['3.14', 3.14],
    ['-2', -2],
    ['+7', 7],
    ['−5', -5],
    ['.5', 0.5],
    ['5.', 5],
    ['1,5', 1.5],
    ['1 000', 1000],
    ['３．１４', 3.14],
    ['－１２', -12],
    ['᠑᠐', 10],
    ['᠓.᠑᠔', 3.14],
    [' 42 ', 42],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  test.each(['', ' ', 'abc', '1.2.3', '1,2,3', '1,000.5', '--1', 'Infinity', 'NaN', '1e5', '0x10', '3 .1 4x'])(
    'refuses %j',
    (text) => {
      expect(parseNumber(text)).toBeUndefined();
    },
  );

  test('reads back every finite decimal it is given', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (value) => {
        const text = value.toFixed(6);
        expect(parseNumber(text)).toBe(Number(text));
      }),
    );
  });
});
