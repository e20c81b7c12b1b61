/**
 * Under an item, "more on this subject": a shelf of the other items in its first shown subject, newest
 * arrival first, in the subject's colour. A tap opens another item page, and Back returns to this one.
 */
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import { useKioskCall } from '../components/use-kiosk-call.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Shelf } from './Shelf.tsx';
import { subjectColour } from './subject-colours.ts';

/** One swipe's worth and a little more: the subject's own shelf on home has the rest. */
const SHOWN = 12;

export function MoreOnSubject({ item }: { item: Pick<ItemSummary, 'id' | 'subjects'> }) {
  const { t, locale } = useI18n();
  const subjects = useKioskCall('catalog.subjects', { locale });
  // A subject staff hid has no shelf: the first of the item's subjects the kiosk shows.
  const subject =
    subjects.status === 'done'
      ? subjects.value.subjects.find((shown) => item.subjects.includes(shown.id) && shown.itemCount > 1)
      : undefined;
  if (!subject) return null;
  return (
    <SubjectItems itemId={item.id} subjectId={subject.id} title={t('item.moreOnSubject', { subject: subject.name })} />
  );
}

function SubjectItems({ itemId, subjectId, title }: { itemId: string; subjectId: string; title: string }) {
  const { locale } = useI18n();
  const list = useKioskCall('catalog.list', { locale, subject: subjectId, page: { offset: 0, limit: SHOWN + 1 } });
  // An error here only leaves the shelf out: the item itself is what the visitor came for.
  if (list.status !== 'done') return null;
  const others = list.value.items.filter((other) => other.id !== itemId).slice(0, SHOWN);
  if (others.length === 0) return null;
  return (
    <div className="item-more">
      <Shelf
        title={title}
        colour={subjectColour(subjectId)}
        items={others}
        testId="more-on-subject"
        cardsInShelfColour
      />
    </div>
  );
}
