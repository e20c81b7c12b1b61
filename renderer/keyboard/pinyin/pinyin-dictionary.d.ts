/** The pinyin dictionary renderer/vite.config.ts extracts at build time (see build/pinyin-dictionary.ts). */
declare module 'virtual:pinyin-dictionary' {
  const dictionary: string;
  export default dictionary;
}
