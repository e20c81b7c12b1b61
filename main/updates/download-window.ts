/** Whether downloads may run at `now` (the kiosk's local hours), and when the window opens next. */
import type { DownloadWindow } from '../../preload/contract/settings.ts';

export function inWindow(window: DownloadWindow | null, now: Date): boolean {
  if (!window) return true;
  const hour = now.getHours();
  return window.fromHour < window.toHour
    ? hour >= window.fromHour && hour < window.toHour
    : hour >= window.fromHour || hour < window.toHour;
}

/** The next start of the window after `now`; `now` itself while it is open or when there is no window. */
export function nextWindowStart(window: DownloadWindow | null, now: Date): Date {
  if (inWindow(window, now)) return now;
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), window!.fromHour);
  if (start.getTime() <= now.getTime()) start.setDate(start.getDate() + 1);
  return start;
}
