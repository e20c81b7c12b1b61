/** The language buttons, always in reach: each language named in its own script, Mongolian script upright in its column. */
import { locales, type Locale } from '../../preload/contract/schemas.ts';
import { isVerticalLocale, localeNames, useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';

export function LanguageSwitcher() {
  const { locale, setLocale } = useVisit();
  const { t } = useI18n();
  return (
    <nav className="language-switcher" aria-label={t('language.choose')}>
      {locales.map((candidate: Locale) => (
        <button
          key={candidate}
          type="button"
          lang={candidate}
          className={isVerticalLocale(candidate) ? 'language vertical-text' : 'language'}
          aria-pressed={candidate === locale}
          onClick={() => setLocale(candidate)}
        >
          {localeNames[candidate]}
        </button>
      ))}
    </nav>
  );
}
