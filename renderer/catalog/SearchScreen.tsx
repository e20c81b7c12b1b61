/**
 * Search without a physical keyboard: the on-screen keyboard types into the field, results follow
 * as the visitor types (after a short pause), and subject and language filters narrow them.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { maxQueryLength } from '../../preload/contract/catalog.ts';
import { type CallResponse } from '../../preload/contract/contract.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { contentLanguageNames, contentLanguages } from './content-languages.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { ItemCard } from './ItemCard.tsx';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { useDebounced } from '../components/use-debounced.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { entryText, settledText } from '../keyboard/text-entry.ts';
import { flushReports, report } from '../stats/report.ts';
import { useVisit, type SearchState } from '../visit/visit.tsx';

const SEARCH_PAUSE_MS = 300;

export function SearchScreen() {
  const { t } = useI18n();
  const { search, setSearch } = useVisit();
  const text = entryText(search.entry);
  const query = useDebounced(settledText(search.entry).trim(), SEARCH_PAUSE_MS);
  const placeholderId = useId();

  return (
    <main className="search">
      <div className="search-entry">
        <h1 className="visually-hidden">{t('search.title')}</h1>
        {/* The hint is drawn, not the field's placeholder: a placeholder cannot turn vertical in ᠮᠣᠩᠭᠣᠯ. */}
        <div className="search-field-box">
          <input
            className="search-field"
            type="search"
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            value={text}
            maxLength={maxQueryLength}
            aria-label={t('search.field')}
            aria-describedby={placeholderId}
            data-testid="search-field"
            onChange={(event) =>
              setSearch({
                ...search,
                entry: { method: search.entry.method, keys: [...event.target.value.slice(0, maxQueryLength)] },
              })
            }
          />
          <span id={placeholderId} className="search-placeholder" hidden={text !== ''} data-testid="search-placeholder">
            {t('search.placeholder')}
          </span>
        </div>
        <Filters search={search} onChange={setSearch} />
        <OnScreenKeyboard entry={search.entry} onChange={(entry) => setSearch({ ...search, entry })} />
      </div>
      <section className="search-results" aria-label={t('search.resultsLabel')}>
        {query === '' ? <p className="quiet hint">{t('search.hint')}</p> : <Results query={query} search={search} />}
      </section>
    </main>
  );
}

function Filters({ search, onChange }: { search: SearchState; onChange: (search: SearchState) => void }) {
  const { t, locale } = useI18n();
  const subjects = useKioskCall('catalog.subjects', { locale });
  const subjectList = subjects.status === 'done' ? subjects.value.subjects : [];
  const chooseLanguage = (language: ContentLanguage | undefined) => {
    const { language: _dropped, ...rest } = search;
    onChange(language ? { ...rest, language } : rest);
  };
  const chooseSubject = (subject: string | undefined) => {
    const { subject: _dropped, ...rest } = search;
    onChange(subject ? { ...rest, subject } : rest);
  };
  return (
    <div className="filters">
      <div className="chip-row" role="group" aria-label={t('search.filterSubject')}>
        <span className="chip-label" aria-hidden="true">
          {t('search.filterSubject')}
        </span>
        <button type="button" className="chip" aria-pressed={!search.subject} onClick={() => chooseSubject(undefined)}>
          {t('search.any')}
        </button>
        {subjectList.map((subject) => (
          <button
            key={subject.id}
            type="button"
            className="chip"
            aria-pressed={search.subject === subject.id}
            onClick={() => chooseSubject(subject.id)}
          >
            {subject.name}
          </button>
        ))}
      </div>
      <div className="chip-row" role="group" aria-label={t('search.filterLanguage')}>
        <span className="chip-label" aria-hidden="true">
          {t('search.filterLanguage')}
        </span>
        <button
          type="button"
          className="chip"
          aria-pressed={!search.language}
          onClick={() => chooseLanguage(undefined)}
        >
          {t('search.any')}
        </button>
        {contentLanguages.map((language) => (
          <button
            key={language}
            type="button"
            className="chip"
            lang={language}
            aria-pressed={search.language === language}
            onClick={() => chooseLanguage(language)}
          >
            {contentLanguageNames[language]}
          </button>
        ))}
      </div>
    </div>
  );
}

function Results({ query, search }: { query: string; search: SearchState }) {
  const { t, locale } = useI18n();
  const results = useKioskCall('catalog.search', {
    locale,
    query,
    ...(search.subject ? { subject: search.subject } : {}),
    ...(search.language ? { language: search.language } : {}),
  });
  const found = results.status === 'done' ? results.value.total : undefined;
  useSearchCount(query, found);
  // While the next answer loads, the last one stays on screen (dimmed) instead of flashing away.
  const [kept, setKept] = useState<{ value: CallResponse<'catalog.search'>; query: string }>();
  if (results.status === 'done' && kept?.value !== results.value) setKept({ value: results.value, query });
  if (results.status === 'failed') return <ErrorPanel code={results.code} onRetry={results.retry} />;
  if (!kept) return <p className="quiet">{t('common.loading')}</p>;
  const { items, total } = kept.value;
  const busy = results.status === 'loading';
  if (total === 0)
    return (
      <p className="quiet empty-results" role="status" aria-busy={busy}>
        {t('search.none', { query: kept.query })}
      </p>
    );
  return (
    <div className={busy ? 'results-body stale' : 'results-body'} aria-busy={busy}>
      <p className="result-count" role="status">
        {t('search.count', { count: total })}
      </p>
      <ul className="result-grid" data-testid="search-results">
        {items.map(({ pageHit, ...item }) => (
          <ItemCard key={item.id} item={item} pageHit={pageHit} query={kept.query} />
        ))}
      </ul>
    </div>
  );
}

/** How long a search's results stand before it counts: what a visitor types on the way to a word is not a search. */
const COUNTED_AFTER_MS = 2000;

/**
 * Counts a search with how many it found once its results have stood for a moment, or when the visitor leaves
 * them sooner (opens an item, ends the visit): each query the visitor looked at once, none they only typed
 * through. The main process keeps its words only where staff opted in.
 */
function useSearchCount(query: string, found: number | undefined) {
  const pending = useRef<{ query: string; found: number; timer: ReturnType<typeof setTimeout> }>(undefined);
  const count = useCallback(() => {
    const shown = pending.current;
    if (!shown) return;
    clearTimeout(shown.timer);
    pending.current = undefined;
    report({ kind: 'search', amount: shown.found, words: shown.query.slice(0, 200) });
  }, []);
  useEffect(() => {
    if (found === undefined) return;
    // The results before these were replaced before they stood: they are not counted.
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { query, found, timer: setTimeout(count, COUNTED_AFTER_MS) };
  }, [found, query, count]);
  // Leaving the results (an item opened, the visit ended) counts what was on screen, and sends it at once:
  // the visit's own reports went out as it ended, before this screen was taken down.
  useEffect(
    () => () => {
      count();
      flushReports();
    },
    [count],
  );
}
