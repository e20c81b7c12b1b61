/** The bar on every screen of a visit: back, home, search, the languages and "finish", always in reach. */
import { useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';
import { BackIcon, SearchIcon } from './icons.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

export function TopBar() {
  const { t } = useI18n();
  const { screen, canGoBack, back, go, end } = useVisit();
  return (
    <header className="topbar">
      <button
        type="button"
        className="button ghost"
        onClick={back}
        disabled={!canGoBack}
        aria-label={t('nav.back')}
        data-testid="back"
      >
        <BackIcon />
        <span className="label">{t('nav.back')}</span>
      </button>
      <button
        type="button"
        className="brand"
        onClick={() => go({ name: 'home' })}
        aria-current={screen.name === 'home' ? 'page' : undefined}
      >
        <span className="label">{t('app.name')}</span>
      </button>
      <button
        type="button"
        className="button search-button"
        onClick={() => go({ name: 'search' })}
        aria-current={screen.name === 'search' ? 'page' : undefined}
      >
        <SearchIcon />
        <span className="label">{t('nav.search')}</span>
      </button>
      <LanguageSwitcher />
      <button type="button" className="button finish" onClick={end}>
        <span className="label">{t('visit.finish')}</span>
      </button>
    </header>
  );
}
