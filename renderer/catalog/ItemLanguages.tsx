/**
 * The item page's languages: for a document, a choice of which language version opens (the reader, the cover and
 * the length follow it), with a notice when the visitor's own language has none; for a lecture, the language it
 * is spoken in and its subtitles; for anything else, the languages its words are written in.
 */
import type { ItemDetail, ItemSummary } from '../../preload/contract/catalog.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { contentLanguageNames } from './content-languages.ts';
import { lectureLanguages, type DocumentChoice } from './item-files.ts';

/** An ICU selector cannot hold a hyphen: mn-Cyrl is selected as mnCyrl. */
const selector = (language: ContentLanguage) => language.replace('-', '');

function Tags({ languages }: { languages: readonly ContentLanguage[] }) {
  return languages.map((language) => (
    <span key={language} className="language-tag" lang={language}>
      {contentLanguageNames[language]}
    </span>
  ));
}

/** The rows of the item's facts list (`<dl>`) that name its languages. */
export function ItemLanguages({
  item,
  full,
  document,
  onChoose,
}: {
  item: ItemSummary;
  full: ItemDetail | undefined;
  document: DocumentChoice | undefined;
  onChoose: (language: ContentLanguage) => void;
}) {
  const { t } = useI18n();
  if (full?.kind === 'video') {
    const { spoken, subtitles } = lectureLanguages(full);
    if (spoken || subtitles.length > 0)
      return (
        <>
          {spoken && (
            <>
              <dt>{t('item.spokenIn')}</dt>
              <dd>
                <Tags languages={[spoken]} />
              </dd>
            </>
          )}
          {subtitles.length > 0 && (
            <>
              <dt>{t('item.subtitles')}</dt>
              <dd data-testid="subtitle-languages">
                <Tags languages={subtitles} />
              </dd>
            </>
          )}
        </>
      );
  }
  if (document && document.languages.length > 1)
    return (
      <>
        <dt id="read-in">{t('item.readIn')}</dt>
        <dd>
          <div role="group" aria-labelledby="read-in" className="language-choice" data-testid="document-language">
            {document.languages.map((language) => (
              <button
                key={language}
                type="button"
                className="language-tag language-option"
                lang={language}
                aria-pressed={language === document.language}
                data-language={language}
                onClick={() => onChoose(language)}
              >
                {contentLanguageNames[language]}
              </button>
            ))}
          </div>
        </dd>
      </>
    );
  return (
    <>
      <dt>{t('item.languagesLabel')}</dt>
      <dd>
        <Tags languages={document?.languages.length === 1 ? document.languages : item.languages} />
      </dd>
    </>
  );
}

/** Says that the visitor's language has no version, and which one is shown instead. */
export function MissingLanguage({ document }: { document: DocumentChoice | undefined }) {
  const { t } = useI18n();
  if (!document?.missing) return null;
  return (
    <p className="notice language-notice" role="status" data-testid="missing-language">
      {t('item.missingLanguage', {
        wanted: selector(document.missing.wanted),
        shown: selector(document.missing.shown),
      })}
    </p>
  );
}
