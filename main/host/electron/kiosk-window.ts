/** The options of the one kiosk window: full screen, no menu, every renderer safeguard on. */
import type { BrowserWindowConstructorOptions } from 'electron';

export function kioskWindowOptions(
  preloadPath: string,
  { kiosk }: { kiosk: boolean },
): BrowserWindowConstructorOptions {
  return {
    show: false,
    kiosk,
    fullscreen: kiosk,
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
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !kiosk,
      safeDialogs: true,
    },
  };
}
