/** Which content language to show a visitor first, given the interface locale they chose. */
import type { ContentLanguage, Locale } from '../../preload/contract/schemas.ts';

const preferences: Record<Locale, readonly ContentLanguage[]> = {
  en: ['en', 'ko', 'zh', 'mn-Cyrl', 'mn-Mong'],
  ko: ['ko', 'en', 'zh', 'mn-Cyrl', 'mn-Mong'],
  'zh-Hans': ['zh', 'en', 'ko', 'mn-Cyrl', 'mn-Mong'],
  'mn-Cyrl': ['mn-Cyrl', 'mn-Mong', 'en', 'ko', 'zh'],
  'mn-Mong': ['mn-Mong', 'mn-Cyrl', 'en', 'ko', 'zh'],
};

/** Content languages in the order a visitor using `locale` would rather read them. */
export function languagePreference(locale: Locale): readonly ContentLanguage[] {
  return preferences[locale];
}

/** Of the languages an item is written in, the one a visitor using `locale` would rather read. */
export function preferredLanguage(available: readonly ContentLanguage[], locale: Locale): ContentLanguage | undefined {
  return preferences[locale].find((language) => available.includes(language)) ?? available[0];
}
