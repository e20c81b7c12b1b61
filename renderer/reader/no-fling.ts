/**
 * Keeps Chromium from taking a fast swipe on the page for a fling. `touch-action: none` stops the
 * scroll but not the fling recognition, and Chromium swallows the click of the next tap as the tap
 * that "stops the fling" — so a reader button tapped right after a swipe got pointerdown and
 * pointerup but no click. A cancelled touchmove makes the whole touch sequence the page's own, so
 * no scroll gesture and no fling is made of it. Pointer events (the gestures) are not affected.
 */
import { useEffect, type RefObject } from 'react';

export function useNoFling(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const cancel = (event: TouchEvent) => {
      if (event.cancelable) event.preventDefault();
    };
    element.addEventListener('touchmove', cancel, { passive: false });
    return () => element.removeEventListener('touchmove', cancel);
  }, [ref]);
}
