/**
 * The screen a passer-by sees: the room's name and, drifting by one after another, the featured
 * items and then the newest ones, in their subject colours; beside them the quiz boards and contests, when
 * there are any. A touch anywhere starts a visit in the venue's language; under the invitation, one button
 * per language invites in that language, and starts the visit in it.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import { AttractBoards } from './AttractBoards.tsx';
import { fileFor } from './item-files.ts';
import { ItemText } from './ItemText.tsx';
import { KindLabel } from './KindLabel.tsx';
import { subjectColour } from './subject-colours.ts';
import { locales, type Locale } from '../../preload/contract/schemas.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { isVerticalLocale, localeNames, translate, useI18n } from '../i18n/i18n.tsx';
import { PdfThumbnail } from '../reader/PdfThumbnail.tsx';
import { useVisit } from '../visit/visit.tsx';

const SHOW_EACH_MS = 7000;
const FEATURED_SHOWN = 12;
const NEWEST_SHOWN = 12;

export function AttractScreen() {
  const { t, locale } = useI18n();
  const { go, setLocale, venueName } = useVisit();
  const featured = useKioskCall('catalog.list', { locale, featured: true, page: { offset: 0, limit: FEATURED_SHOWN } });
  const newest = useKioskCall('catalog.list', { locale, page: { offset: 0, limit: NEWEST_SHOWN } });
  // Both lists are awaited, so the cycle starts with a featured item rather than whichever list came first.
  // A failed list only leaves its items out: the attract screen has no one to show an error to.
  const items =
    featured.status === 'loading' || newest.status === 'loading'
      ? []
      : featuredThenNewest(
          featured.status === 'done' ? featured.value.items : [],
          newest.status === 'done' ? newest.value.items : [],
        );
  const start = () => go({ name: 'home' });
  const startIn = (chosen: Locale) => {
    setLocale(chosen);
    go({ name: 'home' });
  };
  return (
    <div className="attract-screen">
      {/* The paper around the invitation answers a touch as the invitation does; its button is the way in for keys. */}
      <div className="attract-stage" onClick={(event) => event.target === event.currentTarget && start()}>
        <button type="button" className="attract" onClick={start} data-testid="attract">
          <span className="attract-title">{t('app.name')}</span>
          {venueName && (
            <span className="attract-venue" data-testid="venue-name">
              {venueName}
            </span>
          )}
          <span className="attract-tagline">{t('attract.tagline')}</span>
          {items.length > 0 && <Spotlight items={items} />}
          <span className="attract-cta">{t('attract.touchToStart')}</span>
        </button>
        <AttractLanguages onChoose={startIn} />
      </div>
      <AttractBoards onTouch={start} />
    </div>
  );
}

/** Every language invites in its own words and script; a tap starts the visit in it. */
function AttractLanguages({ onChoose }: { onChoose: (locale: Locale) => void }) {
  const { t } = useI18n();
  return (
    <nav className="attract-languages" aria-label={t('attract.chooseLanguage')} data-testid="attract-languages">
      {locales.map((candidate) => (
        <button
          key={candidate}
          type="button"
          lang={candidate}
          className={isVerticalLocale(candidate) ? 'attract-language vertical-lang' : 'attract-language'}
          onClick={() => onChoose(candidate)}
          data-locale={candidate}
        >
          <span className="attract-language-name">{localeNames[candidate]}</span>
          <span className="attract-language-invite">{translate(candidate, 'attract.startHere')}</span>
        </button>
      ))}
    </nav>
  );
}

function featuredThenNewest(featured: readonly ItemSummary[], newest: readonly ItemSummary[]): ItemSummary[] {
  const shown = new Set(featured.map((item) => item.id));
  return [...featured, ...newest.filter((item) => !shown.has(item.id))];
}

function Spotlight({ items }: { items: readonly ItemSummary[] }) {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setIndex((n) => n + 1), SHOW_EACH_MS);
    return () => window.clearInterval(timer);
  }, []);
  const item = items[index % items.length]!;
  const style = { '--subject': subjectColour(item.subjects[0]) } as CSSProperties;
  return (
    <span className="spotlight" style={style} key={item.id} data-testid="spotlight">
      {item.kind === 'pdf' && <SpotlightCover id={item.id} />}
      <span className="spotlight-band">
        <KindLabel item={item} />
      </span>
      <ItemText item={item} place="spotlight" />
    </span>
  );
}

/** A leaflet's first page beside its title: what the visitor will be holding, so to speak. */
function SpotlightCover({ id }: { id: string }) {
  const { locale } = useI18n();
  const detail = useKioskCall('catalog.item', { locale, id });
  const main = detail.status === 'done' ? fileFor(detail.value, 'main') : undefined;
  return (
    <span className="spotlight-cover">
      {main?.mediaType === 'application/pdf' && <PdfThumbnail src={main.url} width={240} />}
    </span>
  );
}
