/**
 * Draws a document's pages onto canvases and keeps them for quick page turns, within a budget of
 * total pixels: when it is passed, the pages farthest from the one on screen are released (their
 * canvases shrunk to nothing, their PDF.js resources cleaned up).
 */
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { pagesToRelease } from './canvas-budget.ts';

export interface DrawnPage {
  readonly page: number;
  readonly canvas: HTMLCanvasElement;
  /** Device pixels per PDF point. */
  readonly scale: number;
  /** Settles true once drawn, false when drawing was cancelled or failed. */
  readonly ready: Promise<boolean>;
  done: boolean;
}

interface Entry extends DrawnPage {
  task: RenderTask | undefined;
}

export class PageCanvases {
  readonly #doc: PDFDocumentProxy;
  readonly #pixelCap: number;
  readonly #pages = new Map<number, Promise<PDFPageProxy>>();
  readonly #drawn = new Map<number, Entry>();
  #destroyed = false;

  constructor(doc: PDFDocumentProxy, pixelCap: number) {
    this.#doc = doc;
    this.#pixelCap = pixelCap;
  }

  page(number: number): Promise<PDFPageProxy> {
    let page = this.#pages.get(number);
    if (!page) {
      page = this.#doc.getPage(number);
      this.#pages.set(number, page);
      page.catch(() => this.#pages.delete(number));
    }
    return page;
  }

  /** The drawn page if one exists at about `scale`, without starting any drawing. */
  existing(number: number, scale: number): DrawnPage | undefined {
    const entry = this.#drawn.get(number);
    return entry && Math.abs(entry.scale - scale) / scale < 0.01 ? entry : undefined;
  }

  /** Page `number` drawn at `scale` device pixels per point; a drawing at that scale is reused. */
  draw(number: number, scale: number): DrawnPage {
    const existing = this.existing(number, scale);
    if (existing) return existing;
    const previous = this.#drawn.get(number);
    const canvas = document.createElement('canvas');
    const entry: Entry = {
      page: number,
      canvas,
      scale,
      task: undefined,
      done: false,
      ready: Promise.resolve(false),
    };
    const ready = this.page(number).then(
      async (page) => {
        if (this.#destroyed || this.#drawn.get(number) !== entry) return false;
        const viewport = page.getViewport({ scale });
        canvas.width = Math.max(1, Math.floor(viewport.width));
        canvas.height = Math.max(1, Math.floor(viewport.height));
        entry.task = page.render({ canvas, viewport });
        await entry.task.promise;
        entry.task = undefined;
        entry.done = true;
        return true;
      },
      () => false,
    );
    (entry as { ready: Promise<boolean> }).ready = ready.catch(() => false);
    this.#drawn.set(number, entry);
    // The earlier drawing stays on screen, scaled by CSS, until the sharper one is ready.
    if (previous) void entry.ready.then(() => freeCanvas(previous));
    return entry;
  }

  /** Releases canvases far from `current` until the total is within the pixel cap. */
  trim(current: number): void {
    const held = [...this.#drawn.values()].map((entry) => ({
      page: entry.page,
      pixels: entry.canvas.width * entry.canvas.height,
    }));
    for (const page of pagesToRelease(held, current, this.#pixelCap)) this.release(page);
  }

  release(number: number): void {
    const entry = this.#drawn.get(number);
    if (!entry) return;
    this.#drawn.delete(number);
    freeCanvas(entry);
    void this.#pages.get(number)?.then((page) => page.cleanup());
  }

  /** Total device pixels of the canvases held now (for the memory budget and its tests). */
  heldPixels(): number {
    let total = 0;
    for (const entry of this.#drawn.values()) total += entry.canvas.width * entry.canvas.height;
    return total;
  }

  destroy(): void {
    this.#destroyed = true;
    for (const number of [...this.#drawn.keys()]) this.release(number);
  }
}

function freeCanvas(entry: Entry): void {
  entry.task?.cancel();
  entry.task = undefined;
  // A zero-sized canvas gives its backing store back at once, before garbage collection.
  entry.canvas.width = 0;
  entry.canvas.height = 0;
  entry.canvas.remove();
}
