/** A shelf: a heading in the subject's colour over one row of cards that scrolls sideways with a swipe. */
import { useId, type CSSProperties } from 'react';
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import { ItemCard } from './ItemCard.tsx';

export function Shelf({
  title,
  colour,
  items,
  testId,
  cardsInShelfColour = false,
}: {
  title: string;
  colour: string;
  /** A subject's shelf paints its cards in the subject's colour, even items shared with other subjects. */
  cardsInShelfColour?: boolean;
  items: readonly ItemSummary[];
  testId?: string;
}) {
  const headingId = useId();
  return (
    <section
      className="shelf"
      style={{ '--subject': colour } as CSSProperties}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <h2 id={headingId} className="shelf-title">
        {title}
      </h2>
      <ul className="shelf-row">
        {items.map((item) => (
          <ItemCard key={item.id} item={item} {...(cardsInShelfColour ? { colour } : {})} />
        ))}
      </ul>
    </section>
  );
}
