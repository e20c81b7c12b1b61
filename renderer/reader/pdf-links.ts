/**
 * Links inside a PDF, made safe for a kiosk: a link to another page becomes a jump, a link to the
 * web becomes an address to show, and nothing ever navigates the kiosk or opens a window.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

export type LinkTarget = { kind: 'page'; page: number } | { kind: 'web'; url: string };

export interface PageLink {
  /** [x1, y1, x2, y2] in PDF user space. */
  rect: [number, number, number, number];
  target: LinkTarget;
}

interface LinkAnnotation {
  subtype?: string;
  rect?: number[];
  url?: string;
  unsafeUrl?: string;
  dest?: unknown;
  action?: string;
}

const namedActions: Record<string, (current: number, count: number) => number> = {
  NextPage: (current) => current + 1,
  PrevPage: (current) => current - 1,
  FirstPage: () => 1,
  LastPage: (_current, count) => count,
};

/** The page a destination (a name or an explicit array) points to, or undefined when it points nowhere. */
export async function destinationPage(doc: PDFDocumentProxy, dest: unknown): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
    const [ref] = explicit as unknown[];
    if (typeof ref === 'number') return ref + 1;
    if (ref && typeof ref === 'object' && 'num' in ref && 'gen' in ref) {
      return (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
    }
  } catch {
    // A broken destination is a dead link, not a broken reader.
  }
  return undefined;
}

/** The links on `page`, with every target resolved. */
export async function pageLinks(doc: PDFDocumentProxy, page: PDFPageProxy): Promise<PageLink[]> {
  const annotations = (await page.getAnnotations({ intent: 'display' })) as LinkAnnotation[];
  const links: PageLink[] = [];
  for (const annotation of annotations) {
    if (annotation.subtype !== 'Link' || annotation.rect?.length !== 4) continue;
    const rect = annotation.rect as [number, number, number, number];
    const url = annotation.url ?? annotation.unsafeUrl;
    if (url) {
      links.push({ rect, target: { kind: 'web', url } });
      continue;
    }
    let target: number | undefined;
    if (annotation.dest !== undefined && annotation.dest !== null) target = await destinationPage(doc, annotation.dest);
    else if (annotation.action && namedActions[annotation.action])
      target = namedActions[annotation.action]!(page.pageNumber, doc.numPages);
    if (target !== undefined && target >= 1 && target <= doc.numPages)
      links.push({ rect, target: { kind: 'page', page: target } });
  }
  return links;
}
