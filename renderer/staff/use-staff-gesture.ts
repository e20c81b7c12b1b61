/** Listens for the staff gesture anywhere in the kiosk without covering the corner: taps still reach what is there. */
import { useEffect } from 'react';
import { addCornerTap, inStaffCorner } from './staff-gesture.ts';

export function useStaffGesture(onGesture: () => void): void {
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
    window.addEventListener('pointerdown', onPointerDown, { capture: true });
    return () => window.removeEventListener('pointerdown', onPointerDown, { capture: true });
  }, [onGesture]);
}
