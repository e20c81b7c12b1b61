/**
 * The find-in-document panel: a search field (typed on the kiosk's on-screen keyboard, or any
 * keyboard), the number of matches, and buttons to step through them.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { useTextEntry } from '../keyboard/use-text-entry.ts';
import type { FindState } from './use-find.ts';

export function FindPanel({
  state,
  onSearch,
  onStep,
}: {
  state: FindState;
  onSearch(query: string): void;
  onStep(delta: 1 | -1): void;
}) {
  const { t } = useI18n();
  const typed = useTextEntry(state.query);
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
          {t('reader.find.label')}
          <input
            type="search"
            value={typed.text}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => typed.type(event.target.value)}
          />
        </label>
        <button type="submit" className="button">
          {t('reader.find.submit')}
        </button>
      </form>
      <OnScreenKeyboard docked entry={typed.entry} onChange={typed.setEntry} />
      <p className="reader-find-status" role="status">
        {state.running
          ? t('reader.find.searching', { page: state.searched, count: state.hits.length })
          : state.query !== '' &&
            (state.hits.length === 0
              ? t('reader.find.none')
              : t('reader.find.position', { index: state.index + 1, count: state.hits.length }))}
      </p>
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
