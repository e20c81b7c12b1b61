/**
 * The find-in-document panel: a search field (typed on the kiosk's on-screen keyboard, or any
 * keyboard), how far a search has come with a Stop button, the number of matches, and buttons to
 * step through them. The field's text is this panel's state, so a keyboard can drive it.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { useTextEntry } from '../keyboard/use-text-entry.ts';
import type { FindState } from './use-find.ts';

export function FindPanel({
  state,
  pageCount,
  onSearch,
  onStop,
  onStep,
}: {
  state: FindState;
  pageCount: number;
  onSearch(query: string): void;
  onStop(): void;
  onStep(delta: 1 | -1): void;
}) {
  const { t } = useI18n();
  const typed = useTextEntry(state.query);
  const running = state.status === 'running';
  return (
    <section className="reader-panel reader-find" aria-label={t('reader.find')}>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(typed.settled);
        }}
      >
        <label className="reader-find-label">
          <span>{t('reader.find.label')}</span>
          <input
            type="search"
            value={typed.text}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => typed.type(event.target.value)}
          />
        </label>
        {/*
          Two elements, not one changing its type: a Stop that turned into a submit button while its
          click was being handled would submit the form, and start the search again.
        */}
        {running ? (
          <button key="stop" type="button" className="button" onClick={onStop}>
            {t('reader.find.stop')}
          </button>
        ) : (
          <button key="search" type="submit" className="button">
            {t('reader.find.submit')}
          </button>
        )}
      </form>
      <OnScreenKeyboard docked entry={typed.entry} onChange={typed.setEntry} />
      {running && (
        <progress className="reader-find-progress" max={pageCount} value={state.searched} aria-hidden="true" />
      )}
      <p className="reader-find-status" role="status" data-testid="reader-find-status">
        {running
          ? t('reader.find.progress', { page: state.page, count: pageCount, matches: state.hits.length })
          : state.status === 'stopped'
            ? t('reader.find.stopped', { searched: state.searched, count: pageCount, matches: state.hits.length })
            : state.status === 'done'
              ? state.hits.length === 0
                ? t('reader.find.none')
                : t('reader.find.position', { index: state.index + 1, count: state.hits.length })
              : ''}
      </p>
      {state.status !== 'done' && state.hits.length > 0 && (
        <p className="reader-find-position">
          {t('reader.find.position', { index: state.index + 1, count: state.hits.length })}
        </p>
      )}
      <div className="reader-find-steps">
        <button type="button" className="button" disabled={state.hits.length === 0} onClick={() => onStep(-1)}>
          {t('reader.find.previous')}
        </button>
        <button type="button" className="button" disabled={state.hits.length === 0} onClick={() => onStep(1)}>
          {t('reader.find.next')}
        </button>
      </div>
    </section>
  );
}
