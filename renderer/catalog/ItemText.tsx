/**
 * An item's title and summary, in the language the catalog found for the visitor, tagged with it. In the
 * vertical (traditional Mongolian) interface an item with no Mongolian-script version arrives in Cyrillic or
 * English: its words stay horizontal, framed as a block of their own, with a vertical tag beside them naming
 * the script, so the turn reads as a choice and not as a broken layout.
 */
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import { isVerticalLocale, useI18n } from '../i18n/i18n.tsx';
import { isVerticalLanguage } from './content-languages.ts';

/** Where the words stand: each place has its own sizes (`kiosk.css`), the page its heading. */
type Place = 'card' | 'spotlight' | 'page';

const classes: Record<Place, { title: string; summary: string }> = {
  card: { title: 'item-title', summary: 'item-summary' },
  spotlight: { title: 'spotlight-title', summary: 'spotlight-summary' },
  page: { title: 'item-page-title', summary: 'item-page-summary' },
};

export function ItemText({ item, place }: { item: Pick<ItemSummary, 'title' | 'summary' | 'language'>; place: Place }) {
  const { t, locale } = useI18n();
  const fallback = isVerticalLocale(locale) && !isVerticalLanguage(item.language);
  const { title, summary } = classes[place];
  // Inside a card or the attract button only phrasing content is allowed; the page has a real heading.
  const Box = place === 'page' ? 'div' : 'span';
  return (
    <Box className={fallback ? `item-text item-text-${place} shown-in-other` : `item-text item-text-${place}`}>
      {fallback && (
        <span className="shown-in" data-testid="shown-in">
          {/* An ICU selector cannot hold a hyphen: mn-Cyrl is selected as mnCyrl. */}
          {t('item.shownIn', { language: item.language.replace('-', '') })}
        </span>
      )}
      <Box className="item-text-body" lang={item.language}>
        {place === 'page' ? (
          <>
            <h1 className={title}>{item.title}</h1>
            <p className={summary}>{item.summary}</p>
          </>
        ) : (
          <>
            <span className={title}>{item.title}</span>
            <span className={summary}>{item.summary}</span>
          </>
        )}
      </Box>
    </Box>
  );
}
