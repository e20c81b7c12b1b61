/** One item on a shelf or in results: its kind, title and summary on its subject's colour; a tap opens it. */
import type { CSSProperties } from 'react';
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import { useVisit } from '../visit/visit.tsx';
import { ItemText } from './ItemText.tsx';
import { KindLabel } from './KindLabel.tsx';
import { subjectColour } from './subject-colours.ts';

/** `colour` is the shelf's, when the card sits on a subject's shelf; otherwise the item's first subject's. */
export function ItemCard({ item, colour }: { item: ItemSummary; colour?: string }) {
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
          <KindLabel item={item} />
        </span>
        <ItemText item={item} place="card" />
      </button>
    </li>
  );
}
