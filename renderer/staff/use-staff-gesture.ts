/**
 * Listens for the staff gesture anywhere in the kiosk without covering the corner: taps still reach what
 * is there — except on the attract screen (`quietCorner`), where the first tap would start a visit and
 * count staff going to work as a visitor.
 */
import { useEffect, useRef } from 'react';
import { addCornerTap, inStaffCorner } from './staff-gesture.ts';

export function useStaffGesture(onGesture: () => void, quietCorner: boolean): void {
  // Kept across renders: a screen that redraws between two taps (the attract screen's boards, say) must not
  // make staff start the gesture again.
  const taps = useRef<number[]>([]);
  const heard = useRef(onGesture);
  useEffect(() => {
    heard.current = onGesture;
  }, [onGesture]);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!inStaffCorner(event.clientX, event.clientY, window.innerHeight)) {
        taps.current = [];
        return;
      }
      const next = addCornerTap(taps.current, performance.now());
      taps.current = next.taps;
      if (next.complete) heard.current();
    };
    const onClick = (event: MouseEvent) => {
      if (quietCorner && inStaffCorner(event.clientX, event.clientY, window.innerHeight)) event.stopPropagation();
    };
    window.addEventListener('pointerdown', onPointerDown, { capture: true });
    window.addEventListener('click', onClick, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, { capture: true });
      window.removeEventListener('click', onClick, { capture: true });
    };
  }, [quietCorner]);
}
