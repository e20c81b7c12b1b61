import { describe, expect, it } from 'vitest';
import { callNames } from '../../../../preload/contract/contract.ts';
import { callChannel } from '../../../../preload/contract/channels.ts';
import type { Handlers } from '../../../../main/api/dispatch.ts';
import { isTrustedSender, registerContractHandlers } from '../../../../main/host/electron/contract-ipc.ts';

type Listener = (
  event: { senderFrame: { url: string } | null; sender: { id: number } },
  request: unknown,
) => Promise<unknown>;

function registered() {
  const listeners = new Map<string, Listener>();
  const calls: unknown[] = [];
  const handlers = {
    'app.info': (request: unknown) => {
      calls.push(request);
      return { version: '1.0.0', host: 'electron', defaultLocale: 'en', idleSeconds: 90, venueName: '' };
    },
    'staff.packs': (request: unknown) => {
      calls.push(request);
      return { packs: [] };
    },
  } as unknown as Handlers;
  registerContractHandlers(
    { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) } as never,
    handlers,
    // Only the window whose web contents has id 7 holds a staff session.
    { admits: (caller) => caller === 'electron:7' },
  );
  const invoke = (frameUrl: string | null, name: string, request: unknown, senderId = 1) =>
    listeners.get(callChannel(name as never))!(
      { senderFrame: frameUrl === null ? null : { url: frameUrl }, sender: { id: senderId } },
      request,
    );
  return { listeners, calls, invoke };
}

describe('registerContractHandlers', () => {
  it('registers one channel per contract call and nothing else', () => {
    const { listeners } = registered();
    expect([...listeners.keys()].sort()).toEqual(callNames.map((name) => callChannel(name)).sort());
  });

  it('answers the kiosk page', async () => {
    const { invoke, calls } = registered();
    expect(await invoke('kiosk://app/index.html', 'app.info', {})).toEqual({
      ok: true,
      value: { version: '1.0.0', host: 'electron', defaultLocale: 'en', idleSeconds: 90, venueName: '' },
    });
    expect(calls).toHaveLength(1);
  });

  it.each([
    'https://example.org/',
    'file:///home/kiosk/evil.html',
    'kiosk://evil/index.html',
    'data:text/html,hi',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    null,
  ])('refuses a frame on %s without running the handler', async (frameUrl) => {
    const { invoke, calls } = registered();
    expect(await invoke(frameUrl, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toHaveLength(0);
  });

  it('validates the arguments of a trusted caller before the handler sees them', async () => {
    const { invoke, calls } = registered();
    expect(await invoke('kiosk://app/index.html', 'app.info', { extra: '__proto__' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(calls).toHaveLength(0);
  });
});

describe('staff calls', () => {
  it('are the calling window’s own: admitted for the window holding the session, forbidden for another', async () => {
    const { invoke, calls } = registered();
    expect(await invoke('kiosk://app/index.html', 'staff.packs', {}, 8)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(calls).toHaveLength(0);
    expect(await invoke('kiosk://app/index.html', 'staff.packs', {}, 7)).toEqual({ ok: true, value: { packs: [] } });
    expect(calls).toHaveLength(1);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app origin', () => {
    expect(isTrustedSender('kiosk://app/index.html#/item/1')).toBe(true);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('kiosk://app:1/index.html')).toBe(false);
  });
});
