/**
 * The Electron main process: one locked-down kiosk window over the same services the browser
 * host uses. Everything here is wiring; the policies live in small modules beside it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, powerMonitor, powerSaveBlocker, protocol, session } from 'electron';
import electronUpdater from 'electron-updater';
import { eventChannel } from '../../../preload/contract/channels.ts';
import { systemClock } from '../../clock.ts';
import { demoCollectionEnabled } from '../../demo/demo-collection.ts';
import { createKioskServices } from '../../services.ts';
import { createAppUpdater, scheduleAppUpdates } from './app-updater.ts';
import { claimSingleInstance, keepDisplayAwake, lockDownAfterReady, lockDownBeforeReady } from './app-lockdown.ts';
import { appEntryUrl, createSchemeHandler, registerSchemePrivileges, scheme } from './app-scheme.ts';
import { registerContractHandlers } from './contract-ipc.ts';
import { crashPageHtml, crashPageUrl, readCrashTexts } from './crash-page.ts';
import { watchRenderer } from './crash-recovery.ts';
import { attachAppCommandFilter } from './key-filter.ts';
import { kioskWindowOptions } from './kiosk-window.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The packaged app's root: out/main/host/electron → ../../../.. */
const appRoot = path.resolve(here, '..', '..', '..', '..');
const log = (message: string) => console.log(`kiosk: ${message}`);

lockDownBeforeReady(app);
registerSchemePrivileges(protocol);

let window: BrowserWindow | undefined;
if (!claimSingleInstance(app, () => window?.focus())) app.quit();
else void start();

async function start(): Promise<void> {
  await app.whenReady();
  const allowDevTools = !app.isPackaged;
  lockDownAfterReady({ app, menu: Menu, defaultSession: session.defaultSession, allowDevTools, log });
  keepDisplayAwake(powerSaveBlocker);

  // Read now, while all is well: once the page keeps crashing, nothing else should be needed.
  // Missing texts must not keep the kiosk from starting; the error page is then plain.
  const crashTexts = await readCrashTexts(path.join(appRoot, 'renderer', 'i18n', 'messages')).catch(
    (error: unknown) => {
      log(`crash page texts unavailable, the error page will be plain: ${String(error)}`);
      return [];
    },
  );
  const crashPage = crashPageUrl(crashPageHtml(crashTexts));
  const windowOptions = kioskWindowOptions(path.join(appRoot, 'out', 'preload', 'preload.cjs'), {
    packaged: app.isPackaged,
  });
  const openWindow = (): BrowserWindow => {
    // Electronegativity cannot see into kioskWindowOptions(), which turns contextIsolation and the sandbox on and Auxclick off (kiosk-window.test.ts).
    window = new BrowserWindow(windowOptions); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    return window;
  };

  const dataDir = app.getPath('userData');
  const services = await createKioskServices({
    dataDir,
    resourcesDir: path.join(app.isPackaged ? process.resourcesPath : appRoot, 'resources'),
    host: 'electron',
    version: app.getVersion(),
    clock: systemClock,
    demoCollection: demoCollectionEnabled(process.env),
    // app.quit() skips 'window-all-closed', so the services are closed here first.
    exitKiosk: () => void services?.close().finally(() => app.quit()),
  }).catch((error: unknown) => {
    log(`the kiosk's services could not start (data folder ${dataDir}): ${String(error)}`);
    return undefined;
  });
  if (!services) {
    // A kiosk that cannot open its catalog still owns the screen: it shows the error page, not a desktop.
    const errorWindow = openWindow();
    await errorWindow.loadURL(crashPage);
    errorWindow.show();
    return;
  }
  session.defaultSession.protocol.handle(
    scheme,
    createSchemeHandler({ app: path.join(appRoot, 'out', 'renderer'), dataDir }),
  );
  registerContractHandlers(ipcMain, services.handlers, services.gate);

  const kioskWindow = openWindow();
  attachAppCommandFilter(kioskWindow);
  watchRenderer(kioskWindow.webContents, {
    log,
    giveUp: () => void kioskWindow.loadURL(crashPage),
  });
  services.events.subscribe((name, payload) => {
    if (!kioskWindow.isDestroyed()) kioskWindow.webContents.send(eventChannel, name, payload);
  });
  kioskWindow.once('ready-to-show', () => kioskWindow.show());
  // Only packaged builds have an installer to replace; electron-updater reads the version from the app.
  if (app.isPackaged) {
    const updater = createAppUpdater({
      autoUpdater: electronUpdater.autoUpdater,
      app,
      services: services.releases,
      systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
      clock: systemClock,
    });
    scheduleAppUpdates(updater);
  }
  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit());
  });
  // A failed first load is the crash watcher's to handle, like any later one.
  await kioskWindow
    .loadURL(appEntryUrl)
    .catch((error: unknown) => log(`the kiosk page did not load: ${String(error)}`));
}
