/**
 * The schema of a content pack's manifest.json: what a pack claims to contain, signed by the publisher.
 * Strict on purpose: an unknown field, an oversized list or a dangling reference is a malformed manifest.
 */
import { z } from 'zod';
import { DocumentType, ItemKind } from '../../preload/contract/catalog.ts';
import { ContentHash, ContentLanguage, Slug } from '../../preload/contract/schemas.ts';

export const MANIFEST_FORMAT = 1;

/** Manifests larger than this are refused before parsing: a pack cannot make a kiosk read endless data. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export const MAX_ITEMS = 5_000;
export const MAX_FILES = 20_000;
export const MAX_SUBJECTS = 200;
export const MAX_TITLE_LENGTH = 300;
export const MAX_SUMMARY_LENGTH = 2_000;
/** Extracted full text of one item in one language; longer text is cut by the publisher, not refused here. */
export const MAX_BODY_LENGTH = 400_000;
export const MAX_ITEM_SUBJECTS = 20;
export const MAX_ITEM_FILES = 50;
export const MAX_PAGES = 100_000;
export const MAX_DURATION_SECONDS = 1_000_000;
export const MAX_FILE_SIZE = 8 * 1024 * 1024 * 1024;

/** Above any version a publisher will reach: one pack at 2^53 would otherwise block every later version. */
export const MAX_VERSION = 2 ** 31 - 1;

// Titles and summaries are plain text shown as text: markup is kept verbatim, control characters are not,
// nor bidi overrides and isolates, which could make a title read differently from what it says.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !controlCharacters.test(text), 'must not contain control characters');

const Timestamp = z.iso.datetime({ offset: true });

export const SubjectEntry = z.strictObject({
  id: Slug,
  names: z.partialRecord(ContentLanguage, plainText(120).pipe(z.string().min(1))),
});
export type SubjectEntry = z.infer<typeof SubjectEntry>;

export const ItemText = z.strictObject({
  title: plainText(MAX_TITLE_LENGTH).pipe(z.string().min(1)),
  summary: plainText(MAX_SUMMARY_LENGTH),
  /** The item's full text (a PDF's extracted text, an article's body), so kiosks index without parsing files. */
  body: z.string().max(MAX_BODY_LENGTH),
});
export type ItemText = z.infer<typeof ItemText>;

/**
 * `page-text`: a PDF's whole text, page by page (`page-text.ts`), in the language of the main file it was read
 * from, so kiosks index all of it and a search can name the page. Never shown as a file.
 */
export const FileRole = z.enum(['main', 'cover', 'subtitles', 'attachment', 'narration', 'page-text']);
export type FileRole = z.infer<typeof FileRole>;

/** The media types a `narration` file may have: audio Chromium plays without proprietary codecs. */
export const NARRATION_MEDIA_TYPES: readonly string[] = ['audio/wav', 'audio/ogg'];

/**
 * When each page starts in a narration, in seconds from its start: entry n is page n + 1. The first page starts
 * at 0 and every page after the one before it, so the reader can always tell which page is being read.
 */
export const PageStarts = z
  .array(z.number().nonnegative().max(MAX_DURATION_SECONDS))
  .min(1)
  .max(MAX_PAGES)
  .superRefine((starts, ctx) => {
    if (starts.length > 0 && starts[0] !== 0)
      ctx.addIssue({ code: 'custom', message: 'page 1 must start at 0 seconds', path: [0] });
    for (let index = 1; index < starts.length; index++) {
      if (starts[index]! <= starts[index - 1]!)
        ctx.addIssue({
          code: 'custom',
          message: `page ${index + 1} must start after page ${index} (${starts[index - 1]} s), not at ${starts[index]} s`,
          path: [index],
        });
    }
  });

