/**
 * The bar on every screen of a visit: back, home, search, the text size, the languages and "finish",
 * always in reach, each with its word beside its icon.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { TextSizeControl } from '../visit/TextSizeControl.tsx';
import { useVisit } from '../visit/visit.tsx';
import { BackIcon, HomeIcon, SearchIcon } from './icons.tsx';
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
      {/* `brand`: where the room's name stood before Home had a word of its own. */}
      <button
        type="button"
        className="button brand home-button"
        onClick={() => go({ name: 'home' })}
        aria-current={screen.name === 'home' ? 'page' : undefined}
        data-testid="home"
      >
        <HomeIcon />
        <span className="label">{t('nav.home')}</span>
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
      <TextSizeControl />
      <LanguageSwitcher />
      <button type="button" className="button finish" onClick={end}>
        <span className="label">{t('visit.finish')}</span>
      </button>
    </header>
  );
}
