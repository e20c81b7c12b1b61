/**
 * Electron's key filter: swallows the shortcuts of the shared table (preload/contract/shortcuts.ts)
 * before the page sees them, and the mouse and media keys' app commands that walk the history.
 */
import type { BrowserWindow, WebContents } from 'electron';
import { blockedShortcut, type BlockedShortcut } from '../../../preload/contract/shortcuts.ts';

export { blockedShortcut, type BlockedShortcut, type KeyInput } from '../../../preload/contract/shortcuts.ts';

/** Mouse back/forward buttons and media keys arrive as app commands (Windows, Linux). */
export function isBlockedAppCommand(command: string): boolean {
  return command.startsWith('browser-');
}

export function attachKeyFilter(
  contents: Pick<WebContents, 'on'>,
  blocked: (shortcut: BlockedShortcut) => void = () => undefined,
): void {
  contents.on('before-input-event', (event, input) => {
    const shortcut = blockedShortcut(input);
    if (!shortcut) return;
    event.preventDefault();
    blocked(shortcut);
  });
}

export function attachAppCommandFilter(window: Pick<BrowserWindow, 'on'>): void {
  window.on('app-command', (event, appCommand) => {
    if (isBlockedAppCommand(appCommand)) event.preventDefault();
  });
}
