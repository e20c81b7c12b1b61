/** Finds a system Chromium and opens the kiosk in it, full screen and without browser chrome. */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env['KIOSK_BROWSER'];
  for (const candidate of named ? [named] : candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next one.
    }
  }
  return undefined;
}

/** The flags that make Chromium a kiosk: its own profile, no first-run UI, no background traffic. */
export function kioskArguments(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter',
    '--overscroll-history-navigation=0',
    // A pinch on the touch screen would zoom the whole kiosk, and nothing in the page can undo it.
    '--disable-pinch',
    '--noerrdialogs',
  ];
}

export function openInChromium(executable: string, url: string, profileDir: string): ChildProcess {
  return spawn(executable, kioskArguments(url, profileDir), { stdio: 'ignore', detached: false });
}
