/**
 * Where a narration is in its document: the page being read at a moment, the moment a page starts, and which of an
 * item's narrations goes with the PDF on screen. Pure, so the reader's page-following is tested without audio.
 */
import type { ItemDetail, ItemFile } from '../../preload/contract/catalog.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';

export interface Narration {
  /** The audio's URL under the kiosk's own origin. */
  src: string;
  language: ContentLanguage;
  /** Entry n is the second at which page n + 1 starts; page 1 at 0, each after the one before. */
  pageStarts: readonly number[];
}

/** The page read at `seconds`: the last one started by then (page 1 before any). */
export function pageAt(pageStarts: readonly number[], seconds: number): number {
  let page = 1;
  for (let index = 1; index < pageStarts.length && pageStarts[index]! <= seconds; index++) page = index + 1;
  return page;
}

/** The second `page` starts at, or undefined for a page the narration does not read. */
export function startOf(pageStarts: readonly number[], page: number): number | undefined {
  return Number.isInteger(page) && page >= 1 ? pageStarts[page - 1] : undefined;
}

/**
 * The narration in the language of the PDF shown (`main`): never a voice in one language over a page in another.
 * A PDF without a language is taken to be in the language the item is shown in.
 */
export function narrationFor(item: ItemDetail, main: ItemFile | undefined): Narration | undefined {
  if (!main) return undefined;
  const language = main.language ?? item.language;
  const file = item.files.find((candidate) => candidate.role === 'narration' && candidate.language === language);
  if (!file?.pageStarts || file.pageStarts.length === 0) return undefined;
  return { src: file.url, language, pageStarts: file.pageStarts };
}
