/**
 * Keeps every page of the kiosk on the app's own origin: navigations and redirects elsewhere
 * are cancelled, new windows and <webview> guests are refused, and the history is emptied so
 * there is nowhere to go "back" to.
 */
import type { Event, WebContents } from 'electron';
import { scheme } from './app-scheme.ts';

/**
 * True only for kiosk://app/… (Node's URL gives custom schemes the origin "null", so the
 * parts are compared one by one; a user name, password or port makes it another place).
 */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${scheme}:` &&
    parsed.host === 'app' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

export type NavigationRefusal = (kind: 'navigate' | 'redirect' | 'window' | 'webview', url: string) => void;

type NavigationEvent = Event<{ url: string }>;

/** The part of WebContents the policy touches. */
export type NavigableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'navigationHistory'>;

export function lockDownNavigation(contents: NavigableContents, refused: NavigationRefusal = () => undefined): void {
  const guard = (kind: 'navigate' | 'redirect') => (event: NavigationEvent) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refused(kind, event.url);
  };
  contents.on('will-navigate', guard('navigate'));
  contents.on('will-frame-navigate', guard('navigate'));
  contents.on('will-redirect', guard('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    refused('window', url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    refused('webview', params['src'] ?? '');
  });
  // Each load starts a fresh history: a mouse's back button or a stray history.back() finds nothing.
  contents.on('did-finish-load', () => contents.navigationHistory.clear());
}
