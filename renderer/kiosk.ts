/** The renderer's one handle on the kiosk service, whichever host injected the bridge. */
import { createKioskClient } from '../preload/contract/client.ts';
import type { KioskBridge } from '../preload/contract/envelope.ts';

declare global {
  interface Window {
    readonly kioskBridge: KioskBridge;
  }
}

// The bridge is looked up at each use, not at import, so modules that import this one (the visit, the
// stats reports) can be loaded where there is no page, as the unit tests load them.
export const kiosk = createKioskClient({
  invoke: (name, request) => window.kioskBridge.invoke(name, request),
  subscribe: (listener) => window.kioskBridge.subscribe(listener),
});
