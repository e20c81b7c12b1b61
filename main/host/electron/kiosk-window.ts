/**
 * The options of the one kiosk window: full screen without a menu in packaged builds, every
 * renderer safeguard on in all builds, DevTools only in developer builds.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function kioskWindowOptions(
  preloadPath: string,
  { packaged }: { packaged: boolean },
): BrowserWindowConstructorOptions {
  return {
    show: false,
    kiosk: packaged,
    fullscreen: packaged,
    autoHideMenuBar: true,
    backgroundColor: '#f6f3ec',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: !packaged,
      safeDialogs: true,
    },
  };
}
