/**
 * The visit's own buttons inside the full-screen reader, so a visitor need not close the document to leave
 * or to change language: the language (a dialog of the five) and "Finish".
 */
import { useState } from 'react';
import { locales } from '../../preload/contract/schemas.ts';
import { ChoiceDialog } from '../components/ChoiceDialog.tsx';
import { GlobeIcon } from '../components/icons.tsx';
import { isVerticalLocale, localeNames, useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';

/** `onLeave`: the reader's own close, told first, so the time read is counted before the visit ends. */
export function ReaderVisitTools({ onLeave }: { onLeave: () => void }) {
  const { t, locale } = useI18n();
  const { setLocale, end } = useVisit();
  const [choosing, setChoosing] = useState(false);
  return (
    <div className="reader-visit">
      <button
        type="button"
        className="button reader-language"
        aria-haspopup="dialog"
        aria-expanded={choosing}
        aria-label={t('reader.language', { language: localeNames[locale] })}
        onClick={() => setChoosing(true)}
        data-testid="reader-language"
      >
        <GlobeIcon />
        <span lang={locale} className={isVerticalLocale(locale) ? 'vertical-text' : undefined}>
          {localeNames[locale]}
        </span>
      </button>
      <button
        type="button"
        className="button reader-finish"
        onClick={() => {
          onLeave();
          end();
        }}
        data-testid="reader-finish"
      >
        {t('visit.finish')}
      </button>
      {choosing && (
        <ChoiceDialog
          title={t('language.choose')}
          onClose={() => setChoosing(false)}
          className="language-dialog"
          testId="reader-language-dialog"
        >
          {locales.map((candidate) => (
            <button
              key={candidate}
              type="button"
              lang={candidate}
              className={
                isVerticalLocale(candidate) ? 'button big language-choice vertical-lang' : 'button big language-choice'
              }
              aria-pressed={candidate === locale}
              onClick={() => {
                setLocale(candidate);
                setChoosing(false);
              }}
            >
              {localeNames[candidate]}
            </button>
          ))}
        </ChoiceDialog>
      )}
    </div>
  );
}
