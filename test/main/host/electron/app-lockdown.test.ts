import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  claimSingleInstance,
  keepDisplayAwake,
  lockDownAfterReady,
  lockDownBeforeReady,
} from '../../../../main/host/electron/app-lockdown.ts';
import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron.ts';

class FakeApp extends EventEmitter {
  sandboxed = false;
  lockHeld = true;
  enableSandbox() {
    this.sandboxed = true;
  }
  requestSingleInstanceLock() {
    return this.lockHeld;
  }
}

function readyApp(allowDevTools: boolean) {
  const app = new FakeApp();
  const defaultSession = new FakeSession();
  const menus: unknown[] = [];
  lockDownAfterReady({
    app: app as never,
    menu: { setApplicationMenu: (menu) => void menus.push(menu) },
    defaultSession: defaultSession.asElectron(),
    allowDevTools,
    log: () => undefined,
  });
  return { app, defaultSession, menus };
}

describe('app lockdown', () => {
  it('turns the sandbox on for every renderer before ready', () => {
    const app = new FakeApp();
    lockDownBeforeReady(app as never);
    expect(app.sandboxed).toBe(true);
  });

  it('removes the application menu and locks the default session', () => {
    const { defaultSession, menus } = readyApp(false);
    expect(menus).toEqual([null]);
    expect(defaultSession.permissionCheck!(null, 'media', 'kiosk://app', {} as never)).toBe(false);
  });

  it('locks every session created later too', () => {
    const { app } = readyApp(false);
    const later = new FakeSession();
    app.emit('session-created', later);
    expect(later.permissionCheck!(null, 'geolocation', 'kiosk://app', {} as never)).toBe(false);
    expect(later.allows('https://example.org/')).toBe(false);
  });

  it('puts every new web contents under the navigation, key and zoom policies', async () => {
    const { app } = readyApp(false);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);

    const away = fakeEvent({ url: 'https://example.org/' });
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'kiosk://app/' } as never)).toEqual({ action: 'deny' });

    const print = fakeEvent();
    contents.emit('before-input-event', print, {
      type: 'keyDown',
      key: 'p',
      code: 'KeyP',
      control: true,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(print.defaultPrevented).toBe(true);

    contents.emit('did-finish-load');
    await Promise.resolve();
    expect(contents.visualZoomLimits).toEqual([1, 1]);
    contents.zoomFactor = 1.5;
    contents.emit('zoom-changed', fakeEvent(), 'in');
    expect(contents.zoomFactor).toBe(1);

    const bluetooth = fakeEvent();
    const picked: string[] = [];
    contents.emit('select-bluetooth-device', bluetooth, [{ deviceId: 'b1' }], (id: string) => picked.push(id));
    expect(bluetooth.defaultPrevented).toBe(true);
    expect(picked).toEqual(['']);

    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('leaves DevTools open in developer builds', () => {
    const { app } = readyApp(true);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(0);
  });

  it('lets only one instance run, and a second launch focuses the first', () => {
    const first = new FakeApp();
    let focused = 0;
    expect(claimSingleInstance(first as never, () => void focused++)).toBe(true);
    first.emit('second-instance');
    expect(focused).toBe(1);
    const second = new FakeApp();
    second.lockHeld = false;
    expect(claimSingleInstance(second as never, () => undefined)).toBe(false);
  });

  it('keeps the display awake', () => {
    const started: string[] = [];
    expect(keepDisplayAwake({ start: (type) => (started.push(type), 7) })).toBe(7);
    expect(started).toEqual(['prevent-display-sleep']);
  });
});
