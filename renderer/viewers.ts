/**
 * The viewer registry: how each kind of item opens. A capability that brings a viewer exports it
 * from its folder and adds one line here; the item page asks nothing else.
 */
import type { ComponentType } from 'react';
import type { ItemDetail, ItemKind } from '../preload/contract/catalog.ts';
import type { MessageKey } from './messages.ts';
import { quizViewer } from './quiz/quiz-viewer.tsx';
import { pdfViewer } from './reader/pdf-viewer.tsx';
import { videoViewer } from './video/video-viewer.tsx';

export interface Viewer {
  /** The words on the item page's open button. */
  action: MessageKey;
  /** Whether the item has what this viewer shows (a main file of a type it plays). */
  canOpen(item: ItemDetail): boolean;
  View: ComponentType<{ item: ItemDetail; onClose: () => void }>;
}

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