export const ItemFileRef = z
  .strictObject({
    role: FileRole,
    hash: ContentHash,
    /** The language of this file when it has one (subtitles, a PDF written in one language, a narration). */
    language: ContentLanguage.optional(),
    /**
     * Pages of this file, for a PDF: each language version has its own length (a vertical Mongolian leaflet
     * may be one page where the English one is two). Absent in packs made before it; the item's `pages` is then
     * the first PDF's.
     */
    pages: z.number().int().positive().max(MAX_PAGES).optional(),
    /** A narration's page marks (and only a narration's): see `PageStarts`. */
    pageStarts: PageStarts.optional(),
  })
  .superRefine((file, ctx) => {
    if (file.role !== 'narration') {
      if (file.pageStarts !== undefined)
        ctx.addIssue({ code: 'custom', message: 'only a narration has pageStarts', path: ['pageStarts'] });
      return;
    }
    if (file.language === undefined)
      ctx.addIssue({ code: 'custom', message: 'a narration needs its language', path: ['language'] });
    if (file.pageStarts === undefined)
      ctx.addIssue({ code: 'custom', message: 'a narration needs pageStarts', path: ['pageStarts'] });
  });
export type ItemFileRef = z.infer<typeof ItemFileRef>;

export const ManifestItem = z.strictObject({
  id: Slug,
  kind: ItemKind,
  addedAt: Timestamp,
  subjects: z.array(Slug).min(1).max(MAX_ITEM_SUBJECTS),
  texts: z
    .partialRecord(ContentLanguage, ItemText)
    .refine((texts) => Object.keys(texts).length > 0, 'an item needs a text in at least one language'),
  files: z.array(ItemFileRef).max(MAX_ITEM_FILES),
  pages: z.number().int().positive().max(MAX_PAGES).optional(),
  durationSeconds: z.number().nonnegative().max(MAX_DURATION_SECONDS).optional(),
  /** Shown first on the attract screen. Publishers write it only when true; absent means not featured. */
  featured: z.boolean().optional(),
  /** What a PDF is, for its label; absent (as in packs made before labels), the kiosk guesses from `pages`. */
  documentType: DocumentType.optional(),
});
export type ManifestItem = z.infer<typeof ManifestItem>;

export const MediaType = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'a media type such as application/pdf');

export const FileEntry = z.strictObject({
  sha256: ContentHash,
  size: z.number().int().nonnegative().max(MAX_FILE_SIZE),
  mediaType: MediaType,
});
export type FileEntry = z.infer<typeof FileEntry>;

const common = {
  format: z.literal(MANIFEST_FORMAT),
  id: Slug,
  channel: Slug,
  /** Only grows: a kiosk refuses a pack whose version is not above the one it has installed. */
  version: z.number().int().positive().max(MAX_VERSION),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  keyId: Slug,
  /** Every subject of the collection after this pack is applied (deltas too: the list is small). */
  subjects: z.array(SubjectEntry).max(MAX_SUBJECTS),
  /** The files this pack carries in files/<sha256>. */
  files: z.array(FileEntry).max(MAX_FILES),
};

export const FullManifest = z.strictObject({
  ...common,
  kind: z.literal('full'),
  items: z.array(ManifestItem).max(MAX_ITEMS),
});
export type FullManifest = z.infer<typeof FullManifest>;

export const DeltaChanges = z.strictObject({
  addItems: z.array(ManifestItem).max(MAX_ITEMS),
  replaceItems: z.array(ManifestItem).max(MAX_ITEMS),
  removeItems: z.array(Slug).max(MAX_ITEMS),
  /** Files of the base version no item needs any more. */
  removeFiles: z.array(ContentHash).max(MAX_FILES),
});
export type DeltaChanges = z.infer<typeof DeltaChanges>;

/** Changes from `baseVersion` to `version`. Items may reference files of the base that this pack does not carry. */
export const DeltaManifest = z.strictObject({
  ...common,
  kind: z.literal('delta'),
  baseVersion: z.number().int().positive().max(MAX_VERSION),
  changes: DeltaChanges,
});
export type DeltaManifest = z.infer<typeof DeltaManifest>;

