/**
 * `npm run start:browser`: runs the kiosk's services and serves the renderer on 127.0.0.1,
 * then opens a system Chromium in kiosk mode, or prints the launch URL when there is none.
 * This process is the supervisor (`supervisor.ts`): it holds the port and the launch's secrets and
 * runs the services in a server process it starts again when that dies, so the page comes back by itself.
 *   --port N        listen on N (default: any free port)
 *   --data-dir DIR  where the catalog lives (default: the per-user data folder)
 *   --no-open       do not start a browser
 *   --json          print one JSON line {origin, launchUrl, serverPid} and nothing else (for tests)
 *   --idle-seconds N  end a visit after N seconds without a touch (default 120)
 *   --clock-start ISO  run the kiosk's clock from this instant instead of the system's (for tests and demos)
 *   --media-root DIR   where USB sticks are mounted (default /media, /run/media and /mnt); may be repeated
 *   --copy-rate MB     cap an import's copy at MB megabytes a second, so reading stays smooth meanwhile
 *   --system-keys-dir DIR  extra root key sets, honoured only while root alone can write them
 *                          (default /etc/reading-room/keys)
 * KIOSK_DEMO_COLLECTION=off in the environment keeps an empty kiosk empty instead of installing the demo.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { clockStartingAt } from '../../clock.ts';
import { findChromium, openInChromium } from './chromium.ts';
import { parseHostArguments, serverProcessArguments } from './host-arguments.ts';
import { startSupervisor } from './supervisor.ts';

const parsed = parseHostArguments(process.argv.slice(2));
if ('error' in parsed) {
  console.error(parsed.error);
  process.exit(2);
}

const clock = parsed.clockStart === undefined ? undefined : clockStartingAt(parsed.clockStart);
let browser: ChildProcess | undefined;
const host = await startSupervisor({
  ...(parsed.port === undefined ? {} : { port: parsed.port }),
  ...(clock === undefined ? {} : { clock }),
  serverArguments: (now) => serverProcessArguments(parsed, now),
  onExitAsked: () => void shutdown(),
  report: (line) => console.error(line),
}).catch((error: unknown) => {
  console.error(`The kiosk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// Before the first line is printed: whoever reads it may stop the kiosk at once, and a stop that came before
// the handlers would end this process alone, leaving the server process writing on.
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

if (parsed.json) {
  console.log(JSON.stringify({ origin: host.origin, launchUrl: host.launchUrl, serverPid: host.serverPid() }));
} else {
  console.log(`Reading Room kiosk (browser host) is serving on ${host.origin}`);
  console.log(`Data folder: ${parsed.dataDir}`);
  const executable = !parsed.open || !hasDisplay() ? undefined : findChromium();
  if (executable) {
    console.log(`Opening ${executable} in kiosk mode.`);
    browser = openInChromium(executable, host.launchUrl, path.join(parsed.dataDir, 'browser-profile'));
    browser.on('exit', () => void shutdown());
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
  // Staff closed the kiosk, or the service is stopping: the kiosk's own browser goes too.
  if (browser && browser.exitCode === null) browser.kill('SIGTERM');
  process.exit(0);
}
