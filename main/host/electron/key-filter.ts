/**
 * The keyboard shortcuts a visitor could use to leave, reload, inspect, print, zoom or walk the
 * history of the kiosk, and the filter that swallows them before the page sees them.
 * Typing keys (letters, digits, Backspace, Enter, arrows, copy and paste) pass untouched.
 */
import type { BrowserWindow, Input, WebContents } from 'electron';

export type BlockedShortcut =
  'reload' | 'devtools' | 'print' | 'close' | 'zoom' | 'history' | 'fullscreen' | 'file' | 'window' | 'view-source';

export type KeyInput = Pick<Input, 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'> & {
  isComposing?: boolean;
};

/** Ctrl on Linux and Windows, Cmd on macOS: either one counts, the kiosk may run on any. */
const command = (input: KeyInput) => input.control || input.meta;

const zoomKeys = new Set(['+', '=', '-', '_', '0']);
const zoomCodes = new Set(['NumpadAdd', 'NumpadSubtract', 'Numpad0', 'Equal', 'Minus', 'Digit0']);

/** Names the shortcut `input` would trigger, or undefined when it is ordinary typing. */
export function blockedShortcut(input: KeyInput): BlockedShortcut | undefined {
  // An input method composing Korean or Chinese text must never be interrupted.
  if (input.isComposing) return undefined;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;

  if (key === 'F5' || key === 'BrowserRefresh' || (command(input) && key === 'r')) return 'reload';
  if (key === 'F12' || (command(input) && (input.shift || input.alt) && ['i', 'j', 'c'].includes(key))) {
    return 'devtools';
  }
  if (command(input) && key === 'u') return 'view-source';
  if (command(input) && key === 'p') return 'print';
  if ((input.alt && key === 'F4') || (command(input) && ['w', 'q', 'F4'].includes(key))) return 'close';
  if (command(input) && (zoomKeys.has(key) || zoomCodes.has(input.code))) return 'zoom';
  if (key === 'ZoomIn' || key === 'ZoomOut' || key === 'ZoomToggle') return 'zoom';
  if (
    key === 'BrowserBack' ||
    key === 'BrowserForward' ||
    key === 'BrowserHome' ||
    (input.alt && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) ||
    (input.meta && (key === '[' || key === ']' || key === 'ArrowLeft' || key === 'ArrowRight'))
  ) {
    return 'history';
  }
  if (key === 'F11' || (input.meta && input.control && key === 'f')) return 'fullscreen';
  if (command(input) && ['o', 's'].includes(key)) return 'file';
  if (command(input) && ['n', 't', 'm', 'h'].includes(key)) return 'window';
  return undefined;
}

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
