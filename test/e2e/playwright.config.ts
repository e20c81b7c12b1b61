/**
 * End-to-end specs: each test starts the real browser host (a child process on 127.0.0.1) and
 * drives the built renderer in Chromium. No browser is downloaded: a system Chromium is used.
 */
import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './chromium-path.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // The screenshot tour makes docs/screenshots/ (`npm run screenshots`); what it passes through is checked by the
  // visit, vertical and visitor-guide specs, so the test run leaves it out.
  testIgnore: process.env['KIOSK_SCREENSHOTS_DIR'] ? [] : ['**/visit-screenshots.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../test-results/playwright.json' }]],
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
});
