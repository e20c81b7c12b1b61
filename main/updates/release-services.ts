/** What the app updater needs of the kiosk's services, built by the composition root (`main/services.ts`). */
import type { AppUpdate } from '../../preload/contract/updates.ts';
import type { KioskLog } from '../log/kiosk-log.ts';
import type { TrustStore } from '../packs/trust-store.ts';

export interface ReleaseServices {
  /** The content feed's address from the venue settings; releases live beside it. Empty: no network updates. */
  feedUrl(): string;
  /** Seconds without a touch after which the screens end a visit (venue settings). */
  idleSeconds(): number;
  trust(): Promise<TrustStore>;
  /** The kiosk's venue id: stable for the kiosk's life, so its rollout bucket is too. */
  kioskId(): Promise<string>;
  /** An import or removal is changing the collection; installing now would cut it off. */
  importRunning(): boolean;
  log: Pick<KioskLog, 'write'>;
  /**
   * Closes every service before the installer runs: electron-updater installs and then quits without the
   * 'window-all-closed' that closes them otherwise.
   */
  closeForInstall(): Promise<void>;
  /** What the updater holds for staff's Updates screen: a downloaded version and what it waits for, or none. */
  report(update: AppUpdate | null): void;
}
