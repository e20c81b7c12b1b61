import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/api/dispatch.ts';
import { ServiceError } from '../../../main/api/service-error.ts';

const noStaff = { admits: () => false };
const silent = { caller: 'test', gate: noStaff, log: { error: () => undefined } };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not called in this test');
  };
  return {
    'app.info': () => ({ version: '1.0.0', host: 'browser', defaultLocale: 'en', idleSeconds: 120, venueName: '' }),
    'catalog.subjects': unused,
    'catalog.list': ({ page }) => ({ items: [], total: page.offset }),
    'catalog.search': unused,
    'catalog.item': unused,
    ...overrides,
  } as Handlers;
}

describe('dispatch', () => {
  it('answers a valid call with the handler value, defaults filled in', async () => {
    const result = await dispatch(handlers(), 'catalog.list', { locale: 'ko' }, silent);
    expect(result).toEqual({ ok: true, value: { items: [], total: 0 } });
  });

  it('refuses a name the contract does not have, including inherited object keys', async () => {
    for (const name of ['catalog.drop', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await dispatch(handlers(), name, {}, silent);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('names every malformed field of a bad request', async () => {
    const result = await dispatch(handlers(), 'catalog.list', { locale: 'xx', page: { limit: 0 }, extra: 1 }, silent);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toMatch(/locale/);
    expect(result.error.message).toMatch(/page\.limit/);
    expect(result.error.message).toMatch(/extra/);
  });

  it('passes a service error through with its code and message', async () => {
    const result = await dispatch(
      handlers({
        'catalog.item': () => {
          throw new ServiceError('not-found', 'No item named x.');
        },
      }),
      'catalog.item',
      { locale: 'en', id: 'x' },
      silent,
    );
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'No item named x.' } });
  });

  it('hides an unexpected failure behind an internal error and logs it', async () => {
    const logged: unknown[] = [];
    const result = await dispatch(
      handlers({
        'catalog.subjects': () => {
          throw new Error('disk I/O error at /secret/path');
        },
      }),
      'catalog.subjects',
      { locale: 'en' },
      { ...silent, log: { error: (_message, cause) => logged.push(cause) } },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(logged).toHaveLength(1);
  });

  it('refuses to send a response that breaks the contract', async () => {
    const result = await dispatch(
      handlers({ 'catalog.list': () => ({ items: 'nope', total: -1 }) as never }),
      'catalog.list',
      { locale: 'en' },
      silent,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
