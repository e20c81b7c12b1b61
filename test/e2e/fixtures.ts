/**
 * The `kiosk` fixture: a fresh browser host (its own data folder, its own launch token) per
 * test, and a page already signed in through the launch link; the host's and the page's clocks are
 * pinned to one instant.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test as base, type Cookie, type Page } from '@playwright/test';
import type { KioskBridge } from '../../preload/contract/envelope.ts';

declare global {
  interface Window {
    readonly kioskBridge: KioskBridge;
  }
}

export interface KioskHost {
  origin: string;
  launchUrl: string;
  dataDir: string;
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * The instant every end-to-end test lives at, in the host and in the page alike, so no test
 * depends on the day it runs. Both clocks run at real speed from there.
 */
export const kioskTestTime = new Date('2027-03-01T09:00:00Z');

/** `extraArgs` go to the browser host's command line, e.g. `['--idle-seconds', '3']`. */
export async function startHost(
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<{ host: KioskHost; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'main/host/browser/cli.ts'),
      '--json',
      '--no-open',
      '--data-dir',
      dataDir,
      '--clock-start',
      kioskTestTime.toISOString(),
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('browser host did not start within 30 s')), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}`)));
  });
  const { origin, launchUrl } = JSON.parse(first) as { origin: string; launchUrl: string };
  return { host: { origin, launchUrl, dataDir }, child };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

let demoTemplate: Promise<string> | undefined;

/**
 * A new data folder holding what a new kiosk has once it has installed the demo collection. The first call
 * in a worker lets a real host install it (at the pinned instant) into a template; every later one copies
 * that, so each test still gets a folder of its own without paying for the install again.
 */
export async function demoDataDir(prefix = 'kiosk-e2e-'): Promise<string> {
  demoTemplate ??= (async () => {
    const template = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-template-'));
    const { child } = await startHost(template);
    await stopHost(child);
    process.once('exit', () => rmSync(template, { recursive: true, force: true }));
    return template;
  })();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(await demoTemplate, dataDir, { recursive: true });
  return dataDir;
}

const sessionCookies = new Map<string, Cookie[]>();

/**
 * Signs `page` in to `host`. A launch link works once, so a host shared by a worker's tests is
 * launched by its first test and the others get that session's cookie, as a reopened browser would.
 */
export async function signIn(page: Page, host: KioskHost): Promise<void> {
  const saved = sessionCookies.get(host.launchUrl);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto(host.origin);
    return;
  }
  await page.goto(host.launchUrl);
  sessionCookies.set(host.launchUrl, await page.context().cookies(host.origin));
}

/**
 * Taps as staff do, all within the gesture's three seconds: the page's clock (pinned by `pinnedTest`) stands
 * still meanwhile, so a busy machine's slow clicks cannot stretch the gesture past its window.
 */
export async function tapsWithinTheGesture(page: Page, tap: () => Promise<void>, times: number): Promise<void> {
  // A moment ahead: the page's time moves on while the pause is asked for, and it cannot be set back.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  for (let count = 0; count < times; count++) await tap();
  await page.clock.resume();
}

/**
 * From the screen the page shows into staff mode, through the hidden corner: the PIN chosen on a new kiosk (typed
 * twice, then back from the first-run settings), or typed once on one set up already.
 */
export async function enterStaffMode(page: Page, pin: string): Promise<void> {
  await expect(page.locator('[data-screen]')).toBeVisible();
  const height = page.viewportSize()!.height;
  await tapsWithinTheGesture(page, () => page.mouse.click(24, height - 24), 5);
  const pad = page.locator('.pin-keys');
  await expect(pad).toBeVisible();
  const isNew = await page.getByText('This kiosk is new.', { exact: false }).isVisible();
  for (let time = 0; time < (isNew ? 2 : 1); time++) {
    for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: 'OK' }).click();
  }
  if (isNew) {
    await expect(page.getByText('The PIN is set.', { exact: false })).toBeVisible();
    await page.getByTestId('back').click();
  }
  await expect(page.getByTestId('staff-home')).toBeVisible();
}

/** Signs the page in to `host`, then into staff mode. */
export async function enterStaff(page: Page, host: KioskHost, pin: string): Promise<void> {
  await signIn(page, host);
  await enterStaffMode(page, pin);
}

/** Playwright's `test` with every page's clock pinned to `kioskTestTime`. */
export const pinnedTest = base.extend({
  context: async ({ context }, use) => {
    await context.clock.install({ time: kioskTestTime });
    await use(context);
  },
});

export const test = pinnedTest.extend<{ kiosk: KioskHost; kioskPage: Page }>({
  kiosk: async ({}, use) => {
    const dataDir = await demoDataDir();
    const { host, child } = await startHost(dataDir);
    await use(host);
    await stopHost(child);
    await rm(dataDir, { recursive: true, force: true });
  },
  kioskPage: async ({ page, kiosk }, use) => {
    await page.goto(kiosk.launchUrl);
    await use(page);
  },
});

/**
 * A test whose worker runs one host over a library `makeLibrary` writes into its data folder: for libraries that
 * take seconds to make and that the tests only read. `reader` is a page signed in to it.
 */
export function libraryTest(prefix: string, makeLibrary: (dataDir: string) => Promise<void>) {
  return pinnedTest.extend<{ reader: Page }, { library: KioskHost }>({
    library: [
      async ({}, use) => {
        const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
        await makeLibrary(dataDir);
        const { host, child } = await startHost(dataDir);
        await use(host);
        await stopHost(child);
        await rm(dataDir, { recursive: true, force: true });
      },
      { scope: 'worker', timeout: 120_000 },
    ],
    reader: async ({ page, library }, use) => {
      await signIn(page, library);
      await use(page);
    },
  });
}

export { expect } from '@playwright/test';