export const PackManifest = z.discriminatedUnion('kind', [FullManifest, DeltaManifest]).superRefine((manifest, ctx) => {
  const issue = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path });
  if (Date.parse(manifest.expiresAt) <= Date.parse(manifest.createdAt)) {
    issue('expiresAt must be after createdAt', ['expiresAt']);
  }
  if (manifest.kind === 'delta' && manifest.baseVersion >= manifest.version) {
    issue('baseVersion must be below version', ['baseVersion']);
  }
  const subjectIds = duplicates(
    manifest.subjects.map((subject) => subject.id),
    (id, index) => issue(`subject "${id}" is listed twice`, ['subjects', index]),
  );
  const carried = duplicates(
    manifest.files.map((file) => file.sha256),
    (hash, index) => issue(`file ${hash} is listed twice`, ['files', index]),
  );
  const mediaTypes = new Map(manifest.files.map((file) => [file.sha256, file.mediaType]));
  const items = manifestItems(manifest);
  duplicates(
    items.map((item) => item.id),
    (id, index) => issue(`item "${id}" is listed twice`, ['items', index]),
  );
  items.forEach((item, index) => {
    for (const subject of item.subjects) {
      if (!subjectIds.has(subject)) issue(`item "${item.id}" names unknown subject "${subject}"`, ['items', index]);
    }
    if (item.documentType !== undefined && item.kind !== 'pdf')
      issue(`item "${item.id}" is a ${item.kind}, and only a pdf has a documentType`, ['items', index]);
    checkNarrations(item, mediaTypes, (message) => issue(`item "${item.id}" ${message}`, ['items', index]));
    const pageTexts = item.files.filter((file) => file.role === 'page-text');
    if (pageTexts.length > 0 && item.kind !== 'pdf')
      issue(`item "${item.id}" is a ${item.kind}, and only a pdf has page text`, ['items', index]);
    duplicates(
      pageTexts.map((file) => file.language ?? ''),
      (language) => issue(`item "${item.id}" has page text in ${language || 'no language'} twice`, ['items', index]),
    );
    for (const file of pageTexts) {
      if (file.language === undefined) issue(`item "${item.id}" has page text without a language`, ['items', index]);
      else if (!(file.language in item.texts))
        issue(`item "${item.id}" has page text in ${file.language}, a language it has no text in`, ['items', index]);
    }
    // A delta's items may use files the base version already installed; a full pack must carry them all.
    if (manifest.kind === 'full') {
      for (const file of item.files) {
        if (!carried.has(file.hash))
          issue(`item "${item.id}" uses file ${file.hash} the pack does not list`, ['items', index]);
      }
    }
  });
  if (manifest.kind === 'delta') {
    const changed = new Set(items.map((item) => item.id));
    for (const id of manifest.changes.removeItems) {
      if (changed.has(id)) issue(`item "${id}" is both removed and changed`, ['changes', 'removeItems']);
    }
  }
});
export type PackManifest = z.infer<typeof PackManifest>;

/** The items a manifest writes into the catalog: all of a full pack's, or a delta's added and replaced ones. */
export function manifestItems(manifest: FullManifest | DeltaManifest): ManifestItem[] {
  return manifest.kind === 'full' ? manifest.items : [...manifest.changes.addItems, ...manifest.changes.replaceItems];
}

/**
 * A narration belongs to a PDF, one per language, is audio the kiosk plays (when this pack carries it: a delta
 * may keep its base's file), and marks no more pages than the PDF has.
 */
function checkNarrations(
  item: ManifestItem,
  mediaTypes: ReadonlyMap<string, string>,
  issue: (message: string) => void,
): void {
  const languages = new Set<string>();
  for (const file of item.files) {
    if (file.role !== 'narration') continue;
    if (item.kind !== 'pdf') issue(`is a ${item.kind}, and only a pdf has a narration`);
    if (file.language !== undefined) {
      if (languages.has(file.language)) issue(`has two narrations in ${file.language}`);
      languages.add(file.language);
    }
    const mediaType = mediaTypes.get(file.hash);
    if (mediaType !== undefined && !NARRATION_MEDIA_TYPES.includes(mediaType))
      issue(`has a narration of type ${mediaType}, not ${NARRATION_MEDIA_TYPES.join(' or ')}`);
    const marked = file.pageStarts?.length ?? 0;
    if (item.pages !== undefined && marked > item.pages)
      issue(`has a narration marking ${marked} pages, but only ${item.pages} pages`);
  }
}

function duplicates(values: string[], report: (value: string, index: number) => void): Set<string> {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) report(value, index);
    seen.add(value);
  });
  return seen;
}
