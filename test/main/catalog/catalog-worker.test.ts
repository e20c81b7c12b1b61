/**
 * The catalog as the main process uses it: every call crosses to the catalog worker thread, so
 * the main thread keeps answering while SQLite works, and the contract calls answer through it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../main/clock.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { startCatalog, type Catalog } from '../../../main/catalog/catalog-client.ts';
import { migrations } from '../../../main/catalog/migrations/index.ts';
import { createKioskServices, type KioskServices } from '../../../main/services.ts';
import { hashOf, item, multilingualPack, pack, tempCatalogPath } from './catalog-fixtures.ts';

const resourcesDir = fileURLToPath(new URL('../../../resources/', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function catalogInTemp(): { catalog: Catalog; file: string } {
  const temp = tempCatalogPath();
  const catalog = startCatalog(temp.file);
  cleanups.push(temp.cleanup, () => catalog.close());
  return { catalog, file: temp.file };
}

describe('the catalog worker', () => {
  it('installs, searches and answers item pages across the thread boundary', async () => {
    const { catalog } = catalogInTemp();
    const before = await catalog.api.revision();
    await catalog.api.installPack(multilingualPack());
    expect(await catalog.api.revision()).toBeGreaterThan(before);
    const found = await catalog.api.search({ locale: 'ko', query: '건강', offset: 0, limit: 5 });
    expect(found).toMatchObject({ total: 1, items: [{ id: 'healthy-soil', title: '건강한 흙, 더 나은 수확' }] });
    expect(await catalog.api.item({ locale: 'en', id: 'nope' })).toBeNull();
    await expect(catalog.api.installPack(pack('bad', [item('x', { subjects: ['nowhere'] })]))).rejects.toThrow(
      /names subject "nowhere"/,
    );
  });

  it('fails every call with the reason when the catalog is from a newer app version', async () => {
    const temp = tempCatalogPath();
    cleanups.push(temp.cleanup);
    const raw = new Database(temp.file);
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    const catalog = startCatalog(temp.file);
    cleanups.push(() => catalog.close());
    const failure = await catalog.api.revision().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/written by a newer version of the app/);
  });

  it('keeps the main thread free while the worker installs a large pack', async () => {
    const { catalog } = catalogInTemp();
    const body = 'Energy flows through circuits, motors and magnets. '.repeat(60);
    const big = pack(
      'big',
      Array.from({ length: 4000 }, (_, index) =>
        item(`big-${index}`, {
          texts: {
            en: { title: `Large item ${index}`, summary: 'A summary.', body },
            ko: { title: `큰 항목 ${index}`, summary: '요약.', body: '전기가 회로를 흐른다. '.repeat(60) },
          },
          files: [{ role: 'main', hash: hashOf(1) }],
        }),
      ),
      { files: [{ sha256: hashOf(1), size: 1, mediaType: 'application/pdf' }] },
    );

    let longestStall = 0;
    let ticks = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
      ticks++;
    }, 5);
    const started = performance.now();
    await catalog.api.installPack(big);
    const took = performance.now() - started;
    clearInterval(timer);

    expect((await catalog.api.search({ locale: 'en', query: 'circuits', offset: 0, limit: 1 })).total).toBe(4000);
    // The install is slow enough to matter, yet the main thread kept ticking all along: the
    // longest pause is the structured clone of the request, a small part of the work.
    expect(took).toBeGreaterThan(300);
    expect(ticks).toBeGreaterThan(10);
    expect(longestStall).toBeLessThan(took / 3);
  });
});

describe('the catalog calls', () => {
  async function services(): Promise<KioskServices> {
    const temp = tempCatalogPath();
    const kiosk = await createKioskServices({
      dataDir: path.dirname(temp.file),
      resourcesDir,
      host: 'browser',
      version: 'test',
      clock: fixedClock(new Date('2027-03-01T09:00:00Z')),
    });
    cleanups.push(temp.cleanup, () => kiosk.close());
    return kiosk;
  }

  it('answers catalog.search and catalog.item over the demo collection, and not-found for an unknown item', async () => {
    const { handlers } = await services();
    const found = await dispatch(handlers, 'catalog.search', { locale: 'ko', query: '흙' });
    expect(found.ok && (found.value as { items: { id: string }[] }).items[0]?.id).toBe('healthy-soil');
    const hostile = await dispatch(handlers, 'catalog.search', { locale: 'en', query: 'NEAR("soil" *' });
    expect(hostile).toMatchObject({ ok: true });

    const detail = await dispatch(handlers, 'catalog.item', { locale: 'zh-Hans', id: 'healthy-soil' });
    expect(detail).toMatchObject({ ok: true, value: { id: 'healthy-soil', language: 'zh' } });
    const files = detail.ok ? (detail.value as { files: { hash: string; url: string }[] }).files : [];
    for (const file of files) expect(file.url).toBe(`/content/${file.hash}`);
    const missing = await dispatch(handlers, 'catalog.item', { locale: 'en', id: 'no-such-item' });
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no item "no-such-item" in the catalog.' },
    });
  });

  it('lists only recent items when catalog.list is given addedSince, and refuses a malformed date', async () => {
    const { handlers } = await services();
    const all = await dispatch(handlers, 'catalog.list', { locale: 'en' });
    const recent = await dispatch(handlers, 'catalog.list', { locale: 'en', addedSince: '2026-11-15' });
    expect(all.ok && recent.ok).toBe(true);
    if (!all.ok || !recent.ok) return;
    const everything = (all.value as { items: { addedAt: string }[] }).items;
    const expected = everything.filter((entry) => entry.addedAt >= '2026-11-15T00:00:00.000Z').length;
    expect((recent.value as { total: number }).total).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(everything.length);
    const bad = await dispatch(handlers, 'catalog.list', { locale: 'en', addedSince: 'last week' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
