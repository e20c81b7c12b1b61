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

/** The content language an interface locale reads: the same, but Chinese content is tagged `zh`. */
export function contentLanguageOf(locale: Locale): ContentLanguage {
  return locale === 'zh-Hans' ? 'zh' : locale;
}

/**
 * Of a name given in some content languages (a contest's, a team's), the one to show in `locale`: its own,
 * for Mongolian the other script, then English, then the first there is; with its language, for `lang`.
 */
export function nameIn(
  names: Partial<Record<ContentLanguage, string>>,
  locale: Locale,
): { text: string; lang: ContentLanguage } {
  const own = contentLanguageOf(locale);
  const order: ContentLanguage[] = [
    own,
    ...(own === 'mn-Cyrl' ? ['mn-Mong' as const] : own === 'mn-Mong' ? ['mn-Cyrl' as const] : []),
    'en',
    ...contentLanguages,
  ];
  for (const lang of order) {
    const text = names[lang];
    if (text) return { text, lang };
  }
  return { text: '', lang: own };
}
