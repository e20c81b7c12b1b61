/**
 * The complete state of one pack as the kiosk records it: what the import pipeline makes of a
 * verified manifest (`import/pack-record.ts`) and what the catalog installs and gives back as the
 * base for a delta. Plain JSON-able objects, so they cross worker threads as they are.
 */
import type { DocumentType, ItemFile, ItemKind } from '../../preload/contract/catalog.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';

/** A file's part in its item: what the renderer is shown (`ItemFile`), or a PDF's page text, which only the catalog reads. */
export type FileRole = ItemFile['role'] | 'page-text';

/** A file a pack carries, named by its SHA-256 (the content store's name for it). */
export interface PackFile {
  sha256: string;
  size: number;
  mediaType: string;
}

export interface PackItemText {
  title: string;
  summary: string;
  /** The full text the publisher extracted (a PDF's text, an article's body); searched, never shown. */
  body?: string;
}

export interface PackItem {
  id: string;
  kind: ItemKind;
  /** When the publisher added it (ISO 8601, stored in UTC); when it reached this kiosk is the catalog's own record. */
  addedAt: string;
  subjects: string[];
  texts: Partial<Record<ContentLanguage, PackItemText>>;
  /** Absent means none. Every hash must be listed in the pack's `files`. */
  files?: { role: FileRole; hash: string; language?: ContentLanguage; pages?: number; pageStarts?: number[] }[];
  pages?: number;
  durationSeconds?: number;
  /** Shown first on the attract screen; absent means not featured. */
  featured?: boolean;
  /** What a PDF is, when its publisher said so. */
  documentType?: DocumentType;
}

/** Deltas are resolved by the importer before the catalog sees a record: it replaces the pack's rows with this. */
export interface PackRecord {
  id: string;
  channel: string;
  version: number;
  subjects: { id: string; names: Partial<Record<ContentLanguage, string>> }[];
  /** Every file the pack's items use. Absent means none. */
  files?: PackFile[];
  items: PackItem[];
}

/** A pack as the catalog lists it: which version is installed, and when it was. */
export interface InstalledPack {
  id: string;
  channel: string;
  version: number;
  installedAt: string;
}

/** An installed pack as staff see it in the collection: how much it holds and how much room it takes. */
export interface PackSummary extends InstalledPack {
  itemCount: number;
  /** Bytes of the files its items use; a file two packs share counts in both. */
  bytes: number;
}
