/**
 * `npm run start:browser`: runs the kiosk's services and serves the renderer on 127.0.0.1,
 * then opens a system Chromium in kiosk mode, or prints the launch URL when there is none.
 *   --port N        listen on N (default: any free port)
 *   --data-dir DIR  where the catalog lives (default: the per-user data folder)
 *   --no-open       do not start a browser
 *   --json          print one JSON line {origin, launchUrl} and nothing else (for tests)
 *   --idle-seconds N  end a visit after N seconds without a touch (default 120)
 *   --clock-start ISO  run the kiosk's clock from this instant instead of the system's (for tests and demos)
 *   --media-root DIR   where USB sticks are mounted (default /media, /run/media and /mnt); may be repeated
 *   --copy-rate MB     cap an import's copy at MB megabytes a second, so reading stays smooth meanwhile
 *   --system-keys-dir DIR  extra root key sets, honoured only while root alone can write them
 *                          (default /etc/reading-room/keys)
 * KIOSK_DEMO_COLLECTION=off in the environment keeps an empty kiosk empty instead of installing the demo.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, readAppVersion, rendererDir, resourcesDir } from '../../app-paths.ts';
import { clockStartingAt, systemClock } from '../../clock.ts';
import { demoCollectionEnabled } from '../../demo/demo-collection.ts';
import { createKioskServices } from '../../services.ts';
import { findChromium, openInChromium } from './chromium.ts';
import { startBrowserHost } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'no-open': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'idle-seconds': { type: 'string' },
    'clock-start': { type: 'string' },
    'system-keys-dir': { type: 'string' },
    'media-root': { type: 'string', multiple: true },
    'copy-rate': { type: 'string' },
  },
});

const idleSeconds = values['idle-seconds'] === undefined ? undefined : Number(values['idle-seconds']);
if (idleSeconds !== undefined && !(Number.isInteger(idleSeconds) && idleSeconds >= 1 && idleSeconds <= 3600)) {
  console.error(`--idle-seconds must be a whole number of seconds from 1 to 3600, not "${values['idle-seconds']}".`);
  process.exit(2);
}

const clockStart = values['clock-start'] === undefined ? undefined : new Date(values['clock-start']);
if (clockStart !== undefined && Number.isNaN(clockStart.getTime())) {
  console.error(
    `--clock-start must be an ISO date and time such as 2027-03-01T09:00:00Z, not "${values['clock-start']}".`,
  );
  process.exit(2);
}

const copyRate = values['copy-rate'] === undefined ? undefined : Number(values['copy-rate']);
if (copyRate !== undefined && !(copyRate > 0 && copyRate <= 10_000)) {
  console.error(`--copy-rate must be a number of megabytes a second above 0, not "${values['copy-rate']}".`);
  process.exit(2);
}

const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
const services = await createKioskServices({
  dataDir,
  resourcesDir,
  host: 'browser',
  version: await readAppVersion(),
  clock: clockStart === undefined ? systemClock : clockStartingAt(clockStart),
  demoCollection: demoCollectionEnabled(process.env),
  exitKiosk: () => void shutdown(),
  ...(idleSeconds === undefined ? {} : { idleSeconds }),
  ...(values['media-root'] === undefined ? {} : { mediaRoots: values['media-root'].map((root) => path.resolve(root)) }),
  ...(copyRate === undefined ? {} : { copyBytesPerSecond: copyRate * 1_000_000 }),
  ...(values['system-keys-dir'] === undefined ? {} : { systemKeysDir: path.resolve(values['system-keys-dir']) }),
});
const host = await startBrowserHost({
  services,
  rendererDir,
  dataDir,
  ...(values.port ? { port: Number(values.port) } : {}),
});

if (values.json) {
  console.log(JSON.stringify({ origin: host.origin, launchUrl: host.launchUrl }));
} else {
  console.log(`Reading Room kiosk (browser host) is serving on ${host.origin}`);
  console.log(`Data folder: ${dataDir}`);
  const browser = values['no-open'] || !hasDisplay() ? undefined : findChromium();
  if (browser) {
    console.log(`Opening ${browser} in kiosk mode.`);
    openInChromium(browser, host.launchUrl, path.join(dataDir, 'browser-profile')).on('exit', () => void shutdown());
  } else {
    console.log('Open this link once, within a minute, in a browser on this machine to start the kiosk:');
    console.log(`  ${host.launchUrl}`);
  }
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
}

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await host.close();
  await services.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
