/**
 * What an item is — a PDF's document type (leaflet, book, manual, …), otherwise its kind — and, when it is
 * new at this kiosk, a "new" badge: the band every card and page starts with.
 */
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function KindLabel({ item }: { item: Pick<ItemSummary, 'kind' | 'documentType' | 'isNew'> }) {
  const { t } = useI18n();
  return (
    <>
      <span className="item-kind">
        {t(item.documentType ? `item.documentType.${item.documentType}` : `item.kind.${item.kind}`)}
      </span>
      {item.isNew && <span className="badge">{t('item.new')}</span>}
    </>
  );
}
