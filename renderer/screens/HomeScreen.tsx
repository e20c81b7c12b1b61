/** Home: the subject shelves and the items in the chosen shelf, newest first. */
import { useState } from 'react';
import type { ItemSummary, Subject } from '../../preload/contract/schemas.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { isVerticalLocale, useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';

export function HomeScreen() {
  const { t, locale } = useI18n();
  const { end } = useVisit();
  const [subject, setSubject] = useState<string | undefined>();
  const subjects = useKioskCall('catalog.subjects', { locale });
  const list = useKioskCall('catalog.list', { locale, ...(subject ? { subject } : {}) });

  return (
    <div className={isVerticalLocale(locale) ? 'home vertical' : 'home'}>
      <header className="topbar">
        <h1 className="brand">{t('app.name')}</h1>
        <LanguageSwitcher />
        <button type="button" className="button" onClick={end}>
          {t('visit.finish')}
        </button>
      </header>
      <p className="greeting">{t('home.greeting')}</p>
      {subjects.status === 'done' && (
        <Shelves subjects={subjects.value.subjects} selected={subject} onSelect={setSubject} />
      )}
      <main className="items" aria-busy={list.status === 'loading'}>
        {list.status === 'loading' && <p className="quiet">{t('common.loading')}</p>}
        {list.status === 'failed' && <ErrorPanel code={list.code} onRetry={list.retry} />}
        {list.status === 'done' && list.value.total === 0 && <p className="quiet">{t('home.empty')}</p>}
        {list.status === 'done' && (
          <ul className="item-grid" data-testid="item-list">
            {list.value.items.map((item) => (
              <ItemCard key={item.id} item={item} />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

function Shelves({
  subjects,
  selected,
  onSelect,
}: {
  subjects: Subject[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <nav className="shelves" aria-label={t('home.shelves')}>
      <button type="button" className="shelf" aria-pressed={selected === undefined} onClick={() => onSelect(undefined)}>
        {t('home.allItems')}
      </button>
      {subjects.map((subject) => (
        <button
          key={subject.id}
          type="button"
          className={`shelf shelf-${subject.id}`}
          aria-pressed={selected === subject.id}
          onClick={() => onSelect(subject.id)}
        >
          <span>{subject.name}</span>
          <span className="shelf-count">{t('home.itemCount', { count: subject.itemCount })}</span>
        </button>
      ))}
    </nav>
  );
}

function ItemCard({ item }: { item: ItemSummary }) {
  const { t } = useI18n();
  return (
    <li className={`item-card kind-${item.kind}`} data-item-id={item.id}>
      <span className="item-kind">{t(`item.kind.${item.kind}`)}</span>
      <h2 className="item-title" lang={item.language}>
        {item.title}
      </h2>
      <p className="item-summary" lang={item.language}>
        {item.summary}
      </p>
    </li>
  );
}
