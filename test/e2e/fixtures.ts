/**
 * The `kiosk` fixture: a fresh browser host (its own data folder, its own launch secret) per
 * test, and a page already signed in through the launch link.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, type Page } from '@playwright/test';
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

/** `extraArgs` go to the browser host's command line, e.g. `['--idle-seconds', '3']`. */
export async function startHost(
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<{ host: KioskHost; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'main/host/browser/cli.ts'), '--json', '--no-open', '--data-dir', dataDir, ...extraArgs],
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

export const test = base.extend<{ kiosk: KioskHost; kioskPage: Page }>({
  kiosk: async ({}, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-'));
    const { host, child } = await startHost(dataDir);
    await use(host);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  },
  kioskPage: async ({ page, kiosk }, use) => {
    await page.goto(kiosk.launchUrl);
    await use(page);
  },
});

export { expect } from '@playwright/test';
