/** Which Chromium the end-to-end specs drive: KIOSK_CHROMIUM, else the system package, else Playwright's own. */
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const named = process.env['KIOSK_CHROMIUM'];
  if (named) return named;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
}
