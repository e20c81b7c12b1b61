/**
 * The screen a passer-by sees: the room's name and, drifting by one after another, the newest
 * and featured items in their subject colours. A touch anywhere starts a visit.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import type { ItemSummary } from '../../preload/contract/schemas.ts';
import { isNew } from '../components/recency.ts';
import { subjectColour } from '../components/subject-colours.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';

const SHOW_EACH_MS = 7000;

export function AttractScreen() {
  const { t, locale } = useI18n();
  const { go } = useVisit();
  const list = useKioskCall('catalog.list', { locale, page: { offset: 0, limit: 12 } });
  const items = list.status === 'done' ? list.value.items : [];
  return (
    <button type="button" className="attract" onClick={() => go({ name: 'home' })} data-testid="attract">
      <span className="attract-title">{t('app.name')}</span>
      <span className="attract-tagline">{t('attract.tagline')}</span>
      {items.length > 0 && <Spotlight items={items} />}
      <span className="attract-cta">{t('attract.touchToStart')}</span>
    </button>
  );
}

function Spotlight({ items }: { items: readonly ItemSummary[] }) {
  const { t } = useI18n();
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setIndex((n) => n + 1), SHOW_EACH_MS);
    return () => window.clearInterval(timer);
  }, []);
  const item = items[index % items.length]!;
  const style = { '--subject': subjectColour(item.subjects[0]) } as CSSProperties;
  return (
    <span className="spotlight" style={style} key={item.id} data-testid="spotlight">
      <span className="spotlight-band">
        <span>{t(`item.kind.${item.kind}`)}</span>
        {isNew(item.addedAt, new Date()) && <span className="badge">{t('item.new')}</span>}
      </span>
      <span className="spotlight-title" lang={item.language}>
        {item.title}
      </span>
      <span className="spotlight-summary" lang={item.language}>
        {item.summary}
      </span>
    </span>
  );
}
