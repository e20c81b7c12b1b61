/**
 * The kiosk's PDF reader: one page at a time, turned by swipe, tap, buttons or arrow keys, with
 * zoom presets and pinch, a page strip, the document's contents, and find in document; a bar shows how far
 * in the page is, a tip once a visit says how to turn pages, and the visit's language and Finish stay in reach.
 * Open it with a content URL (`/content/<sha256>`); it never navigates away or opens a window.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isVerticalLocale, useI18n } from '../i18n/i18n.tsx';
import { ListenButton } from '../narration/ListenButton.tsx';
import type { Narration } from '../narration/narration-marks.ts';
import { FindPanel } from './FindPanel.tsx';
import { OutlinePanel, type OutlineEntry } from './OutlinePanel.tsx';
import { PageCanvases } from './page-canvases.ts';
import { PageNumberPad } from './PageNumberPad.tsx';
import { PageStage } from './PageStage.tsx';
import { ReaderProgress } from './ReaderProgress.tsx';
import { ReaderVisitTools } from './ReaderVisitTools.tsx';
import { SwipeIcon } from '../components/icons.tsx';
import { VisitHint } from '../visit/VisitHint.tsx';
import { openingView, pageFailed, showPage } from './page-view.ts';
import { openPdf } from './pdf-document.ts';
import { destinationPage, pageLinks, type PageLink } from './pdf-links.ts';
import { ThumbnailStrip } from './ThumbnailStrip.tsx';
import { useFind } from './use-find.ts';
import { fitPage, sameZoom, stepZoom, zoomPresets, type Size, type Zoom } from './zoom.ts';
import './reader.css';

export interface PdfReaderProps {
  /** The PDF's URL under the kiosk's own origin, e.g. ItemDetail.files[n].url. */
  src: string;
  title: string;
  /** The page to open at (a link from a quiz question); the first when absent or past the end. */
  page?: number | undefined;
  /** The document read aloud, with its page marks: the reader then offers "Listen". */
  narration?: Narration | undefined;
  /** Words to find from `page` on as the document opens (a search hit there): the match is marked at once. */
  find?: string | undefined;
  onClose(): void;
}

/** Total device pixels of page canvases kept at once (about 48 MB of pixels). */
const pagePixelCap = 12_000_000;

/** A title in the Mongolian script is marked so, whatever the interface's language; another one keeps its own script's rules. */
const mongolianScript = /\p{Script=Mongolian}/u;

function ReaderTitle({ title }: { title: string }) {
  return (
    <h1 className="reader-title" lang={mongolianScript.test(title) ? 'mn-Mong' : undefined}>
      {title}
    </h1>
  );
}

/** The reader's root class: vertical chrome for traditional Mongolian. */
function readerClass(vertical: boolean): string {
  return vertical ? 'reader vertical' : 'reader';
}

type Loading =
  | { status: 'loading' }
  | { status: 'failed'; reason: 'password' | 'broken' }
  | { status: 'ready'; doc: PDFDocumentProxy };

