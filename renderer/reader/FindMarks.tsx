/**
 * The marks of find's matches on the page on screen, placed on the glyphs: the page's text is laid
 * out by PDF.js's own text layer (transparent, each run stretched to its width in the PDF), and
 * each mark covers the layout boxes of its characters there. Placing a match by its share of the
 * run's characters put it half a letter off wherever letters differ in width (titles in capitals).
 */
import type { PageViewport } from 'pdfjs-dist';
import { useEffect, useMemo, useRef, useState } from 'react';
import { pageText, runOffset, type PageText, type TextRun } from './find-text.ts';
import type { PageCanvases } from './page-canvases.ts';
import type { PageHit } from './use-find.ts';

/** The page's text laid out for one viewport: a span per text run (PDF.js keeps them in the runs' order). */
interface Laid {
  viewport: PageViewport;
  spans: readonly HTMLElement[];
  lengths: number[];
  text: PageText;
}

export function FindMarks({
  canvases,
  pageNumber,
  viewport,
  hits,
}: {
  canvases: PageCanvases;
  pageNumber: number;
  viewport: PageViewport;
  hits: PageHit[];
}) {
  const layerRef = useRef<HTMLDivElement>(null);
  const marksRef = useRef<HTMLDivElement>(null);
  const [laid, setLaid] = useState<Laid | undefined>();

  useEffect(() => {
    const layer = layerRef.current!;
    let current = true;
    let textLayer: import('pdfjs-dist').TextLayer | undefined;
    void (async () => {
      const [{ TextLayer }, page] = await Promise.all([import('pdfjs-dist'), canvases.page(pageNumber)]);
      const content = await page.getTextContent();
      if (!current) return;
      const runs = content.items.filter((item): item is TextRun & typeof item => 'str' in item);
      layer.replaceChildren();
      layer.style.setProperty('--total-scale-factor', String(viewport.scale));
      textLayer = new TextLayer({ textContentSource: content, container: layer, viewport });
      await textLayer.render();
      if (!current) return;
      setLaid({
        viewport,
        spans: textLayer.textDivs,
        lengths: runs.map((run) => run.str.length),
        text: pageText(runs),
      });
    })().catch(() => undefined);
    return () => {
      current = false;
      textLayer?.cancel();
    };
  }, [canvases, pageNumber, viewport]);

  // The hits arrive as a new array on every render of the reader; they change far less often.
  const hitsKey = hits.map((hit) => `${hit.start}-${hit.end}-${hit.current}`).join(' ');
  const stableHits = useMemo(() => hits, [hitsKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The marks are drawn straight into their layer: where they go is only known once the text is laid out.
  useEffect(() => {
    const layer = layerRef.current!;
    const container = marksRef.current!;
    container.replaceChildren();
    if (!laid || laid.viewport !== viewport) return;
    const origin = layer.getBoundingClientRect();
    // The sheet may be scaled (a pinch in progress): marks are placed in its own pixels.
    const scale = origin.width / (layer.offsetWidth || origin.width) || 1;
    const textOf = (run: number) => laid.spans[run]?.firstChild;
    for (const hit of stableHits) {
      const from = runOffset(laid.text, laid.lengths, hit.start, 'start');
      const to = runOffset(laid.text, laid.lengths, hit.end, 'end');
      const start = from && textOf(from.run);
      const end = to && textOf(to.run);
      if (!from || !to || !start || !end) continue;
      const range = document.createRange();
      range.setStart(start, from.offset);
      range.setEnd(end, to.offset);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0) continue;
        const mark = document.createElement('span');
        mark.className = hit.current ? 'reader-mark current' : 'reader-mark';
        mark.dataset['testid'] = 'reader-mark';
        mark.style.left = `${(rect.left - origin.left) / scale}px`;
        mark.style.top = `${(rect.top - origin.top) / scale}px`;
        mark.style.width = `${rect.width / scale}px`;
        mark.style.height = `${rect.height / scale}px`;
        container.append(mark);
      }
    }
  }, [laid, viewport, stableHits]);

  return (
    <>
      <div ref={layerRef} className="reader-text-layer" aria-hidden="true" data-testid="reader-text-layer" />
      <div ref={marksRef} className="reader-marks" />
    </>
  );
}
