import { describe, expect, it } from 'vitest';
import { lockDownSession } from '../../../../main/host/electron/session-policy.ts';
import { contentSecurityPolicy, pdfWorkerContentSecurityPolicy } from '../../../../main/host/security-headers.ts';
import { pdfWorkerPath } from '../../../security/pdf-worker-path.ts';
import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron.ts';

const permissions = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'idle-detection',
  'keyboardLock',
  'window-management',
  'unknown',
] as const;

function locked(allowDevTools = false) {
  const session = new FakeSession();
  const refusals: string[] = [];
  lockDownSession(session.asElectron(), {
    allowDevTools,
    refused: (what, detail) => refusals.push(`${what}: ${detail}`),
  });
  return { session, refusals };
}

describe('lockDownSession', () => {
  it.each(permissions)('denies a request for %s', (permission) => {
    const { session, refusals } = locked();
    let granted: boolean | undefined;
    session.permissionRequest!(
      new FakeWebContents().asElectron(),
      permission,
      (answer) => {
        granted = answer;
      },
      { requestingUrl: 'kiosk://app/index.html', isMainFrame: true },
    );
    expect(granted).toBe(false);
    expect(refusals).toEqual([`permission request: ${permission}`]);
  });

  it.each(permissions)('answers a check for %s with no', (permission) => {
    const { session } = locked();
    expect(
      session.permissionCheck!(null, permission, 'kiosk://app', {
        requestingUrl: 'kiosk://app/index.html',
        isMainFrame: true,
        embeddingOrigin: 'kiosk://app',
        securityOrigin: 'kiosk://app',
      }),
    ).toBe(false);
  });

  it('denies every device, screen capture and Bluetooth pairing', () => {
    const { session } = locked();
    expect(session.devicePermission!({ deviceType: 'usb', origin: 'kiosk://app', device: {} } as never)).toBe(false);
    let streams: unknown = 'unanswered';
    session.displayMedia!({} as never, (answer) => {
      streams = answer;
    });
    expect(streams).toBeNull();
    let pairing: unknown;
    session.bluetoothPairing!({ deviceId: 'x', pairingKind: 'confirm', frame: null }, (answer) => {
      pairing = answer;
    });
    expect(pairing).toEqual({ confirmed: false });
  });

  it.each([
    ['select-hid-device', { deviceList: [{ deviceId: 'hid-1' }] }],
    ['select-usb-device', { deviceList: [{ deviceId: 'usb-1' }] }],
  ])('cancels %s without picking a device', (eventName, details) => {
    const { session } = locked();
    const event = fakeEvent();
    const picked: unknown[][] = [];
    session.emit(eventName, event, details, (...args: unknown[]) => picked.push(args));
    expect(event.defaultPrevented).toBe(true);
    expect(picked).toEqual([[]]);
  });

  it('cancels select-serial-port with no port', () => {
    const { session } = locked();
    const event = fakeEvent();
    const picked: string[] = [];
    session.emit('select-serial-port', event, [{ portId: 'tty0' }], {}, (portId: string) => picked.push(portId));
    expect(event.defaultPrevented).toBe(true);
    expect(picked).toEqual(['']);
  });

  it('cancels every download', () => {
    const { session, refusals } = locked();
    const event = fakeEvent();
    session.emit('will-download', event, { getURL: () => 'kiosk://app/content/abc' }, {});
    expect(event.defaultPrevented).toBe(true);
    expect(refusals).toEqual(['download: kiosk://app/content/abc']);
  });

  it('turns the spell checker off (it would fetch dictionaries)', () => {
    expect(locked().session.spellChecker).toBe(false);
  });

  it.each([
    ['kiosk://app/index.html', true],
    ['kiosk://app/content/ab12', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:kiosk://app/1234', true],
    ['https://example.org/tracker.js', false],
    ['http://127.0.0.1:9222/json', false],
    ['ws://127.0.0.1:9222/', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org/', false],
    ['chrome://gpu', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['not a url', false],
  ])('request for %s allowed: %s', (url, allowed) => {
    expect(locked().session.allows(url)).toBe(allowed);
  });

  it('lets DevTools load its front end only in developer builds', () => {
    expect(locked(true).session.allows('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('puts the kiosk CSP on every response, keeping the other headers', () => {
    const { session } = locked();
    expect(session.headersSeen('kiosk://app/index.html', { 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy],
    });
    expect(
      session.headersSeen('kiosk://app/x', { 'Content-Security-Policy': ["script-src 'unsafe-inline'"] })?.[
        'Content-Security-Policy'
      ],
    ).toEqual([contentSecurityPolicy]);
  });

  it('gives only the app’s own PDF.js worker script the worker’s policy', () => {
    const { session } = locked();
    const policy = (url: string) => session.headersSeen(url, {})?.['Content-Security-Policy'];
    expect(policy(`kiosk://app${pdfWorkerPath}`)).toEqual([pdfWorkerContentSecurityPolicy]);
    for (const url of [
      'kiosk://app/index.html',
      `kiosk://evil${pdfWorkerPath}`,
      `data:text/javascript,${pdfWorkerPath}`,
    ])
      expect(policy(url), url).toEqual([contentSecurityPolicy]);
  });

  it('leaves DevTools pages their own headers', () => {
    expect(locked(true).session.headersSeen('devtools://devtools/x.html', { a: ['b'] })).toBeUndefined();
  });
});