export function PdfReader({ src, title, page, find, narration, onClose }: PdfReaderProps) {
  const { t, locale } = useI18n();
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    const opening = openPdf(src);
    opening
      .then((task) => task.promise)
      .then(
        (doc) => current && setLoading({ status: 'ready', doc }),
        (error: unknown) =>
          current &&
          setLoading({
            status: 'failed',
            reason: error instanceof Error && error.name === 'PasswordException' ? 'password' : 'broken',
          }),
      );
    return () => {
      current = false;
      setLoading({ status: 'loading' });
      void opening.then((task) => task.destroy());
    };
  }, [src, attempt]);

  if (loading.status === 'ready')
    return (
      <ReaderView
        doc={loading.doc}
        title={title}
        firstPage={page ?? 1}
        findFirst={find}
        narration={narration}
        onClose={onClose}
      />
    );
  return (
    <div
      className={readerClass(isVerticalLocale(locale))}
      role="dialog"
      aria-modal="true"
      aria-label={title}
      data-testid="reader"
    >
      <header className="reader-top">
        <button type="button" className="button reader-close" onClick={onClose}>
          {t('reader.close')}
        </button>
        <ReaderTitle title={title} />
        <ReaderVisitTools onLeave={onClose} />
      </header>
      <div className="reader-message" role={loading.status === 'failed' ? 'alert' : 'status'}>
        {loading.status === 'loading' && <p>{t('reader.loading')}</p>}
        {loading.status === 'failed' && (
          <>
            <p>{t(loading.reason === 'password' ? 'reader.error.password' : 'reader.error.open')}</p>
            {loading.reason === 'broken' && (
              <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                {t('common.retry')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

type Panel = 'none' | 'pages' | 'outline' | 'find' | 'goto';

function ReaderView({
  doc,
  title,
  firstPage,
  narration,
  findFirst,
  onClose,
}: {
  doc: PDFDocumentProxy;
  title: string;
  firstPage: number;
  narration: Narration | undefined;
  findFirst?: string | undefined;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const pageCount = doc.numPages;
  const canvases = useMemo(() => new PageCanvases(doc, pagePixelCap), [doc]);
  useEffect(() => () => canvases.destroy(), [canvases]);
  const [view, setView] = useState(() => showPage(openingView, firstPage, doc.numPages));
  const pageNumber = view.page;
  // The page it opened at: once the visitor turns from it, the tip on turning pages has done its work.
  const [openingPage] = useState(pageNumber);
  const [zoom, setZoom] = useState<Zoom>(fitPage);
  // The page and stage sizes of the drawing on screen, which + and - step from.
  const shown = useRef<{ page: Size; stage: Size } | undefined>(undefined);
  const [panel, setPanel] = useState<Panel>('none');
  const [notice, setNotice] = useState<string | undefined>();
  const [links, setLinks] = useState<{ page: number; links: PageLink[] }>({ page: 0, links: [] });
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);

  const go = useCallback((page: number) => setView((old) => showPage(old, page, pageCount)), [pageCount]);
  const turn = useCallback(
    (delta: number) => setView((old) => showPage(old, old.page + delta, pageCount)),
    [pageCount],
  );
  const find = useFind(doc, go);

  useEffect(() => rootRef.current?.focus(), []);

  // Opened from a search hit: the same find as the Find panel's, from the page it matched on, so the match is
  // marked there; the panel, opened by its button, shows the words and steps through the other matches.
  const { search: startFind } = find;
  const findOnOpen = useRef(findFirst);
  useEffect(() => {
    const query = findOnOpen.current;
    findOnOpen.current = undefined;
    if (query) void startFind(query, firstPage);
  }, [startFind, firstPage]);

  useEffect(() => {
    let current = true;
    doc.getOutline().then(
      (entries) => current && setOutline((entries ?? []) as OutlineEntry[]),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [doc]);

  useEffect(() => {
    let current = true;
    canvases
      .page(pageNumber)
      .then((page) => pageLinks(doc, page))
      .then(
        (found) => current && setLinks({ page: pageNumber, links: found }),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [doc, canvases, pageNumber]);

  const follow = useCallback(
    (link: PageLink) => {
      if (link.target.kind === 'page') go(link.target.page);
      else setNotice(link.target.url);
    },
    [go],
  );

  const chooseOutline = useCallback(
    async (entry: OutlineEntry) => {
      if (entry.url) {
        setNotice(entry.url);
        return;
      }
      const page = await destinationPage(doc, entry.dest);
      if (page !== undefined) {
        go(page);
        setPanel('none');
      }
    },
    [doc, go],
  );

  const zoomBy = (direction: 1 | -1) => {
    const sizes = shown.current;
    if (sizes) setZoom((old) => stepZoom(old, direction, sizes.page, sizes.stage));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) {
      if (event.key === 'Escape') setPanel('none');
      return;
    }
    const actions: Record<string, () => void> = {
      ArrowRight: () => turn(1),
      ArrowDown: () => turn(1),
      PageDown: () => turn(1),
      ' ': () => turn(1),
      ArrowLeft: () => turn(-1),
      ArrowUp: () => turn(-1),
      PageUp: () => turn(-1),
      Home: () => go(1),
      End: () => go(pageCount),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom(fitPage),
      Escape: () => (notice ? setNotice(undefined) : panel !== 'none' ? setPanel('none') : onClose()),
    };
    // Buttons keep Space and Enter for themselves.
    if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const toggle = (which: Panel) => setPanel((old) => (old === which ? 'none' : which));
  const zoomLabel = (preset: Zoom) =>
    preset.kind === 'fit-page'
      ? t('reader.zoom.fitPage')
      : preset.kind === 'fit-width'
        ? t('reader.zoom.fitWidth')
        : t('reader.zoom.percent', { percent: Math.round(preset.factor * 100) });

  return (
    <div
      ref={rootRef}
      className={readerClass(isVerticalLocale(locale))}
      role="dialog"
      aria-modal="true"
      aria-label={title}
      data-testid="reader"
      data-page={pageNumber}
      data-page-count={pageCount}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="reader-top">
        <button type="button" className="button reader-close" onClick={onClose}>
          {t('reader.close')}
        </button>
        <ReaderTitle title={title} />
        <div className="reader-tools">
          {narration && <ListenButton narration={narration} page={pageNumber} pageCount={pageCount} go={go} />}
          <button type="button" className="button" aria-pressed={panel === 'find'} onClick={() => toggle('find')}>
            {t('reader.find')}
          </button>
          {outline.length > 0 && (
            <button
              type="button"
              className="button"
              aria-pressed={panel === 'outline'}
              onClick={() => toggle('outline')}
            >
              {t('reader.outline')}
            </button>
          )}
          <button type="button" className="button" aria-pressed={panel === 'pages'} onClick={() => toggle('pages')}>
            {t('reader.pages')}
          </button>
        </div>
        <ReaderVisitTools onLeave={onClose} />
      </header>
      <div className="reader-body">
        <PageStage
          canvases={canvases}
          pageNumber={pageNumber}
          pageCount={pageCount}
          zoom={zoom}
          links={links.page === pageNumber ? links.links : []}
          hits={find.hitsOn(pageNumber)}
          onTurn={turn}
          onZoom={setZoom}
          onLayout={(page, stage) => {
            shown.current = { page, stage };
          }}
          onLink={follow}
          onPageFailed={(page) => setView((old) => pageFailed(old, page))}
        />
        <ReaderProgress page={pageNumber} pageCount={pageCount} />
        {panel === 'find' && (
          <FindPanel
            state={find.state}
            pageCount={pageCount}
            onSearch={(query) => void find.search(query, pageNumber)}
            onStop={find.stop}
            onStep={find.step}
          />
        )}
        {panel === 'outline' && <OutlinePanel outline={outline} onChoose={(entry) => void chooseOutline(entry)} />}
      </div>
      {/* Under the page, never over it: a link or a word at its foot stays in reach while the tip shows. */}
      <VisitHint
        hint="reader-pages"
        text="hint.readerPages"
        icon={<SwipeIcon />}
        done={pageNumber !== openingPage}
        className="reader-hint"
      />
      {view.failed && (
        <p className="reader-page-error" role="alert">
          {t('reader.error.page')}
        </p>
      )}
      {notice !== undefined && (
        <div className="reader-notice" role="alertdialog" aria-labelledby="reader-notice-text">
          <p id="reader-notice-text">{t('reader.link.external')}</p>
          <p className="reader-notice-url" data-testid="reader-notice-url">
            {notice}
          </p>
          <button type="button" className="button" onClick={() => setNotice(undefined)} autoFocus>
            {t('reader.link.dismiss')}
          </button>
        </div>
      )}
      {panel === 'goto' && (
        <PageNumberPad
          pageCount={pageCount}
          onGo={(page) => {
            go(page);
            setPanel('none');
          }}
          onCancel={() => setPanel('none')}
        />
      )}
      {panel === 'pages' && <ThumbnailStrip canvases={canvases} pageCount={pageCount} current={pageNumber} onGo={go} />}
      <footer className="reader-bottom">
        <button
          type="button"
          className="button reader-turn"
          disabled={pageNumber <= 1}
          aria-label={t('reader.previous')}
          onClick={() => turn(-1)}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <button
          type="button"
          className="button reader-position"
          aria-haspopup="dialog"
          aria-description={t('reader.goTo')}
          data-testid="reader-position"
          onClick={() => toggle('goto')}
        >
          {t('reader.page', { page: pageNumber, count: pageCount })}
        </button>
        <button
          type="button"
          className="button reader-turn"
          disabled={pageNumber >= pageCount}
          aria-label={t('reader.next')}
          onClick={() => turn(1)}
        >
          <span aria-hidden="true">›</span>
        </button>
        <div className="reader-zoom" role="group" aria-label={t('reader.zoom')}>
          {zoomPresets.map((preset) => (
            <button
              key={zoomLabel(preset)}
              type="button"
              className="button"
              aria-pressed={sameZoom(preset, zoom)}
              onClick={() => setZoom(preset)}
            >
              {zoomLabel(preset)}
            </button>
          ))}
        </div>
      </footer>
    </div>
  );
}
