/**
 * Stand-ins for the few Electron objects the policies touch, built on Node's EventEmitter so a
 * test can emit what Chromium would and see what the policy did (no Electron binary needed).
 */
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';

export interface FakeEvent {
  preventDefault(): void;
  defaultPrevented: boolean;
}

export function fakeEvent<P extends object>(params: P = {} as P): FakeEvent & P {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...params,
  };
  return event;
}

type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  historyCleared = 0;
  zoomFactor = 1;
  visualZoomLimits: [number, number] | undefined;
  devToolsClosed = 0;
  reloads = 0;
  crashesForced = 0;
  destroyed = false;

  readonly navigationHistory = { clear: () => void this.historyCleared++ };

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void> {
    this.visualZoomLimits = [minimum, maximum];
    return Promise.resolve();
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  reload(): void {
    this.reloads++;
  }
  forcefullyCrashRenderer(): void {
    this.crashesForced++;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  asElectron(): WebContents {
    return this as unknown as WebContents;
  }
}

type Handler<K extends keyof Session> = Session[K] extends (handler: infer H, ...rest: never[]) => unknown
  ? Exclude<H, null>
  : never;

export class FakeSession extends EventEmitter {
  permissionRequest: Handler<'setPermissionRequestHandler'> | undefined;
  permissionCheck: Handler<'setPermissionCheckHandler'> | undefined;
  devicePermission: Handler<'setDevicePermissionHandler'> | undefined;
  displayMedia: Handler<'setDisplayMediaRequestHandler'> | undefined;
  bluetoothPairing: Handler<'setBluetoothPairingHandler'> | undefined;
  spellChecker = true;
  beforeRequest:
    | ((details: { url: string }, callback: (response: { cancel?: boolean; redirectURL?: string }) => void) => void)
    | undefined;

  headersReceived:
    | ((
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void)
    | undefined;

  readonly webRequest = {
    onBeforeRequest: (listener: NonNullable<FakeSession['beforeRequest']>) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: NonNullable<FakeSession['headersReceived']>) => {
      this.headersReceived = listener;
    },
  };

  setPermissionRequestHandler(handler: Handler<'setPermissionRequestHandler'>): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: Handler<'setPermissionCheckHandler'>): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: Handler<'setDevicePermissionHandler'>): void {
    this.devicePermission = handler;
  }
  setDisplayMediaRequestHandler(handler: Handler<'setDisplayMediaRequestHandler'>): void {
    this.displayMedia = handler;
  }
  setBluetoothPairingHandler(handler: Handler<'setBluetoothPairingHandler'>): void {
    this.bluetoothPairing = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
  asElectron(): Session {
    return this as unknown as Session;
  }

  /** The response headers the page sees for a response to `url` that came with `headers`. */
  headersSeen(url: string, headers: Record<string, string[]>): Record<string, string[]> | undefined {
    let seen: Record<string, string[]> | undefined;
    this.headersReceived!({ url, responseHeaders: headers }, (response) => {
      seen = response.responseHeaders;
    });
    return seen;
  }

  /** What the session answers for a request of `url`: true when it may go ahead. */
  allows(url: string): boolean {
    let cancelled: boolean | undefined;
    this.beforeRequest!({ url }, (response) => {
      cancelled = response.cancel ?? false;
    });
    if (cancelled === undefined) throw new Error('the request was neither allowed nor cancelled');
    return !cancelled;
  }
}
