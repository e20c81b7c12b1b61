/** The contract's catalog slice: shelves, search and item pages, and the values they answer with. */
import { z } from 'zod';
import { visitorCall } from './call.ts';
import { ContentHash, ContentLanguage, Locale, Page, Slug } from './schemas.ts';

export const ItemKind = z.enum(['pdf', 'video', 'article', 'quiz']);
export type ItemKind = z.infer<typeof ItemKind>;

/** What a PDF is, as its label says: named by the publisher's sheet, or guessed from its length. */
export const DocumentType = z.enum(['leaflet', 'booklet', 'book', 'manual', 'magazine', 'report']);
export type DocumentType = z.infer<typeof DocumentType>;

/**
 * The label of a PDF whose publisher did not say what it is (and of every PDF in packs made before
 * labels): a folded sheet has up to six panels, a stapled booklet rarely more than 48 pages.
 */
export function documentTypeByPages(pages: number | undefined): DocumentType {
  if (pages === undefined || pages <= 6) return 'leaflet';
  return pages <= 48 ? 'booklet' : 'book';
}

export const ItemSummary = z.object({
  id: Slug,
  kind: ItemKind,
  title: z.string(),
  summary: z.string(),
  /** The language `title` and `summary` are given in: the visitor's when the item has it. */
  language: ContentLanguage,
  languages: z.array(ContentLanguage),
  subjects: z.array(Slug),
  /** The publisher's date for the item, from the pack. */
  addedAt: z.string(),
  /** When this kiosk first installed the item: what "new" is measured from. */
  arrivedAt: z.string(),
  /** It arrived at this kiosk recently enough to count as new (the venue sets how recently). */
  isNew: z.boolean(),
  /** The publisher features it: the attract screen shows it before the newest items. */
  featured: z.boolean(),
  /** What a PDF is (its label): given for every PDF, absent for other kinds. */
  documentType: DocumentType.optional(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const Subject = z.object({
  id: Slug,
  name: z.string(),
  itemCount: z.number().int().nonnegative(),
});
export type Subject = z.infer<typeof Subject>;

export const ItemFile = z.object({
  role: z.enum(['main', 'cover', 'subtitles', 'attachment', 'narration']),
  hash: ContentHash,
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
  /** Where the renderer fetches it: `/content/<hash>` under the app's own origin, with range support. */
  url: z.string(),
  /** The language of the file's text, when an item has one file per language (a leaflet in ko, en, …). */
  language: ContentLanguage.optional(),
  /** Pages of this file (a PDF), when its pack says: the length of the language version that opens. */
  pages: z.number().int().positive().optional(),
  /** A narration's page marks: entry n is the second at which page n + 1 starts (the pack format's `pageStarts`). */
  pageStarts: z.array(z.number().nonnegative()).optional(),
});
export type ItemFile = z.infer<typeof ItemFile>;

export const ItemDetail = ItemSummary.extend({
  files: z.array(ItemFile),
  /** Pages of a PDF, when known: its first file's; a file's own `pages` say each language version's. */
  pages: z.number().int().positive().optional(),
  /** Length of a video in seconds, when known. */
  durationSeconds: z.number().nonnegative().optional(),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

/** The longest search the catalog accepts; the on-screen keyboard stops there too. */
export const maxQueryLength = 200;

const ItemPage = z.object({ items: z.array(ItemSummary), total: z.number().int().nonnegative() });

/**
 * Where in a document a search matched, for items with page text: the first page (in the visitor's
 * preferred language) holding every word, and the words around the match there. The snippet is plain text in
 * pieces, the matched ones marked, so the renderer draws marks around text and never reads a page as markup.
 */
export const PageHit = z.object({
  page: z.number().int().positive(),
  /** The language of the page text that matched: the reader opens that language's file. */
  language: ContentLanguage,
  snippet: z.array(z.object({ text: z.string().max(400), mark: z.boolean() })).max(60),
});
export type PageHit = z.infer<typeof PageHit>;

export const SearchHit = ItemSummary.extend({ pageHit: PageHit.optional() });
export type SearchHit = z.infer<typeof SearchHit>;

const SearchPage = z.object({ items: z.array(SearchHit), total: z.number().int().nonnegative() });

export const catalogCalls = {
  'catalog.subjects': visitorCall(z.object({ locale: Locale }).strict(), z.object({ subjects: z.array(Subject) })),
  /** Items newest arrival first. */
  'catalog.list': visitorCall(
    z
      .object({
        locale: Locale,
        subject: Slug.optional(),
        /** true: only the items that count as new at this kiosk (`isNew`). */
        newOnly: z.boolean().optional(),
        /** true: only the items the publisher features (the attract screen's first ones). */
        featured: z.boolean().optional(),
        page: Page.default({ offset: 0, limit: 24 }),
      })
      .strict(),
    ItemPage,
  ),
  'catalog.search': visitorCall(
    z
      .object({
        locale: Locale,
        query: z.string().trim().min(1).max(maxQueryLength),
        subject: Slug.optional(),
        language: ContentLanguage.optional(),
        page: Page.default({ offset: 0, limit: 24 }),
      })
      .strict(),
    SearchPage,
  ),
  'catalog.item': visitorCall(z.object({ locale: Locale, id: Slug }).strict(), ItemDetail),
} as const;

export const catalogEvents = {
  'catalog.changed': z.object({ revision: z.number().int() }),
} as const;
