/**
 * The on-screen keyboard's input methods: each has its key rows and turns the keystrokes typed
 * so far into text. Pinyin's letters go in as keys, and the word a visitor picks from its candidates
 * replaces them as one keystroke that composes to itself.
 */
import type { Locale } from '../../preload/contract/schemas.ts';
import { composeHangul, withoutTrailingJamo } from './hangul.ts';
import { composeMongolian, mongolianScriptRows, mongolianScriptShiftedRows } from './mongolian-script.ts';
import { withoutPendingPinyin } from './pinyin/pending.ts';

export type InputMethodId = 'latin' | 'pinyin' | 'hangul' | 'mongolian-cyrillic' | 'mongolian-script' | 'web-address';

export interface InputMethod {
  readonly id: InputMethodId;
  /** The method's name on the key that switches to it, in its own script. */
  readonly name: string;
  /** The language of the key captions, for fonts and screen readers. */
  readonly lang: string;
  readonly rows: readonly (readonly string[])[];
  /** The layer behind the shift key, row for row, when the method has one. */
  readonly shiftedRows?: readonly (readonly string[])[];
  /** The text the keystrokes spell; keys this method does not know pass through unchanged. */
  compose(keys: readonly string[]): string;
  /** What of the text is spelled out already, for a search while the visitor is still composing. */
  settled?(text: string): string;
  /** Whether typed letters wait for a pick from a candidate bar. */
  readonly candidates?: 'pinyin';
}

const digits = [...'1234567890'];
const joinKeys = (keys: readonly string[]) => keys.join('');

export const latin: InputMethod = {
  id: 'latin',
  name: 'ABC',
  lang: 'en',
  rows: [digits, [...'qwertyuiop'], [...'asdfghjkl'], [...'zxcvbnm']],
  compose: joinKeys,
};

/** The standard 2-set (두벌식) layout; shift gives the tense consonants and ㅒ ㅖ. */
export const hangul: InputMethod = {
  id: 'hangul',
  name: '한글',
  lang: 'ko',
  rows: [digits, [...'ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ'], [...'ㅁㄴㅇㄹㅎㅗㅓㅏㅣ'], [...'ㅋㅌㅊㅍㅠㅜㅡ']],
  shiftedRows: [digits, [...'ㅃㅉㄸㄲㅆㅛㅕㅑㅒㅖ'], [...'ㅁㄴㅇㄹㅎㅗㅓㅏㅣ'], [...'ㅋㅌㅊㅍㅠㅜㅡ']],
  compose: composeHangul,
  settled: withoutTrailingJamo,
};

/** Pinyin on the Latin letters (v for ü); the letters stay in the field until a candidate is picked. */
export const pinyin: InputMethod = {
  id: 'pinyin',
  name: '拼音',
  lang: 'zh-Hans',
  rows: latin.rows,
  compose: joinKeys,
  settled: withoutPendingPinyin,
  candidates: 'pinyin',
};

/** The Mongolian Cyrillic layout as printed on Mongolian keyboards, with Ө and Ү in their places. */
export const mongolianCyrillic: InputMethod = {
  id: 'mongolian-cyrillic',
  name: 'Кирилл',
  lang: 'mn-Cyrl',
  rows: [digits, [...'фцужэнгшүзкъ'], [...'йыбөахролдпе'], [...'ячёсмитьвющ']],
  compose: joinKeys,
};

/** Traditional Mongolian script, laid out as the national standard GB/T 28038-2011 lays it out. */
export const mongolianScript: InputMethod = {
  id: 'mongolian-script',
  name: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ',
  lang: 'mn-Mong',
  rows: mongolianScriptRows,
  shiftedRows: mongolianScriptShiftedRows,
  compose: composeMongolian,
};

export const inputMethods: readonly InputMethod[] = [latin, pinyin, hangul, mongolianCyrillic, mongolianScript];

/** For web addresses staff type (the update feed): Latin letters with the punctuation addresses use. */
export const webAddress: InputMethod = {
  id: 'web-address',
  name: 'URL',
  lang: 'en',
  rows: [digits, [...'qwertyuiop/'], [...'asdfghjkl:'], [...'zxcvbnm.-_'], [...'?=&%~']],
  compose: joinKeys,
};

/** The method a visitor most likely wants first for the interface language they chose. */
export function defaultInputMethod(locale: Locale): InputMethod {
  if (locale === 'ko') return hangul;
  if (locale === 'zh-Hans') return pinyin;
  if (locale === 'mn-Cyrl') return mongolianCyrillic;
  if (locale === 'mn-Mong') return mongolianScript;
  return latin;
}
