/** An item's kind and, when it arrived recently, a "new" badge: the band every card and page starts with. */
import type { ItemSummary } from '../../preload/contract/schemas.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { isNew } from './recency.ts';

export function KindLabel({ item }: { item: Pick<ItemSummary, 'kind' | 'addedAt'> }) {
  const { t } = useI18n();
  return (
    <>
      <span className="item-kind">{t(`item.kind.${item.kind}`)}</span>
      {isNew(item.addedAt, new Date()) && <span className="badge">{t('item.new')}</span>}
    </>
  );
}
