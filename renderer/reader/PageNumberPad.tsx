/**
 * Go to a page by number on big on-screen keys (the kiosk has no keyboard): digits, delete and Go,
 * with the typed number shown large and the document's page range beside it.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { chosenPage, typeKey, type PadKey } from './page-number-entry.ts';

const digitKeys: PadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function PageNumberPad({
  pageCount,
  onGo,
  onCancel,
}: {
  pageCount: number;
  onGo(page: number): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [digits, setDigits] = useState('');
  const page = chosenPage(digits, pageCount);
  const press = (key: PadKey) => setDigits((old) => typeKey(old, key, pageCount));
  return (
    <div className="reader-pad-layer" onClick={onCancel}>
      <section
        className="reader-pad"
        role="dialog"
        aria-labelledby="reader-pad-title"
        data-testid="reader-page-pad"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="reader-pad-title" className="reader-pad-title">
          {t('reader.goTo')}
        </h2>
        <output className="reader-pad-number" aria-live="polite" data-testid="reader-pad-number">
          {digits === '' ? '–' : digits}
        </output>
        <p className="reader-pad-range">{t('reader.goTo.range', { count: pageCount })}</p>
        <div className="reader-pad-keys">
          {digitKeys.map((key) => (
            <button key={key} type="button" className="button reader-pad-key" onClick={() => press(key)}>
              {key}
            </button>
          ))}
          <button
            type="button"
            className="button reader-pad-key"
            aria-label={t('reader.goTo.delete')}
            disabled={digits === ''}
            onClick={() => press('delete')}
          >
            <span aria-hidden="true">⌫</span>
          </button>
          <button type="button" className="button reader-pad-key" onClick={() => press('0')}>
            0
          </button>
          <button
            type="button"
            className="button primary reader-pad-key reader-pad-go"
            disabled={page === undefined}
            onClick={() => page !== undefined && onGo(page)}
          >
            {t('reader.goTo.go')}
          </button>
        </div>
        <button type="button" className="button reader-pad-cancel" onClick={onCancel}>
          {t('reader.goTo.cancel')}
        </button>
      </section>
    </div>
  );
}
