/**
 * The catalog capability: starts the catalog worker (which only reads) and answers the visitor's
 * shelves, searches and item pages. Whether an item counts as new is decided here, from the kiosk's
 * clock, so the shelf, the badge and the attract screen agree.
 */
import path from 'node:path';
import type { Capability } from '../api/capability.ts';
import type { EventHub } from '../api/event-hub.ts';
import { ServiceError } from '../api/service-error.ts';
import type { Clock } from '../clock.ts';
import { startCatalog, type Catalog } from './catalog-client.ts';
import { defaultNewForDays, newSince } from './recency.ts';

export interface CatalogCapability extends Capability<
  'catalog.subjects' | 'catalog.list' | 'catalog.search' | 'catalog.item'
> {
  readonly path: string;
  readonly api: Catalog['api'];
  /** Tells every screen the catalog changed, after an import or a removal. */
  announceChange(): Promise<void>;
  close(): Promise<void>;
}

export interface CatalogOptions {
  dataDir: string;
  clock: Clock;
  events: EventHub;
  /** How many days an item counts as new after it arrived (default 30). */
  newForDays?: () => number;
  /** Subjects staff hid from visitors (none by default). */
  hiddenSubjects?: () => readonly string[];
}

export function startCatalogCapability(options: CatalogOptions): CatalogCapability {
  const catalogPath = path.join(options.dataDir, 'catalog.sqlite');
  const catalog = startCatalog(catalogPath);
  const { api } = catalog;
  const since = () => newSince(options.clock.now(), options.newForDays?.() ?? defaultNewForDays);
  const hidden = () => options.hiddenSubjects?.() ?? [];
  /** The subjects still shown, when staff hid some; undefined (no filter) when they hid none. */
  const shownSubjects = async () => {
    const hide = hidden();
    if (hide.length === 0) return undefined;
    return (await api.subjects('en')).map((subject) => subject.id).filter((id) => !hide.includes(id));
  };
  return {
    path: catalogPath,
    api,
    handlers: {
      'catalog.subjects': async ({ locale }) => {
        const hide = hidden();
        return { subjects: (await api.subjects(locale)).filter((subject) => !hide.includes(subject.id)) };
      },
      'catalog.list': async ({ locale, subject, newOnly, featured, page }) => {
        const newSinceNow = since();
        return api.listItems({
          locale,
          subject,
          featured,
          newSince: newSinceNow,
          shownSubjects: await shownSubjects(),
          ...(newOnly ? { arrivedSince: newSinceNow } : {}),
          ...page,
        });
      },
      'catalog.search': async ({ locale, query, subject, language, page }) =>
        api.search({
          locale,
          query,
          subject,
          language,
          newSince: since(),
          shownSubjects: await shownSubjects(),
          ...page,
        }),
      'catalog.item': async ({ locale, id }) => {
        const item = await api.item({ locale, id, newSince: since() });
        if (!item) throw new ServiceError('not-found', `There is no item "${id}" in the catalog.`);
        return item;
      },
    },
    async announceChange() {
      options.events.emit('catalog.changed', { revision: await api.revision() });
    },
    close: () => catalog.close(),
  };
}
