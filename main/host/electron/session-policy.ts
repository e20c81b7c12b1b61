/**
 * Locks down one Electron session: every permission request, check and device pick is denied,
 * downloads are cancelled, the spell checker (which fetches dictionaries) is off, no request
 * may leave the kiosk's own scheme, and every response carries the kiosk's CSP even if whatever
 * served it forgot. Applied to every session, including ones created later.
 */
import type { Session } from 'electron';
import { contentSecurityPolicy, contentSecurityPolicyFor } from '../security-headers.ts';
import { appOrigin, scheme } from './app-scheme.ts';

export type LockableSession = Pick<
  Session,
  | 'on'
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setBluetoothPairingHandler'
  | 'setSpellCheckerEnabled'
  | 'webRequest'
>;

export interface SessionPolicyOptions {
  /** Developer builds may open DevTools, whose front end loads from devtools://. */
  allowDevTools: boolean;
  /** Told about each refusal, for the log. */
  refused?: (what: string, detail: string) => void;
}

/** The URL schemes a page may load from: the app itself and in-memory data it made. */
export function allowedRequestSchemes({ allowDevTools }: Pick<SessionPolicyOptions, 'allowDevTools'>): string[] {
  return [`${scheme}:`, 'data:', 'blob:', ...(allowDevTools ? ['devtools:'] : [])];
}

export function isAllowedRequest(url: string, allowed: readonly string[]): boolean {
  try {
    return allowed.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function lockDownSession(session: LockableSession, options: SessionPolicyOptions): void {
  const refused = options.refused ?? (() => undefined);
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    refused('permission request', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  session.setSpellCheckerEnabled(false);

  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('will-download', (event, item) => {
    event.preventDefault();
    refused('download', item.getURL());
  });

  const allowed = allowedRequestSchemes(options);
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAllowedRequest(details.url, allowed);
    if (!ok) refused('request', details.url);
    callback({ cancel: !ok });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools' own pages (developer builds only) run under their own policy.
    if (details.url.startsWith('devtools:')) return callback({});
    // Only the app's own PDF.js worker script gets the worker's policy (see security-headers.ts). Node
    // gives a custom scheme's URL no origin, so it is put together here.
    const url = new URL(details.url);
    const own = `${url.protocol}//${url.host}` === appOrigin;
    const policy = own ? contentSecurityPolicyFor(url.pathname) : contentSecurityPolicy;
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
