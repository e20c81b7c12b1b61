/** Typing on the on-screen keyboard across input methods: composition, backspace, switching script. */
import { describe, expect, it } from 'vitest';
import { maxQueryLength } from '../../../preload/contract/catalog.ts';
import {
  defaultInputMethod,
  hangul,
  inputMethods,
  latin,
  mongolianCyrillic,
  mongolianScript,
  pinyin,
} from '../../../renderer/keyboard/input-methods.ts';
import {
  backspace,
  emptyEntry,
  entryText,
  press,
  switchMethod,
  type TextEntry,
} from '../../../renderer/keyboard/text-entry.ts';

const typeKeys = (entry: TextEntry, keys: string) => [...keys].reduce(press, entry);

describe('text entry', () => {
  it('composes Hangul as the jamo are pressed and decomposes on backspace', () => {
    let entry = typeKeys(emptyEntry(hangul), 'ㅌㅐㅇㅑㅇ');
    expect(entryText(entry)).toBe('태양');
    entry = backspace(entry);
    expect(entryText(entry)).toBe('태야');
    entry = backspace(backspace(entry));
    expect(entryText(entry)).toBe('태');
  });

  it('keeps earlier Hangul whole after switching to Latin, and backspace removes a whole syllable', () => {
    let entry = typeKeys(emptyEntry(hangul), 'ㅌㅐㅇㅑㅇ ');
    entry = typeKeys(switchMethod(entry, latin), 'solar');
    expect(entryText(entry)).toBe('태양 solar');
    entry = switchMethod(entry, hangul);
    for (let i = 0; i < 7; i++) entry = backspace(entry);
    expect(entryText(entry)).toBe('태');
  });

  it('types Mongolian Cyrillic with Ө and Ү', () => {
    expect(entryText(typeKeys(emptyEntry(mongolianCyrillic), 'хөрс үр'))).toBe('хөрс үр');
  });

  it('stops at the longest search the catalog accepts, so a held key cannot make a bad request', () => {
    const full = typeKeys(emptyEntry(latin), 'a'.repeat(maxQueryLength + 50));
    expect(entryText(full)).toHaveLength(maxQueryLength);
    expect(entryText(backspace(full))).toHaveLength(maxQueryLength - 1);
  });

  it('backspace on nothing stays empty', () => {
    expect(entryText(backspace(emptyEntry(latin)))).toBe('');
  });
});

describe('input methods', () => {
  it('offer a method per interface language', () => {
    expect(defaultInputMethod('ko')).toBe(hangul);
    expect(defaultInputMethod('mn-Cyrl')).toBe(mongolianCyrillic);
    expect(defaultInputMethod('mn-Mong')).toBe(mongolianScript);
    expect(defaultInputMethod('zh-Hans')).toBe(pinyin);
    expect(defaultInputMethod('en')).toBe(latin);
  });

  it('have every key of the Mongolian alphabet and of the 2-set layout once', () => {
    const keysOf = (rows: readonly (readonly string[])[]) => rows.flat().filter((key) => !/[0-9]/.test(key));
    const mongolian = keysOf(mongolianCyrillic.rows);
    expect(new Set(mongolian).size).toBe(mongolian.length);
    expect(mongolian.sort().join('')).toBe([...'абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя'].sort().join(''));
    const twoSet = [...keysOf(hangul.rows), ...keysOf(hangul.shiftedRows!)];
    for (const jamo of 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ')
      expect(twoSet).toContain(jamo);
  });

  it('have shifted rows matching their rows in shape', () => {
    for (const method of inputMethods) {
      if (!method.shiftedRows) continue;
      expect(method.shiftedRows.map((row) => row.length)).toEqual(method.rows.map((row) => row.length));
    }
  });
});
