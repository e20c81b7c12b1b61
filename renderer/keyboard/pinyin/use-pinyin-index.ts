/**
 * The pinyin dictionary, loaded the first time the Chinese keyboard opens: it is a separate chunk
 * (about 1.5 MB), so visitors who never type Chinese never load it.
 */
import { useEffect, useState } from 'react';
import { indexPinyinDictionary, type PinyinIndex } from './candidates.ts';

let loading: Promise<PinyinIndex> | undefined;

function loadPinyinIndex(): Promise<PinyinIndex> {
  loading ??= import('virtual:pinyin-dictionary').then(
    (module) => indexPinyinDictionary(module.default),
    (error: unknown) => {
      // A failed load is tried again the next time the keyboard opens.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The index once loaded; undefined until then. */
export function usePinyinIndex(): PinyinIndex | undefined {
  const [index, setIndex] = useState<PinyinIndex>();
  useEffect(() => {
    let shown = true;
    void loadPinyinIndex().then((loaded) => shown && setIndex(loaded));
    return () => {
      shown = false;
    };
  }, []);
  return index;
}
