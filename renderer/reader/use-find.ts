/**
 * Find in document: reads the pages' text one at a time from the page on screen onwards (see
 * `searchOrder`), keeps only where the matches are (page and offsets in the page's text) and lets
 * each page's text go once it is searched, so a 2,415-page manual holds a list of numbers, not
 * its text. The search shows how far it has come, can be stopped, and shows the first match as
 * soon as it is found.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useRef, useState } from 'react';
import { searchOrder } from './find-order.ts';
import { findMatches, pageText, type TextRun } from './find-text.ts';

export interface Hit {
  page: number;
  start: number;
  end: number;
}

export interface FindState {
  query: string;
  /** In the order found: from the start page to the end, then from page 1. */
  hits: Hit[];
  /** Which hit is current, -1 before the first. */
  index: number;
  /** Pages searched so far. */
  searched: number;
  /** The page being read while the search runs. */
  page: number;
  status: 'idle' | 'running' | 'stopped' | 'done';
}

/** A match on the page on screen, in offsets of `pageText` of that page's text runs. */
export interface PageHit {
  start: number;
  end: number;
  current: boolean;
}

const idle: FindState = { query: '', hits: [], index: -1, searched: 0, page: 0, status: 'idle' };

/** Pages whose text is asked for at once: the worker reads one after another without waiting for each answer. */
const pagesAhead = 4;
/** How often progress reaches the screen; every page would re-render the reader 2,415 times. */
const progressMs = 150;

/** The text runs of page `number`, read without keeping the page or its text. */
async function pageRuns(doc: PDFDocumentProxy, number: number): Promise<TextRun[]> {
  const content = await (await doc.getPage(number)).getTextContent();
  return content.items.filter((item): item is TextRun & typeof item => 'str' in item);
}

export function useFind(doc: PDFDocumentProxy, onGo: (page: number) => void) {
  const pageCount = doc.numPages;
  const [state, setState] = useState<FindState>(idle);
  const generation = useRef(0);
  // A search still running when the reader closes stops at its next page instead of reading the rest.
  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const search = useCallback(
    async (query: string, fromPage: number) => {
      const run = ++generation.current;
      if (query.trim() === '') {
        setState(idle);
        return;
      }
      let shown: FindState = { query, hits: [], index: -1, searched: 0, page: fromPage, status: 'running' };
      setState(shown);
      const hits: Hit[] = [];
      let searched = 0;
      let lastShown = performance.now();
      const order = searchOrder(fromPage, pageCount);
      const pending: { page: number; runs: Promise<TextRun[] | undefined> }[] = [];
      const ask = () => {
        const next = order.next();
        // A page whose text cannot be read has no matches; the search goes on.
        if (!next.done) pending.push({ page: next.value, runs: pageRuns(doc, next.value).catch(() => undefined) });
      };
      for (let i = 0; i < pagesAhead; i++) ask();
      while (pending.length > 0) {
        const { page, runs: reading } = pending.shift()!;
        ask();
        const runs = await reading;
        if (run !== generation.current) return;
        searched++;
        const found = runs ? findMatches(pageText(runs).text, query).map((match) => ({ page, ...match })) : [];
        hits.push(...found);
        const first = shown.index < 0 && hits.length > 0;
        if (first || found.length > 0 || performance.now() - lastShown >= progressMs) {
          lastShown = performance.now();
          shown = { ...shown, hits: [...hits], index: first ? 0 : shown.index, searched, page };
          setState((old) => ({ ...shown, index: first ? 0 : old.index }));
          if (first) onGo(page);
        }
      }
      setState((old) => ({ ...old, hits, searched, page: fromPage, status: 'done' }));
    },
    [doc, pageCount, onGo],
  );

  const stop = useCallback(() => {
    generation.current++;
    setState((old) => (old.status === 'running' ? { ...old, status: 'stopped' } : old));
  }, []);

  const step = useCallback(
    (delta: 1 | -1) => {
      if (state.hits.length === 0) return;
      const index = (state.index + delta + state.hits.length) % state.hits.length;
      setState({ ...state, index });
      onGo(state.hits[index]!.page);
    },
    [state, onGo],
  );

  /** The matches on `page`, the current one marked. */
  const hitsOn = useCallback(
    (page: number): PageHit[] =>
      state.hits.flatMap((hit, index) =>
        hit.page === page ? [{ start: hit.start, end: hit.end, current: index === state.index }] : [],
      ),
    [state],
  );

  return { state, search, stop, step, hitsOn };
}
