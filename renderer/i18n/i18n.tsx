/**
 * Interface text in the visitor's language: ICU messages (plurals, selects) per locale,
 * compiled once and cached. Every user-visible string goes through `t`.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../preload/contract/schemas.ts';
import { messages, type MessageKey } from '../messages.ts';

export type { MessageKey };
export type MessageValues = Record<string, string | number>;

/** Each locale named in its own language and script, as a visitor looks for it. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  ko: '한국어',
  'zh-Hans': '中文',
  'mn-Cyrl': 'Монгол',
  'mn-Mong': 'ᠮᠣᠩᠭᠣᠯ',
};

/** The traditional Mongolian script is written in top-to-bottom columns. */
export function isVerticalLocale(locale: Locale): boolean {
  return locale === 'mn-Mong';
}

const compiled = new Map<string, IntlMessageFormat>();

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(messages[locale][key] ?? messages.en[key], pluralLocale(locale));
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** Intl knows Mongolian plural rules by language, not by script. */
function pluralLocale(locale: Locale): string {
  return locale.startsWith('mn') ? 'mn' : locale;
}

export interface I18n {
  locale: Locale;
  t(key: MessageKey, values?: MessageValues): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ locale, t: (key, values) => translate(locale, key, values) }), [locale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
