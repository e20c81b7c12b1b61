/** The traditional Mongolian keyboard: what each key types, and where the vowel separator is kept. */
import { describe, expect, it } from 'vitest';
import { mongolianScript } from '../../../renderer/keyboard/input-methods.ts';
import {
  composeMongolian,
  mongolianScriptRows,
  mongolianScriptShiftedRows,
  SUFFIX_SPACE,
  VOWEL_SEPARATOR,
} from '../../../renderer/keyboard/mongolian-script.ts';

const letterKeys = (rows: readonly (readonly string[])[]) => rows.slice(1).flat();

describe('traditional Mongolian keyboard', () => {
  it('types a letter of the Mongolian block, or ᠂ ᠃, on every key below the digits', () => {
    for (const key of [...letterKeys(mongolianScriptRows), ...letterKeys(mongolianScriptShiftedRows)]) {
      expect(key).toHaveLength(1);
      const code = key.codePointAt(0)!;
      expect(code >= 0x1820 && code <= 0x1842 ? 'letter' : key, key).toMatch(/^(letter|᠂|᠃)$/);
    }
  });

  it('has every letter from ᠠ to ᡂ once, on one layer or the other', () => {
    const letters = new Set([...letterKeys(mongolianScriptRows), ...letterKeys(mongolianScriptShiftedRows)]);
    for (let code = 0x1820; code <= 0x1842; code++)
      expect(letters, code.toString(16)).toContain(String.fromCodePoint(code));
  });

  it('lays the letters out as GB/T 28038-2011 does on QWERTY', () => {
    expect(mongolianScriptRows[1]!.join('')).toBe('ᠣᠸᠡᠷᠲᠶᠦᠢᠥᠫ');
    expect(mongolianScriptRows[2]!.join('')).toBe('ᠠᠰᠳᠹᠭᠬᠵᠺᠯ');
    expect(mongolianScriptRows[3]!.join('')).toBe('ᠽᠱᠴᠤᠪᠨᠮ᠂᠃');
    expect(mongolianScriptRows[0]).toEqual(expect.arrayContaining([SUFFIX_SPACE, VOWEL_SEPARATOR]));
  });

  it('spells a title key by key', () => {
    expect(mongolianScript.compose([...'ᠨᠠᠷᠠ', SUFFIX_SPACE, ...'ᠶᠢᠨ'])).toBe('ᠨᠠᠷᠠ\u202fᠶᠢᠨ');
  });

  it('keeps the vowel separator only before a final ᠠ or ᠡ, or while that vowel is still to come', () => {
    expect(composeMongolian([...'ᠬᠠᠷ', VOWEL_SEPARATOR, 'ᠠ'])).toBe('ᠬᠠᠷ\u180eᠠ');
    expect(composeMongolian([...'ᠬᠠᠷ', VOWEL_SEPARATOR])).toBe('ᠬᠠᠷ\u180e');
    expect(composeMongolian([...'ᠬᠠᠷ', VOWEL_SEPARATOR, 'ᠢ'])).toBe('ᠬᠠᠷᠢ');
    expect(composeMongolian([...'ᠬᠠᠷ', VOWEL_SEPARATOR, ...'ᠠᠨ'])).toBe('ᠬᠠᠷᠠᠨ');
    expect(composeMongolian([VOWEL_SEPARATOR, 'ᠠ'])).toBe('ᠠ');
  });
});
