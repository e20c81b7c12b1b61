/** Home: what is new this week, then one shelf per subject, each a row of cards in the subject's colour. */
import type { Subject } from '../../preload/contract/schemas.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { useState } from 'react';
import { newSince } from '../components/recency.ts';
import { Shelf } from '../components/Shelf.tsx';
import { subjectColour } from '../components/subject-colours.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function HomeScreen() {
  const { t, locale } = useI18n();
  const subjects = useKioskCall('catalog.subjects', { locale });
  return (
    <main className="home" aria-busy={subjects.status === 'loading'}>
      <h1 className="greeting">{t('home.greeting')}</h1>
      <NewThisWeek />
      {subjects.status === 'loading' && <p className="quiet">{t('common.loading')}</p>}
      {subjects.status === 'failed' && <ErrorPanel code={subjects.code} onRetry={subjects.retry} />}
      {subjects.status === 'done' && subjects.value.subjects.length === 0 && <p className="quiet">{t('home.empty')}</p>}
      {subjects.status === 'done' &&
        subjects.value.subjects
          .filter((subject) => subject.itemCount > 0)
          .map((subject) => <SubjectShelf key={subject.id} subject={subject} />)}
    </main>
  );
}

function NewThisWeek() {
  const { t, locale } = useI18n();
  // Rounded to the day, so the request (and its cached answer) stays the same all visit.
  const [since] = useState(() => newSince(new Date()).slice(0, 10));
  const list = useKioskCall('catalog.list', { locale, arrivedSince: since, page: { offset: 0, limit: 24 } });
  if (list.status !== 'done' || list.value.items.length === 0) return null;
  return <Shelf title={t('home.newThisWeek')} colour="#1d6b5c" items={list.value.items} testId="shelf-new" />;
}

function SubjectShelf({ subject }: { subject: Subject }) {
  const { locale } = useI18n();
  const list = useKioskCall('catalog.list', { locale, subject: subject.id, page: { offset: 0, limit: 30 } });
  if (list.status === 'failed') return <ErrorPanel code={list.code} onRetry={list.retry} />;
  if (list.status !== 'done' || list.value.items.length === 0) return null;
  return (
    <Shelf
      title={subject.name}
      colour={subjectColour(subject.id)}
      items={list.value.items}
      testId={`shelf-${subject.id}`}
      cardsInShelfColour
    />
  );
}
