/**
 * One item: its cover (a PDF's first page), title, summary, languages and length, and one big
 * button that opens it with the viewer of its kind (see `../viewers.ts`); under them, more on its subject. A
 * document's language versions are a choice: the cover, the length and the reader follow the one chosen.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ItemDetail, ItemFile, ItemSummary } from '../../preload/contract/catalog.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { ItemText } from './ItemText.tsx';
import { KindLabel } from './KindLabel.tsx';
import { MoreOnSubject } from './MoreOnSubject.tsx';
import { subjectColour } from './subject-colours.ts';
import { viewerFor } from '../viewers.ts';
import { documentChoice } from './item-files.ts';
import { ItemLanguages, MissingLanguage } from './ItemLanguages.tsx';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PdfThumbnail } from '../reader/PdfThumbnail.tsx';
import { report } from '../stats/report.ts';
import { useVisit } from '../visit/visit.tsx';
import type { ScreenParams } from '../screens.ts';

export function ItemScreen({ id, summary, find }: ScreenParams['item']) {
  const { t, locale } = useI18n();
  const { go } = useVisit();
  const detail = useKioskCall('catalog.item', { locale, id });
  // A search hit inside the document opens it at once, at the page that matched; the open button later opens
  // it from the start.
  const [open, setOpen] = useState(find !== undefined);
  const [opening, setOpening] = useState(find);
  // The language version the visitor chose; until they do, their own or the catalog's next best.
  const [chosen, setChosen] = useState<ContentLanguage>();
  const openedAt = useRef(0);
  const openedKind = detail.status === 'done' && find ? detail.value.kind : undefined;
  // Opened by the search hit rather than the button: counted once, when the item is known.
  useEffect(() => {
    if (!openedKind) return;
    openedAt.current = performance.now();
    report({ kind: 'item-open', itemId: id, detail: openedKind });
  }, [id, openedKind]);
  // A change of language reads the item again: its last answer stays meanwhile, so an open viewer stays open.
  const [kept, setKept] = useState<ItemDetail | undefined>();
  if (detail.status === 'done' && kept !== detail.value) setKept(detail.value);
  const item: ItemSummary | undefined = detail.status === 'done' ? detail.value : (kept ?? summary);

  if (!item) {
    if (detail.status === 'failed') return <ErrorPanel code={detail.code} onRetry={detail.retry} />;
    return <p className="quiet">{t('common.loading')}</p>;
  }
  const full = detail.status === 'done' ? detail.value : kept;
  const viewer = full ? viewerFor(full) : undefined;
  // A viewer with a screen of its own (a quiz) opens there rather than over this page.
  const screen = full && viewer && 'screen' in viewer ? viewer.screen(full) : undefined;
  const style = { '--subject': subjectColour(item.subjects[0]) } as CSSProperties;
  const version = full && full.kind !== 'video' ? documentChoice(full, locale, chosen) : undefined;

  return (
    <main className="item-page" style={style} data-testid="item-page" data-item-id={item.id}>
      <div className="item-cover">
        {full ? <Cover item={full} main={version?.file} /> : <div className="cover-placeholder" />}
      </div>
      <div className="item-facts">
        <p className="item-band">
          <KindLabel item={item} />
        </p>
        <ItemText item={item} place="page" />
        <MissingLanguage document={version} />
        <dl className="item-meta">
          <ItemLanguages item={item} full={full} document={version} onChoose={setChosen} />
          {version?.pages !== undefined && (
            <>
              <dt>{t('item.length')}</dt>
              <dd data-testid="item-pages">{t('item.pages', { count: version.pages })}</dd>
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
      <MoreOnSubject item={item} />
      {open && full && viewer && 'View' in viewer && (
        <viewer.View
          item={full}
          language={version?.language}
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

/** The item's cover picture, else the first page of `main`, the PDF that opens. */
function Cover({ item, main }: { item: ItemDetail; main: ItemFile | undefined }) {
  const cover = item.files.find((file) => file.role === 'cover' && file.mediaType.startsWith('image/'));
  if (cover) return <img className="cover-image" src={cover.url} alt="" />;
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
