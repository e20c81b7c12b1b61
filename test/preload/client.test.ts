import { describe, expect, it } from 'vitest';
import { createKioskClient, KioskError } from '../../preload/contract/client.ts';
import type { Envelope, KioskBridge } from '../../preload/contract/envelope.ts';

function bridgeAnswering(answer: unknown): KioskBridge {
  return {
    invoke: () => Promise.resolve(answer as Envelope<unknown>),
    subscribe: () => () => undefined,
  };
}

describe('kiosk client', () => {
  it('resolves with the value of a successful call', async () => {
    const client = createKioskClient(bridgeAnswering({ ok: true, value: { subjects: [] } }));
    await expect(client.call('catalog.subjects', { locale: 'en' })).resolves.toEqual({ subjects: [] });
  });

  it('throws a KioskError with the code the service gave', async () => {
    const client = createKioskClient(bridgeAnswering({ ok: false, error: { code: 'not-found', message: 'gone' } }));
    await expect(client.call('catalog.item', { locale: 'en', id: 'x' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'gone',
    });
  });

  it.each([
    [{ ok: false, error: { code: 'exploded', message: 'x' } }],
    [{ ok: false, error: 'a plain string' }],
    [{ ok: false }],
  ])('turns an answer it has no message for into an internal error: %o', async (answer) => {
    const client = createKioskClient(bridgeAnswering(answer));
    const failure = await client.call('app.info', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KioskError);
    expect((failure as KioskError).code).toBe('internal');
  });

  it('delivers only the events a listener asked for', () => {
    let emit: (name: string, payload: unknown) => void = () => undefined;
    const client = createKioskClient({
      invoke: () => Promise.reject(new Error('unused')),
      subscribe: (listener) => {
        emit = listener;
        return () => undefined;
      },
    });
    const seen: unknown[] = [];
    client.on('catalog.changed', (payload) => seen.push(payload));
    emit('import.progress', { packId: 'x' });
    emit('catalog.changed', { revision: 3 });
    expect(seen).toEqual([{ revision: 3 }]);
  });
});
