/**
 * Applies the kiosk's lockdown to the whole Electron app: sandbox for every renderer, no menu,
 * every session and every web contents (including ones made later) under the same policies,
 * one instance only, and a display that never sleeps.
 */
import type { App, PowerSaveBlocker, WebContents } from 'electron';
import { attachKeyFilter } from './key-filter.ts';
import { lockDownNavigation, type NavigableContents } from './navigation-policy.ts';
import { lockDownSession, type LockableSession } from './session-policy.ts';

export type Log = (message: string) => void;

/** Must run before the app is ready: the sandbox switch is read at start-up. */
export function lockDownBeforeReady(app: Pick<App, 'enableSandbox'>): void {
  app.enableSandbox();
}

/**
 * Returns false when another kiosk instance already runs; this one should quit. The running one
 * is told (`focus`) so a second launch brings the kiosk to the front instead of a second window.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', focus);
  return true;
}

export type LockdownContents = NavigableContents &
  Pick<WebContents, 'setZoomFactor' | 'setVisualZoomLevelLimits' | 'closeDevTools'>;

/** The per-page policies: navigation, windows, keys, zoom, DevTools, Bluetooth pickers. */
export function lockDownContents(
  contents: LockdownContents,
  { allowDevTools, log }: { allowDevTools: boolean; log: Log },
): void {
  lockDownNavigation(contents, (kind, url) => log(`refused ${kind} to ${url}`));
  attachKeyFilter(contents, (shortcut) => log(`swallowed the ${shortcut} shortcut`));
  // Pinch and Ctrl+wheel would zoom the page past the touch layout; the reader zooms PDFs itself.
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  });
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  if (!allowDevTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

export interface AfterReadyParts {
  app: Pick<App, 'on'>;
  menu: { setApplicationMenu(menu: null): void };
  defaultSession: LockableSession;
  allowDevTools: boolean;
  log: Log;
}

/** Run once the app is ready, before the first window opens. */
export function lockDownAfterReady({ app, menu, defaultSession, allowDevTools, log }: AfterReadyParts): void {
  menu.setApplicationMenu(null);
  const refused = (what: string, detail: string) => log(`refused ${what}: ${detail}`);
  lockDownSession(defaultSession, { allowDevTools, refused });
  app.on('session-created', (session) => lockDownSession(session, { allowDevTools, refused }));
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, { allowDevTools, log }));
}

/** The screen stays on while the kiosk runs; returns the blocker's id. */
export function keepDisplayAwake(blocker: Pick<PowerSaveBlocker, 'start'>): number {
  return blocker.start('prevent-display-sleep');
}
