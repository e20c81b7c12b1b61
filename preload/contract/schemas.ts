/** Runtime schemas of the values that cross the process boundary. */
import { z } from 'zod';

export const locales = ['en', 'ko', 'zh-Hans', 'mn-Cyrl', 'mn-Mong'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

/** Content languages an item may be written in (BCP 47 tags, script where it matters). */
export const ContentLanguage = z.enum(['en', 'ko', 'zh', 'mn-Cyrl', 'mn-Mong']);
export type ContentLanguage = z.infer<typeof ContentLanguage>;

export const ItemKind = z.enum(['pdf', 'video', 'article', 'quiz']);
export type ItemKind = z.infer<typeof ItemKind>;

/** A stable identifier: lower-case letters, digits and dashes, as written in a pack manifest. */
export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

export const ItemSummary = z.object({
  id: Slug,
  kind: ItemKind,
  title: z.string(),
  summary: z.string(),
  /** The language `title` and `summary` are given in: the visitor's when the item has it. */
  language: ContentLanguage,
  languages: z.array(ContentLanguage),
  subjects: z.array(Slug),
  /** When the publisher added it (ISO). */
  addedAt: z.string(),
  /** When it reached this kiosk (ISO): shelves list the newest arrivals first. */
  arrivedAt: z.string(),
  /** It arrived recently enough to be shown as new at this venue. */
  isNew: z.boolean(),
  /** The publisher features it: the attract screen shows it before the newest items. */
  featured: z.boolean(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const Subject = z.object({
  id: Slug,
  name: z.string(),
  itemCount: z.number().int().nonnegative(),
});
export type Subject = z.infer<typeof Subject>;

export const Page = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(100).default(24),
});

/** A SHA-256 digest in lower-case hex: how the content store names every file. */
export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex');

export const ItemFile = z.object({
  role: z.enum(['main', 'cover', 'subtitles', 'attachment']),
  hash: ContentHash,
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
  /** Where the renderer fetches it: `/content/<hash>` under the app's own origin, with range support. */
  url: z.string(),
  /** The language of the file's text, when an item has one file per language (a leaflet in ko, en, …). */
  language: ContentLanguage.optional(),
});
export type ItemFile = z.infer<typeof ItemFile>;

export const ItemDetail = ItemSummary.extend({
  files: z.array(ItemFile),
  /** Pages of a PDF, when known. */
  pages: z.number().int().positive().optional(),
  /** Length of a video in seconds, when known. */
  durationSeconds: z.number().nonnegative().optional(),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

/** Why an import failed, for programs and translations (pack faults and environment faults alike). */
export const ImportFailure = z.object({ code: z.string().max(40), message: z.string() });
export type ImportFailure = z.infer<typeof ImportFailure>;

/** A pack folder found on a mounted stick, checked (signature, key, version, files present) but not copied. */
export const DetectedPack = z.object({
  /** Handle to pass to `staff.import`; valid while the stick stays mounted. */
  source: z.string().max(100),
  /** Where it was found, e.g. `/media/kiosk/STICK/science-2026`, so staff recognise the stick. */
  location: z.string(),
  status: z.enum(['ready', 'installed', 'refused']),
  packId: Slug.optional(),
  channel: Slug.optional(),
  version: z.number().int().positive().optional(),
  kind: z.enum(['full', 'delta']).optional(),
  files: z.number().int().nonnegative().optional(),
  bytes: z.number().nonnegative().optional(),
  /** Why it cannot be imported (`refused`) or why it need not be (`installed`: same or newer version). */
  problem: ImportFailure.optional(),
});
export type DetectedPack = z.infer<typeof DetectedPack>;

export const ImportProgress = z.object({
  packId: z.string(),
  phase: z.enum(['verifying', 'checking-space', 'copying', 'switching', 'cleaning', 'done']),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  filesDone: z.number().int().nonnegative(),
  filesTotal: z.number().int().nonnegative(),
  secondsLeft: z.number().nonnegative().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ImportOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    source: z.string(),
    packId: Slug,
    version: z.number().int().positive(),
    filesCopied: z.number().int().nonnegative(),
    bytesCopied: z.number().nonnegative(),
  }),
  z.object({ ok: z.literal(false), source: z.string(), error: ImportFailure }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;
