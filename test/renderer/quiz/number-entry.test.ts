/** The number pad's text: what each key does, and that the engine's parser reads every text it can make. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseNumber } from '../../../renderer/quiz/engine/normalise-answer.ts';
import { MAX_NUMBER_LENGTH, pressPad, shownNumber, type PadKey } from '../../../renderer/quiz/number-entry.ts';

const type = (keys: readonly PadKey[]) => keys.reduce(pressPad, '');

describe('pressPad', () => {
  test.each([
    [['3', '0'], '30', 30],
    [['.', '5'], '0.5', 0.5],
    [['1', '.', '.', '2'], '1.2', 1.2],
    [['0', '7'], '7', 7],
    [['minus', '4', '2'], '-42', -42],
    [['4', '2', 'minus'], '-42', -42],
    [['4', 'minus', 'minus'], '4', 4],
    [['1', '2', 'minus', 'backspace', 'backspace', '5'], '-5', -5],
    [['minus', 'backspace'], '', undefined],
    [['minus', '0', '3'], '-3', -3],
  ] as [PadKey[], string, number | undefined][])('%j types %s', (keys, text, value) => {
    expect(type(keys)).toBe(text);
    expect(parseNumber(text)).toBe(value);
  });

  test('stops at the longest number a line shows', () => {
    expect(type(Array<PadKey>(20).fill('9'))).toHaveLength(MAX_NUMBER_LENGTH);
    expect(type(['minus', ...Array<PadKey>(20).fill('1')])).toHaveLength(MAX_NUMBER_LENGTH + 1);
  });

  test('whatever is typed, the parser reads it, or it is empty or a bare minus', () => {
    const key = fc.constantFrom<PadKey>('0', '1', '5', '9', '.', 'minus', 'backspace');
    fc.assert(
      fc.property(fc.array(key, { maxLength: 30 }), (keys) => {
        const text = type(keys);
        if (text === '' || text === '-') return;
        expect(parseNumber(text)).toBe(Number(text));
      }),
    );
  });

  test('shows a true minus sign', () => {
    expect(shownNumber('-2.5')).toBe('\u22122.5');
  });
});
