/**
 * Page-synchronised listening: while the narration plays, the reader's page follows its marks; when the visitor
 * turns a page by hand, the narration goes to that page's start. Playing keeps the visit alive, as a video does,
 * and the audio stops with the reader (closed, or the visit ended), since it lives and dies with the component.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { pageAt, startOf, type Narration } from './narration-marks.ts';

export type ListenState = 'idle' | 'playing' | 'paused' | 'failed';

export interface NarrationControl {
  state: ListenState;
  /** The page on screen is one the narration reads (or it is playing): Listen has something to do. */
  canListen: boolean;
  /** Listen from the page on screen, pause, or go on. */
  toggle(): void;
  audio: RefObject<HTMLAudioElement | null>;
  /** Handlers for the `<audio>` element. */
  events: {
    onTimeUpdate(): void;
    onPlay(): void;
    onPause(): void;
    onEnded(): void;
    onError(): void;
  };
}

export function useNarration({
  narration,
  page,
  pageCount,
  go,
  stillHere,
}: {
  narration: Narration;
  /** The page on screen. */
  page: number;
  pageCount: number;
  /** Shows a page, as the reader's own turn does. */
  go(page: number): void;
  /** Tells the visit that someone is listening. */
  stillHere(): void;
}): NarrationControl {
  const audio = useRef<HTMLAudioElement>(null);
  const [state, setState] = useState<ListenState>('idle');
  // The page the narration is at: a page on screen that differs from it was turned by hand.
  const narrated = useRef(page);
  const { pageStarts } = narration;

  useEffect(() => {
    const element = audio.current;
    if (!element || page === narrated.current) return;
    narrated.current = page;
    const start = startOf(pageStarts, page);
    // A page the narration does not read: it stops there, and Listen starts it again from this page's start.
    if (start === undefined) element.pause();
    else element.currentTime = start;
  }, [page, pageStarts]);

  useEffect(
    () => () => {
      // Closing the reader (or ending the visit) stops the voice at once and lets the file go.
      const element = audio.current;
      if (!element) return;
      element.pause();
      element.removeAttribute('src');
      element.load();
    },
    [],
  );

  const toggle = useCallback(() => {
    const element = audio.current;
    if (!element) return;
    if (!element.paused) return element.pause();
    if (state === 'idle' || pageAt(pageStarts, element.currentTime) !== page) {
      const start = startOf(pageStarts, page);
      if (start === undefined) return;
      element.currentTime = start;
      narrated.current = page;
    }
    element.play().catch(() => setState('failed'));
  }, [state, page, pageStarts]);

  const events = {
    onTimeUpdate: () => {
      const element = audio.current;
      if (!element || element.paused) return;
      stillHere();
      const next = pageAt(pageStarts, element.currentTime);
      if (next !== narrated.current && next <= pageCount) {
        narrated.current = next;
        go(next);
      }
    },
    onPlay: () => setState('playing'),
    onPause: () => setState((old) => (old === 'failed' ? old : 'paused')),
    // Heard to the end: Listen starts again from the page on screen.
    onEnded: () => setState('idle'),
    onError: () => setState('failed'),
  };

  const canListen = state === 'playing' || startOf(pageStarts, page) !== undefined;
  return { state, canListen, toggle, audio, events };
}
