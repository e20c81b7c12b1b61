/**
 * The browser host's counterpart of the Electron preload: exposes `window.kioskBridge` over
 * fetch (calls) and server-sent events (events). The session secret travels as an HttpOnly
 * cookie, so no script on the page can read it; the session's header token, which the host writes
 * into the page once, goes with every API request so a stolen cookie alone opens nothing.
 * When the host cannot be reached (its server is restarting) the bridge says so with the
 * `host.connection` event, probes with a bounded backoff (`reconnect.ts`) and says when it is back.
 */
import type { Envelope, KioskBridge } from '../contract/envelope.ts';
import { blockedKeyDown } from '../contract/shortcuts.ts';
import { createReconnector } from './reconnect.ts';

type Listener = (name: string, payload: unknown) => void;

const unreachable: Envelope<unknown> = {
  ok: false,
  error: { code: 'unavailable', message: 'The kiosk service cannot be reached.' },
};

function createHttpBridge(sessionToken: string): KioskBridge {
  const listeners = new Set<Listener>();
  let source: EventSource | undefined;
  const emit = (name: string, payload: unknown) => {
    for (const listener of listeners) listener(name, payload);
  };

  const post = (name: string, request: unknown) =>
    fetch(`/api/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Session': sessionToken },
      body: JSON.stringify(request ?? {}),
      credentials: 'same-origin',
    });

  const connection = createReconnector({
    // The cheapest call every page makes at start; answered only while the host knows this session.
    probe: async () => (await post('app.info', {})).status === 200,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onChange: (state) => {
      if (state === 'connected' && listeners.size > 0 && !source) connect();
      emit('host.connection', { state: state === 'connected' ? 'restored' : 'lost' });
    },
  });

  // A page never signed in has no session to come back to: it is told what it always was.
  const signedIn = sessionToken !== '';
  const lost = () => {
    if (signedIn) connection.lost();
  };

  const connect = () => {
    source = new EventSource(`/api/events?session=${encodeURIComponent(sessionToken)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const { name, payload } = JSON.parse(message.data) as { name: string; payload: unknown };
      emit(name, payload);
    };
    // The stream ended or could not open: the host went away. The reconnector, not EventSource's own
    // retry every few seconds, decides when to try again.
    source.onerror = () => {
      source?.close();
      source = undefined;
      lost();
    };
  };

  return Object.freeze({
    async invoke(name: string, request: unknown): Promise<Envelope<unknown>> {
      // Only the reconnector's probe asks the host while it is away.
      if (connection.state === 'reconnecting') return unreachable;
      let response: Response;
      try {
        response = await post(name, request);
      } catch {
        lost();
        return unreachable;
      }
      if (response.status === 401 || response.status === 403) {
        // A page served with a token had a session: the host no longer knows it (it was started anew),
        // which a relaunch mends, not the staff. A page without one was never opened through the launch link.
        if (signedIn) {
          lost();
          return unreachable;
        }
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This page was not opened through the launch link.' },
        };
      }
      if (!response.ok && response.status !== 400) {
        return {
          ok: false,
          error: {
            code: response.status === 413 ? 'bad-request' : 'unavailable',
            message: `The kiosk service answered ${response.status}.`,
          },
        };
      }
      return (await response.json()) as Envelope<unknown>;
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      if (!source && connection.state === 'connected') connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
        }
      };
    },
  });
}

/** Read and removed at once, so no script that runs later finds the token in the page. */
function takeSessionToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="kiosk-session"]');
  meta?.remove();
  return meta?.content ?? '';
}

Object.defineProperty(window, 'kioskBridge', {
  value: createHttpBridge(takeSessionToken()),
  writable: false,
  configurable: false,
});

/**
 * What Electron's window options and key filter do for the Electron host, done here for the system
 * browser: a file or link dropped on the kiosk must not replace it, a long press must not open the
 * browser's menu, Ctrl+wheel must not zoom it, the shortcuts Electron swallows are cancelled here
 * too (same table), and no script can open a second window.
 */
function refuseBrowserChrome(): void {
  const refuse = (event: Event) => event.preventDefault();
  for (const type of ['dragover', 'drop', 'contextmenu']) window.addEventListener(type, refuse, { capture: true });
  window.addEventListener(
    'wheel',
    (event) => {
      if (event.ctrlKey) event.preventDefault();
    },
    { capture: true, passive: false },
  );
  // Capture on window runs before any handler of the page, so no component can re-enable a shortcut.
  window.addEventListener(
    'keydown',
    (event) => {
      if (blockedKeyDown(event)) event.preventDefault();
    },
    { capture: true },
  );
  Object.defineProperty(window, 'open', { value: () => null, writable: false, configurable: false });
}

refuseBrowserChrome();
