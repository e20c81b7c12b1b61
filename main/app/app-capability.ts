/** The app capability: tells the renderer what it needs before each visit, the venue's settings included. */
import type { VenueSettings } from '../../preload/contract/settings.ts';
import type { Capability } from '../api/capability.ts';
import { ServiceError } from '../api/service-error.ts';
import type { KioskLog } from '../log/kiosk-log.ts';

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
}

export function appCapability(
  info: AppInfo,
  settings: () => VenueSettings,
  exit: { exitKiosk?: (() => void) | undefined; log: KioskLog },
): Capability<'app.info' | 'staff.exitKiosk'> {
  return {
    handlers: {
      'staff.exitKiosk': () => {
        const { exitKiosk } = exit;
        if (!exitKiosk) throw new ServiceError('unavailable', 'This kiosk cannot be closed from its screen.');
        exit.log.write({ level: 'info', area: 'app', message: 'Staff closed the kiosk' });
        // After the answer has gone, so the screen is told before the app goes away.
        setTimeout(exitKiosk, 200);
        return { ok: true } as const;
      },
      'app.info': () => {
        const { defaultLocale, idleSeconds, venueName } = settings();
        return { ...info, defaultLocale, idleSeconds, venueName };
      },
    },
  };
}
