/**
 * The visitor's text size: three steps for readers who need large print (the kiosk forbids pinch zoom of
 * the whole screen, so it offers its own). Part of the visit: the next person starts at the normal size.
 */

export const textSizes = ['normal', 'large', 'largest'] as const;
export type TextSize = (typeof textSizes)[number];

/** How much each step scales the interface's root font size, and with it every rem of the layout. */
const scales: Record<TextSize, number> = { normal: 1, large: 1.2, largest: 1.4 };

export function textScale(size: TextSize): number {
  return scales[size];
}

/** The root element's settings for a size: a scale the stylesheet multiplies its root font size by. */
export function applyTextSize(root: HTMLElement, size: TextSize): void {
  root.dataset.textSize = size;
  root.style.setProperty('--text-scale', String(textScale(size)));
}

export function clearTextSize(root: HTMLElement): void {
  delete root.dataset.textSize;
  root.style.removeProperty('--text-scale');
}
