/**
 * The keyboard shortcuts a visitor could use to leave, reload, inspect, print, save, find, zoom or
 * walk the history of the kiosk. One table for both hosts: Electron's key filter and the browser
 * bridge cancel exactly the same keys. Typing keys (letters, digits, Backspace, Enter, arrows,
 * copy and paste) pass untouched.
 */

export type BlockedShortcut =
  | 'reload'
  | 'devtools'
  | 'print'
  | 'close'
  | 'zoom'
  | 'history'
  | 'fullscreen'
  | 'file'
  | 'find'
  | 'window'
  | 'view-source';

/** The part of a key press both Electron's `Input` and the DOM's `KeyboardEvent` carry (DOM names the modifiers …Key). */
export interface KeyInput {
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  isComposing?: boolean;
}

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
  // A browser's find bar (Ctrl+F, Ctrl+G, F3) is chrome the kiosk does not show.
  if (key === 'F3' || (command(input) && ['f', 'g'].includes(key))) return 'find';
  // Ctrl+H and Ctrl+J open the history and downloads pages in a system browser.
  if (command(input) && ['n', 't', 'm', 'h', 'j'].includes(key)) return 'window';
  return undefined;
}

/** A DOM keydown event's names for the same key press (the contract cannot name the DOM's own type). */
export interface DomKeyEvent {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing: boolean;
}

/** Which shortcut a keydown in the page would trigger, so the browser bridge can cancel it. */
export function blockedKeyDown(event: DomKeyEvent): BlockedShortcut | undefined {
  return blockedShortcut({
    key: event.key,
    code: event.code,
    control: event.ctrlKey,
    meta: event.metaKey,
    alt: event.altKey,
    shift: event.shiftKey,
    isComposing: event.isComposing,
  });
}
