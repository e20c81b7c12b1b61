/** Content languages named in their own language and script, the way a reader looks for them. */
import type { ContentLanguage, Locale } from '../../preload/contract/schemas.ts';

export const contentLanguageNames: Record<ContentLanguage, string> = {
  en: 'English',
  ko: '한국어',
  zh: '中文',
  'mn-Cyrl': 'Монгол',
  'mn-Mong': 'ᠮᠣᠩᠭᠣᠯ',
};

export const contentLanguages = Object.keys(contentLanguageNames) as ContentLanguage[];

/** Traditional Mongolian text is set in top-to-bottom columns. */
export function isVerticalLanguage(language: string): boolean {
  return language === 'mn-Mong';
}

/** The content language of an interface locale: Chinese content is written `zh`, the rest share the locale's tag. */
export function contentLanguageOf(locale: Locale): ContentLanguage {
  return locale === 'zh-Hans' ? 'zh' : locale;
}
