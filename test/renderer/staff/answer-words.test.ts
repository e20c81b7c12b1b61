import { describe, expect, it } from 'vitest';
import { answerWords } from '../../../renderer/staff/answer-words.ts';
import { multiple, numeric, parsed, short, single, trueFalse } from '../quiz/engine/quiz-fixtures.ts';

describe('answer keys in words', () => {
  const planet = parsed('single', single);

  it('names a choice by its letter in the quiz’s own order and its text in the staff’s language', () => {
    expect(answerWords('c1', planet, 'en')).toEqual({ kind: 'choices', letters: ['B'], texts: ['Jupiter'] });
    expect(answerWords('c1', planet, 'ko')).toEqual({ kind: 'choices', letters: ['B'], texts: ['목성'] });
    // A language the question lacks falls back as the quiz screen does.
    expect(answerWords('c3', planet, 'zh')).toEqual({ kind: 'choices', letters: ['D'], texts: ['The Moon'] });
  });

  it('names ticked choices together', () => {
    const ticks = parsed('multiple', multiple);
    const words = answerWords('c0+c2', ticks, 'en');
    expect(words).toMatchObject({ kind: 'choices', letters: ['A', 'C'] });
    expect(words.kind === 'choices' && words.texts).toHaveLength(2);
  });

  it('reads a choice by letter alone without the quiz, or past its choices', () => {
    expect(answerWords('c2', undefined, 'en')).toEqual({ kind: 'choices', letters: ['C'] });
    expect(answerWords('c0+c3', undefined, 'en')).toEqual({ kind: 'choices', letters: ['A', 'D'] });
    expect(answerWords('c9', planet, 'en')).toEqual({ kind: 'choices', letters: ['J'] });
  });

  it('gives the accepted answer from the list the key names, not the staff’s language', () => {
    const gas = parsed('short', short);
    expect(answerWords('a-ko-0', gas, 'en')).toEqual({ kind: 'accepted', language: 'ko', number: 1, text: '산소' });
    expect(answerWords('a-en-2', gas, 'ko')).toEqual({ kind: 'accepted', language: 'en', number: 3, text: 'Air' });
    expect(answerWords('a-mn-Cyrl-0', undefined, 'en')).toEqual({ kind: 'accepted', language: 'mn-Cyrl', number: 1 });
  });

  it('gives a numeric answer’s value, tolerance or range', () => {
    const pi = parsed('numeric', numeric);
    expect(answerWords('n0', pi, 'en')).toEqual({ kind: 'number', number: 1, value: '3.14 ± 0.01' });
    expect(answerWords('n1', pi, 'en')).toEqual({ kind: 'number', number: 2, value: '3–4' });
    expect(answerWords('n2', pi, 'en')).toEqual({ kind: 'number', number: 3, value: '22' });
    // A key that does not fit the question (the quiz changed since) keeps only its number.
    expect(answerWords('n0', parsed('true-false', trueFalse), 'en')).toEqual({ kind: 'number', number: 1 });
  });

  it('knows the keys without an index, and shows an unknown key as it is', () => {
    for (const key of ['none', 'true', 'false', 'other', 'right', 'wrong', 'timeout'])
      expect(answerWords(key, undefined, 'en')).toEqual({ kind: key });
    expect(answerWords('x7', planet, 'en')).toEqual({ kind: 'unknown', key: 'x7' });
    expect(answerWords('a-fr-1', undefined, 'en')).toEqual({ kind: 'unknown', key: 'a-fr-1' });
  });
});
