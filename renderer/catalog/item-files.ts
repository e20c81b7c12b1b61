/**
 * Which of an item's files to show: a document's language versions and the one that opens (the visitor's
 * choice, else their own language, else the catalog's next best), its length, and whether the visitor's own
 * language was missing; a lecture's spoken and subtitle languages. Pure, so the rules are unit-tested.
 */
import type { ItemDetail, ItemFile } from '../../preload/contract/catalog.ts';
import type { ContentLanguage, Locale } from '../../preload/contract/schemas.ts';
import { contentLanguageOf, contentLanguages } from './content-languages.ts';

/** The file of `role` in `language` (by default the language the item's title is shown in), else the first. */
export function fileFor(item: ItemDetail, role: ItemFile['role'], language?: ContentLanguage): ItemFile | undefined {
  const candidates = item.files.filter((file) => file.role === role);
  return (
    candidates.find((file) => file.language === (language ?? item.language)) ??
    (language === undefined ? undefined : candidates.find((file) => file.language === item.language)) ??
    candidates[0]
  );
}

/**
 * The languages of an item's files of `role`, each once, in the order the visitor would rather read them: the
 * catalog's order for this visitor (`item.languages`), then any other in the usual order.
 */
export function fileLanguages(item: ItemDetail, role: ItemFile['role']): ContentLanguage[] {
  const present = new Set(item.files.filter((file) => file.role === role).flatMap((file) => file.language ?? []));
  const order = [...item.languages, ...contentLanguages.filter((language) => !item.languages.includes(language))];
  return order.filter((language) => present.has(language));
}

export interface DocumentChoice {
  /** The language versions the visitor can choose among, in their order of preference; fewer than two: no choice. */
  languages: ContentLanguage[];
  /** The version that opens; undefined when the document's file names no language. */
  language: ContentLanguage | undefined;
  /** The file that opens, its cover the one shown. */
  file: ItemFile | undefined;
  /** Pages of the file that opens, when known: never another version's length. */
  pages: number | undefined;
  /** The visitor's own language has no version: which they read, and which is shown instead. */
  missing: { wanted: ContentLanguage; shown: ContentLanguage } | undefined;
}

/**
 * The language version of a document that opens for a visitor using `locale`: the one they chose, else their own
 * language's, else the one the catalog titled the item in (the next best for them), else their likeliest.
 */
export function documentChoice(item: ItemDetail, locale: Locale, chosen?: ContentLanguage): DocumentChoice {
  const mains = item.files.filter((file) => file.role === 'main');
  const languages = fileLanguages(item, 'main');
  const wanted = contentLanguageOf(locale);
  const language =
    [chosen, wanted, item.language].find(
      (candidate): candidate is ContentLanguage => candidate !== undefined && languages.includes(candidate),
    ) ?? languages[0];
  const file = (language && mains.find((main) => main.language === language)) || mains[0];
  // The item's own count is its first PDF's (packs made before files had counts): right only for that file.
  const pages = file?.pages ?? (file !== undefined && file === mains[0] ? item.pages : undefined);
  const missing = language !== undefined && !languages.includes(wanted) ? { wanted, shown: language } : undefined;
  return { languages, language, file, pages, missing };
}

/** What a lecture is spoken in (its video's language) and the languages of its subtitles. */
export function lectureLanguages(item: ItemDetail): {
  spoken: ContentLanguage | undefined;
  subtitles: ContentLanguage[];
} {
  return { spoken: fileFor(item, 'main')?.language, subtitles: fileLanguages(item, 'subtitles') };
}

/** The subtitles shown first: the visitor's language's, else those of the item's title, else the first. */
export function subtitlesFor(item: ItemDetail, locale: Locale): ItemFile | undefined {
  return fileFor(item, 'subtitles', contentLanguageOf(locale));
}
