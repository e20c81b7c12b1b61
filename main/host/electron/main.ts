/**
 * The Electron main process: one locked-down kiosk window over the same services the browser
 * host uses. Everything here is wiring; the policies live in small modules beside it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { eventChannel } from '../../../preload/contract/channels.ts';
import { createKioskServices } from '../../services.ts';
import { appEntryUrl, createSchemeHandler, registerSchemePrivileges, scheme } from './app-scheme.ts';
import { registerContractHandlers } from './contract-ipc.ts';
import { kioskWindowOptions } from './kiosk-window.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The packaged app's root: out/main/host/electron → ../../../.. */
const appRoot = path.resolve(here, '..', '..', '..', '..');

app.enableSandbox();
registerSchemePrivileges(protocol);
Menu.setApplicationMenu(null);

if (!app.requestSingleInstanceLock()) app.quit();
else void start();

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const services = await createKioskServices({
    dataDir,
    resourcesDir: path.join(app.isPackaged ? process.resourcesPath : appRoot, 'resources'),
    host: 'electron',
    version: app.getVersion(),
  });
  session.defaultSession.protocol.handle(
    scheme,
    createSchemeHandler({ app: path.join(appRoot, 'out', 'renderer'), dataDir }),
  );
  registerContractHandlers(ipcMain, services.handlers);

  const window = new BrowserWindow(
    kioskWindowOptions(path.join(appRoot, 'out', 'preload', 'preload.cjs'), { kiosk: app.isPackaged }),
  );
  services.events.subscribe((name, payload) => window.webContents.send(eventChannel, name, payload));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(appEntryUrl);

  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit());
  });
}
