/** Pinyin candidates from the dictionary the renderer build extracts from @pinyin-pro/data. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPinyinDictionary } from '../../../../build/pinyin-dictionary.ts';
import {
  indexPinyinDictionary,
  pinyinCandidates,
  splitSyllables,
  type PinyinIndex,
} from '../../../../renderer/keyboard/pinyin/candidates.ts';
import { pendingPinyin, pickCandidate, withoutPendingPinyin } from '../../../../renderer/keyboard/pinyin/pending.ts';
import { pinyin } from '../../../../renderer/keyboard/input-methods.ts';
import { emptyEntry, entryText, press, settledText } from '../../../../renderer/keyboard/text-entry.ts';

let index: PinyinIndex;
beforeAll(() => {
  index = indexPinyinDictionary(buildPinyinDictionary());
});

const words = (letters: string, count = 10) =>
  pinyinCandidates(index, letters)
    .slice(0, count)
    .map((c) => c.word);

describe('pinyin candidates', () => {
  it('offers 太阳 first for taiyang, then the characters of its first syllable', () => {
    const candidates = pinyinCandidates(index, 'taiyang');
    expect(candidates[0]).toEqual({ word: '太阳', letters: 7 });
    expect(candidates).toContainEqual({ word: '太', letters: 3 });
  });

  it('offers words while the last syllable is unfinished', () => {
    expect(words('taiy', 3)).toContain('太阳');
    expect(words('taiyan', 1)).toEqual(['太阳']);
    expect(words('taiyangn', 1)).toEqual(['太阳能']);
  });

  it('needs no tones, and orders a syllable by how often its characters are written', () => {
    expect(words('shi', 3)).toContain('是');
    expect(words('zhongguo', 1)).toEqual(['中国']);
    expect(words('turang', 1)).toEqual(['土壤']);
  });

  it('types ü as v: nü, lü and their words', () => {
    expect(words('nv', 1)).toEqual(['女']);
    expect(words('nver', 1)).toEqual(['女儿']);
    expect(words('lvse', 1)).toEqual(['绿色']);
    expect(words('lv')).toContain('绿');
  });

  it('splits ambiguous letters every way, the longest syllables first', () => {
    expect(splitSyllables(index, 'xian')[0]).toEqual(['xian']);
    expect(splitSyllables(index, 'xian')).toContainEqual(['xi', 'an']);
    expect(words('xian', 12)).toEqual(expect.arrayContaining(['先', '西安']));
  });

  it('offers nothing for letters no pinyin spells', () => {
    expect(pinyinCandidates(index, 'qwrt')).toEqual([]);
  });
});

describe('picking a candidate', () => {
  const typed = (letters: string) => [...letters].reduce(press, emptyEntry(pinyin));

  it('replaces the letters it stands for and leaves the rest to pick next', () => {
    let entry = typed('taiyangneng');
    entry = pickCandidate(entry, { word: '太阳', letters: 7 });
    expect(entryText(entry)).toBe('太阳neng');
    expect(pendingPinyin(entry)).toBe('neng');
    expect(settledText(entry)).toBe('太阳');
    entry = pickCandidate(entry, { word: '能', letters: 4 });
    expect(entryText(entry)).toBe('太阳能');
    expect(pendingPinyin(entry)).toBe('');
  });

  it('searches only what is picked while letters wait', () => {
    expect(withoutPendingPinyin('太阳ne')).toBe('太阳');
    expect(withoutPendingPinyin('taiyang')).toBe('');
  });
});
