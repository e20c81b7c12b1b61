/**
 * One item on a shelf or in results: its kind, title and summary on its subject's colour; a tap opens it. A
 * search result found inside a document also shows, under the card, the page and the words around the match: a
 * tap there opens the document at that page with the match marked, while the card opens the item page as ever.
 */
import type { CSSProperties } from 'react';
import type { ItemSummary, PageHit } from '../../preload/contract/catalog.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';
import { ItemText } from './ItemText.tsx';
import { KindLabel } from './KindLabel.tsx';
import { subjectColour } from './subject-colours.ts';

/** `colour` is the shelf's, when the card sits on a subject's shelf; otherwise the item's first subject's. */
export function ItemCard({
  item,
  colour,
  pageHit,
  query,
}: {
  item: ItemSummary;
  colour?: string;
  /** Where in the document the search matched, with `query`, the words searched for. */
  pageHit?: PageHit | undefined;
  query?: string;
}) {
  const { go } = useVisit();
  const style = { '--subject': colour ?? subjectColour(item.subjects[0]) } as CSSProperties;
  return (
    <li className={pageHit && query ? 'card-slot with-hit' : 'card-slot'}>
      <button
        type="button"
        className={`item-card kind-${item.kind}`}
        style={style}
        data-item-id={item.id}
        onClick={() => go({ name: 'item', id: item.id, summary: item })}
      >
        <span className="item-card-band">
          <KindLabel item={item} />
        </span>
        <ItemText item={item} place="card" />
      </button>
      {pageHit && query && (
        <button
          type="button"
          className="item-card-hit"
          style={style}
          data-testid="page-hit"
          data-hit-item-id={item.id}
          onClick={() =>
            go({
              name: 'item',
              id: item.id,
              summary: item,
              find: { query, page: pageHit.page, language: pageHit.language },
            })
          }
        >
          <PageHitText hit={pageHit} />
        </button>
      )}
    </li>
  );
}

/** "p. 1,400 — …the words around the match…", the matched words marked. Every piece is text, never markup. */
function PageHitText({ hit }: { hit: PageHit }) {
  const { t } = useI18n();
  return (
    <span className="item-card-hit-text">
      <span className="item-card-hit-page" data-testid="page-hit-page">
        {t('search.pageHit', { page: hit.page })}
      </span>{' '}
      <span className="item-card-hit-snippet" lang={hit.language}>
        {hit.snippet.map((piece, index) => (piece.mark ? <mark key={index}>{piece.text}</mark> : piece.text))}
      </span>
    </span>
  );
}
