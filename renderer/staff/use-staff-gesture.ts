/**
 * Listens for the staff gesture anywhere in the kiosk without covering the corner: taps still reach what
 * is there — except on the attract screen (`quietCorner`), where the first tap would start a visit and
 * count staff going to work as a visitor.
 */
import { useEffect } from 'react';
import { addCornerTap, inStaffCorner } from './staff-gesture.ts';

export function useStaffGesture(onGesture: () => void, quietCorner: boolean): void {
  useEffect(() => {
    let taps: number[] = [];
    const onPointerDown = (event: PointerEvent) => {
      if (!inStaffCorner(event.clientX, event.clientY, window.innerHeight)) {
        taps = [];
        return;
      }
      const next = addCornerTap(taps, performance.now());
      taps = next.taps;
      if (next.complete) onGesture();
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
  }, [onGesture, quietCorner]);
}
