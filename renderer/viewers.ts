/**
 * The viewer registry: how each kind of item opens. A capability that brings a viewer exports it
 * from its folder and adds one line here; the item page asks nothing else.
 */
import type { ComponentType } from 'react';
import type { ItemDetail, ItemKind } from '../preload/contract/catalog.ts';
import type { ContentLanguage } from '../preload/contract/schemas.ts';
import type { MessageKey } from './messages.ts';
import type { Screen } from './screens.ts';
import { quizViewer } from './quiz/quiz-viewer.tsx';
import { pdfViewer } from './reader/pdf-viewer.tsx';
import { videoViewer } from './video/video-viewer.tsx';

interface ViewerBase {
  /** The words on the item page's open button. */
  action: MessageKey;
  /** Whether the item has what this viewer shows (a main file of a type it plays). */
  canOpen(item: ItemDetail): boolean;
}

/**
 * Opens over the current screen. `page`: where a document opens, for a link into it (a quiz's "Read more");
 * `language`: which language version opens, as the visitor chose it on the item page (else the item's own).
 * `find`: words to find in it from that page on, in the file of its `language` when it has one (a search hit).
 */
export interface OverlayViewer extends ViewerBase {
  View: ComponentType<{
    item: ItemDetail;
    page?: number | undefined;
    language?: ContentLanguage | undefined;
    find?: { query: string; language?: ContentLanguage | undefined } | undefined;
    onClose: () => void;
  }>;
}

/** Opens as a screen of its own, under the top bar, so the visitor can change language while in it (a quiz). */
export interface ScreenViewer extends ViewerBase {
  screen(item: ItemDetail): Screen;
}

export type Viewer = OverlayViewer | ScreenViewer;

export const viewers: Partial<Record<ItemKind, Viewer>> = {
  pdf: pdfViewer,
  video: videoViewer,
  quiz: quizViewer,
};

/** The viewer that opens `item`, or undefined when this kiosk cannot open it. */
export function viewerFor(item: ItemDetail): Viewer | undefined {
  const viewer = viewers[item.kind];
  return viewer?.canOpen(item) ? viewer : undefined;
}
