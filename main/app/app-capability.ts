/** The app capability: tells the renderer what it needs before the first visit. */
import type { Locale } from '../../preload/contract/schemas.ts';
import type { Capability } from '../api/capability.ts';

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  defaultLocale: Locale;
  idleSeconds: number;
}

export function appCapability(info: AppInfo): Capability<'app.info'> {
  return { handlers: { 'app.info': () => info } };
}
