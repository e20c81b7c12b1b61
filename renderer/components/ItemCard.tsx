/** One item on a shelf or in results: its kind, title and summary on its subject's colour; a tap opens it. */
import type { CSSProperties } from 'react';
import type { ItemSummary } from '../../preload/contract/schemas.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';
import { isNew } from './recency.ts';
import { subjectColour } from './subject-colours.ts';

/** `colour` is the shelf's, when the card sits on a subject's shelf; otherwise the item's first subject's. */
export function ItemCard({ item, colour }: { item: ItemSummary; colour?: string }) {
  const { t } = useI18n();
  const { go } = useVisit();
  const style = { '--subject': colour ?? subjectColour(item.subjects[0]) } as CSSProperties;
  return (
    <li className="card-slot">
      <button
        type="button"
        className={`item-card kind-${item.kind}`}
        style={style}
        data-item-id={item.id}
        onClick={() => go({ name: 'item', id: item.id, summary: item })}
      >
        <span className="item-card-band">
          <span className="item-kind">{t(`item.kind.${item.kind}`)}</span>
          {isNew(item.addedAt, new Date()) && <span className="badge">{t('item.new')}</span>}
        </span>
        <span className="item-title" lang={item.language}>
          {item.title}
        </span>
        <span className="item-summary" lang={item.language}>
          {item.summary}
        </span>
      </button>
    </li>
  );
}
