/**
 * Find in document: searches every page's text in turn (text is read once per page and kept),
 * counts the matches and steps through them; the current page's matches become marks.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { findMatches, matchRects, pageText, type PageText, type PdfRect, type TextRun } from './find-text.ts';
import type { PageCanvases } from './page-canvases.ts';

export interface Hit {
  page: number;
  start: number;
  end: number;
}

export interface FindState {
  query: string;
  hits: Hit[];
  /** Which hit is current, -1 before the first. */
  index: number;
  /** Pages searched so far, while a search runs. */
  searched: number;
  running: boolean;
}

const idle: FindState = { query: '', hits: [], index: -1, searched: 0, running: false };

export function useFind(canvases: PageCanvases, pageCount: number, onGo: (page: number) => void) {
  const [state, setState] = useState<FindState>(idle);
  const texts = useRef(new Map<number, { runs: TextRun[]; text: PageText }>());
  const generation = useRef(0);
  // A search still running when the reader closes stops at its next page instead of reading the rest.
  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const textOf = useCallback(
    async (page: number) => {
      let text = texts.current.get(page);
      if (!text) {
        const content = await (await canvases.page(page)).getTextContent();
        const runs = content.items.filter((item): item is TextRun & typeof item => 'str' in item);
        text = { runs, text: pageText(runs) };
        texts.current.set(page, text);
      }
      return text;
    },
    [canvases],
  );

  const search = useCallback(
    async (query: string, fromPage: number) => {
      const run = ++generation.current;
      if (query.trim() === '') {
        setState(idle);
        return;
      }
      setState({ query, hits: [], index: -1, searched: 0, running: true });
      const hits: Hit[] = [];
      for (let page = 1; page <= pageCount; page++) {
        let found: Hit[] = [];
        try {
          const { text } = await textOf(page);
          found = findMatches(text.text, query).map((match) => ({ page, ...match }));
        } catch {
          // A page whose text cannot be read has no matches; the search goes on.
        }
        if (run !== generation.current) return;
        hits.push(...found);
        setState((old) => ({ ...old, hits: [...hits], searched: page }));
      }
      const first = hits.findIndex((hit) => hit.page >= fromPage);
      const index = hits.length === 0 ? -1 : first >= 0 ? first : 0;
      setState({ query, hits, index, searched: pageCount, running: false });
      if (index >= 0) onGo(hits[index]!.page);
    },
    [pageCount, textOf, onGo],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      if (state.hits.length === 0) return;
      const index = (state.index + delta + state.hits.length) % state.hits.length;
      setState({ ...state, index });
      onGo(state.hits[index]!.page);
    },
    [state, onGo],
  );

  const clear = useCallback(() => {
    generation.current++;
    setState(idle);
  }, []);

  /** The marks for `page`: every match on it, the current one distinguished. */
  const marksOn = useCallback(
    (page: number): { rect: PdfRect; current: boolean }[] => {
      const text = texts.current.get(page);
      if (!text) return [];
      return state.hits.flatMap((hit, index) =>
        hit.page === page
          ? matchRects(text.runs, text.text, hit).map((rect) => ({ rect, current: index === state.index }))
          : [],
      );
    },
    [state],
  );

  return { state, search, step, clear, marksOn };
}
