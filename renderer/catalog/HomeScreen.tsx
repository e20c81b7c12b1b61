/**
 * Home: what arrived lately, the quizzes, then one shelf per subject, each a row of cards in the subject's
 * colour; once a visit, a tip that the shelves scroll sideways, gone when the visitor scrolls one.
 */
import { useEffect, useRef, useState } from 'react';
import type { Subject } from '../../preload/contract/catalog.ts';
import { SwipeIcon } from '../components/icons.tsx';
import { VisitHint } from '../visit/VisitHint.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { Shelf } from './Shelf.tsx';
import { subjectColour } from './subject-colours.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { useI18n } from '../i18n/i18n.tsx';

const ARRIVALS_SHOWN = 24;
const LATEST_SHOWN = 12;

export function HomeScreen() {
  const { t, locale } = useI18n();
  const subjects = useKioskCall('catalog.subjects', { locale });
  const home = useRef<HTMLElement>(null);
  const [scrolledShelf, setScrolledShelf] = useState(false);
  // A shelf's scroll does not bubble: it is heard on its way down.
  useEffect(() => {
    const element = home.current;
    const onScroll = (event: Event) => {
      if (event.target instanceof HTMLElement && event.target.classList.contains('shelf-row')) setScrolledShelf(true);
    };
    element?.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => element?.removeEventListener('scroll', onScroll, { capture: true });
  }, []);
  const hasShelves = subjects.status === 'done' && subjects.value.subjects.some((subject) => subject.itemCount > 0);
  return (
    <main className="home" aria-busy={subjects.status === 'loading'} ref={home}>
      <h1 className="greeting">{t('home.greeting')}</h1>
      {/* Between the greeting and the shelves, covering none of them: a band, or a column in the vertical interface. */}
      {hasShelves && (
        <VisitHint
          hint="shelves"
          text="hint.shelves"
          icon={<SwipeIcon />}
          done={scrolledShelf}
          className="shelves-hint"
        />
      )}
      {/* One box for the shelves: in the vertical interface the greeting stands as a column beside them. */}
      <div className="home-shelves">
        <Arrivals />
        <Quizzes />
        {subjects.status === 'loading' && <p className="quiet">{t('common.loading')}</p>}
        {subjects.status === 'failed' && <ErrorPanel code={subjects.code} onRetry={subjects.retry} />}
        {subjects.status === 'done' && subjects.value.subjects.length === 0 && (
          <p className="quiet">{t('home.empty')}</p>
        )}
        {subjects.status === 'done' &&
          subjects.value.subjects
            .filter((subject) => subject.itemCount > 0)
            .map((subject) => <SubjectShelf key={subject.id} subject={subject} />)}
      </div>
    </main>
  );
}

/**
 * What arrived at this kiosk lately: the items that count as new, or, when nothing does, the most
 * recent arrivals under a heading that says so, so a venue between packs still has a first shelf.
 */
function Arrivals() {
  const { t, locale } = useI18n();
  const list = useKioskCall('catalog.list', { locale, page: { offset: 0, limit: ARRIVALS_SHOWN } });
  if (list.status !== 'done' || list.value.items.length === 0) return null;
  const fresh = list.value.items.filter((item) => item.isNew);
  return fresh.length > 0 ? (
    <Shelf title={t('home.new')} colour="#1d6b5c" items={fresh} testId="shelf-new" />
  ) : (
    <Shelf
      title={t('home.latest')}
      colour="#1d6b5c"
      items={list.value.items.slice(0, LATEST_SHOWN)}
      testId="shelf-latest"
    />
  );
}

/**
 * Every quiz on one shelf, for visitors who came to play. The catalog lists items, not kinds, so the
 * quizzes are picked from its first hundred: a reading room's collection holds a handful.
 */
function Quizzes() {
  const { t, locale } = useI18n();
  const list = useKioskCall('catalog.list', { locale, page: { offset: 0, limit: 100 } });
  const quizzes = list.status === 'done' ? list.value.items.filter((item) => item.kind === 'quiz') : [];
  if (quizzes.length === 0) return null;
  return <Shelf title={t('quiz.quizzes')} colour="#6b3d8f" items={quizzes} testId="shelf-quizzes" />;
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
