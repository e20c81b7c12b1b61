/**
 * "Read more" under a missed question: opens the catalog item the question names, at its page, over the
 * results, so closing the reader brings the visitor back to them. An item no overlay shows opens its page.
 */
import { useState } from 'react';
import type { ItemDetail } from '../../preload/contract/catalog.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { kiosk } from '../kiosk.ts';
import { viewerFor, type OverlayViewer } from '../viewers.ts';
import { useVisit } from '../visit/visit.tsx';
import type { ReadMore } from './engine/attempt-view.ts';

export function ReadMoreButton({ readMore }: { readMore: ReadMore }) {
  const { t, locale } = useI18n();
  const { go } = useVisit();
  const [open, setOpen] = useState<{ item: ItemDetail; viewer: OverlayViewer } | undefined>();
  const [failed, setFailed] = useState(false);
  const tap = () => {
    setFailed(false);
    kiosk.call('catalog.item', { locale, id: readMore.itemId }).then(
      (item) => {
        const viewer = viewerFor(item);
        if (viewer && 'View' in viewer) setOpen({ item, viewer });
        else go({ name: 'item', id: item.id });
      },
      () => setFailed(true),
    );
  };
  return (
    <>
      <button type="button" className="button quiz-read-more" onClick={tap} data-testid="quiz-read-more">
        <span className="label">{t('quiz.readMore')}</span>
      </button>
      {failed && (
        <p className="notice" role="alert">
          {t('quiz.readMoreFailed')}
        </p>
      )}
      {open && <open.viewer.View item={open.item} page={readMore.page} onClose={() => setOpen(undefined)} />}
    </>
  );
}
