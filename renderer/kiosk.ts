/** The renderer's one handle on the kiosk service, whichever host injected the bridge. */
import { createKioskClient } from '../preload/contract/client.ts';
import type { KioskBridge } from '../preload/contract/envelope.ts';

declare global {
  interface Window {
    readonly kioskBridge: KioskBridge;
  }
}

export const kiosk = createKioskClient(window.kioskBridge);
