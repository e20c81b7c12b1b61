/**
 * One item: its cover (a PDF's first page), title, summary, languages and length, and one big
 * button that opens it with the viewer of its kind (see `../viewers.ts`).
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ItemDetail, ItemFile, ItemSummary } from '../../preload/contract/catalog.ts';
import { contentLanguageNames } from './content-languages.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { ItemText } from './ItemText.tsx';
import { KindLabel } from './KindLabel.tsx';
import { subjectColour } from './subject-colours.ts';
import { viewerFor } from '../viewers.ts';
import { fileFor } from './item-files.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PdfThumbnail } from '../reader/PdfThumbnail.tsx';
import { report } from '../stats/report.ts';
import { useVisit } from '../visit/visit.tsx';
import type { ScreenParams } from '../screens.ts';

function mainFile(item: ItemDetail): ItemFile | undefined {
  return fileFor(item, 'main');
}

export function ItemScreen({ id, summary, find }: ScreenParams['item']) {
  const { t, locale } = useI18n();
  const { go } = useVisit();
  const detail = useKioskCall('catalog.item', { locale, id });
  // A search hit inside the document opens it at once, at the page that matched; the open button later opens
  // it from the start.
  const [open, setOpen] = useState(find !== undefined);
  const [opening, setOpening] = useState(find);
  const openedAt = useRef(0);
  const openedKind = detail.status === 'done' && find ? detail.value.kind : undefined;
  // Opened by the search hit rather than the button: counted once, when the item is known.
  useEffect(() => {
    if (!openedKind) return;
    openedAt.current = performance.now();
    report({ kind: 'item-open', itemId: id, detail: openedKind });
  }, [id, openedKind]);
  const item: ItemSummary | undefined = detail.status === 'done' ? detail.value : summary;

  if (!item) {
    if (detail.status === 'failed') return <ErrorPanel code={detail.code} onRetry={detail.retry} />;
    return <p className="quiet">{t('common.loading')}</p>;
  }
  const full = detail.status === 'done' ? detail.value : undefined;
  const viewer = full ? viewerFor(full) : undefined;
  // A viewer with a screen of its own (a quiz) opens there rather than over this page.
  const screen = full && viewer && 'screen' in viewer ? viewer.screen(full) : undefined;
  const style = { '--subject': subjectColour(item.subjects[0]) } as CSSProperties;

  return (
    <main className="item-page" style={style} data-testid="item-page" data-item-id={item.id}>
      <div className="item-cover">{full ? <Cover item={full} /> : <div className="cover-placeholder" />}</div>
      <div className="item-facts">
        <p className="item-band">
          <KindLabel item={item} />
        </p>
        <ItemText item={item} place="page" />
        <dl className="item-meta">
          <dt>{t('item.languagesLabel')}</dt>
          <dd>
            {item.languages.map((language) => (
              <span key={language} className="language-tag" lang={language}>
                {contentLanguageNames[language]}
              </span>
            ))}
          </dd>
          {full?.pages !== undefined && (
            <>
              <dt>{t('item.length')}</dt>
              <dd>{t('item.pages', { count: full.pages })}</dd>
            </>
          )}
          {full?.durationSeconds !== undefined && (
            <>
              <dt>{t('item.length')}</dt>
              <dd>{t('item.minutes', { count: Math.max(1, Math.round(full.durationSeconds / 60)) })}</dd>
            </>
          )}
        </dl>
        {detail.status === 'loading' && <p className="quiet">{t('common.loading')}</p>}
        {detail.status === 'failed' && <ErrorPanel code={detail.code} onRetry={detail.retry} />}
        {viewer && (
          <button
            type="button"
            className="button primary big open-button"
            onClick={
              screen
                ? () => {
                    report({ kind: 'item-open', itemId: id, detail: full!.kind });
                    go(screen);
                  }
                : () => {
                    openedAt.current = performance.now();
                    report({ kind: 'item-open', itemId: id, detail: full!.kind });
                    setOpen(true);
                  }
            }
            data-testid="open-item"
          >
            {t(viewer.action)}
          </button>
        )}
        {full && !viewer && <p className="notice">{t('item.cannotOpen')}</p>}
      </div>
      {open && full && viewer && 'View' in viewer && (
        <viewer.View
          item={full}
          page={opening?.page}
          find={opening}
          onClose={() => {
            reportTimeOpen(id, full.kind, performance.now() - openedAt.current);
            setOpen(false);
            setOpening(undefined);
          }}
        />
      )}
    </main>
  );
}

function Cover({ item }: { item: ItemDetail }) {
  const cover = item.files.find((file) => file.role === 'cover' && file.mediaType.startsWith('image/'));
  if (cover) return <img className="cover-image" src={cover.url} alt="" />;
  const main = mainFile(item);
  if (main?.mediaType === 'application/pdf') return <PdfThumbnail src={main.url} width={420} />;
  return <div className="cover-placeholder" />;
}

/** How long an item stayed open, counted as reading for a document and as watching for a lecture. */
function reportTimeOpen(itemId: string, kind: ItemDetail['kind'], ms: number): void {
  const seconds = Math.min(6 * 3600, Math.round(ms / 1000));
  if (seconds <= 0) return;
  if (kind === 'pdf' || kind === 'article') report({ kind: 'reading-time', itemId, amount: seconds });
  else if (kind === 'video') report({ kind: 'video-watched', itemId, amount: seconds });
}
