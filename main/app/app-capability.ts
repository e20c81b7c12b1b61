/** The app capability: tells the renderer what it needs before each visit, the venue's settings included. */
import type { VenueSettings } from '../../preload/contract/settings.ts';
import type { Capability } from '../api/capability.ts';

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
}

export function appCapability(info: AppInfo, settings: () => VenueSettings): Capability<'app.info'> {
  return {
    handlers: {
      'app.info': () => {
        const { defaultLocale, idleSeconds, venueName } = settings();
        return { ...info, defaultLocale, idleSeconds, venueName };
      },
    },
  };
}
