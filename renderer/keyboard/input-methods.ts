/**
 * The on-screen keyboard's input methods: each has its key rows and turns the keystrokes typed
 * so far into text. A Chinese pinyin or handwriting method fits the same shape: its keys or strokes
 * go in, and the character a visitor picks from its candidates is one keystroke that composes to itself.
 */
import type { Locale } from '../../preload/contract/schemas.ts';
import { composeHangul } from './hangul.ts';

export type InputMethodId = 'latin' | 'hangul' | 'mongolian-cyrillic' | 'web-address';

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
};

/** The Mongolian Cyrillic layout as printed on Mongolian keyboards, with Ө and Ү in their places. */
export const mongolianCyrillic: InputMethod = {
  id: 'mongolian-cyrillic',
  name: 'Кирилл',
  lang: 'mn-Cyrl',
  rows: [digits, [...'фцужэнгшүзкъ'], [...'йыбөахролдпе'], [...'ячёсмитьвющ']],
  compose: joinKeys,
};

export const inputMethods: readonly InputMethod[] = [latin, hangul, mongolianCyrillic];

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
  if (locale === 'mn-Cyrl' || locale === 'mn-Mong') return mongolianCyrillic;
  return latin;
}
