/**
 * The catalog as the main process uses it: every call crosses to the catalog worker thread, which
 * only reads, so the main thread keeps answering while SQLite works and while another connection
 * installs; the contract calls answer through it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../../main/clock.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { startCatalog, type Catalog } from '../../../main/catalog/catalog-client.ts';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import { migrations } from '../../../main/catalog/migrations/index.ts';
import type { PackRecord } from '../../../main/packs/pack-record-types.ts';
import { createKioskServices, type KioskServices } from '../../../main/services.ts';
import { startWorker } from '../../../main/workers/worker-rpc.ts';
import { hashOf, installedAt, item, multilingualPack, newSince, pack, tempCatalogPath } from './catalog-fixtures.ts';

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
  it('searches and answers item pages across the thread boundary, seeing what another connection installed', async () => {
    const { catalog, file } = catalogInTemp();
    const before = await catalog.api.revision();
    const writer = new CatalogWriter(file);
    writer.installPack(multilingualPack(), installedAt);
    writer.close();
    expect(await catalog.api.revision()).toBeGreaterThan(before);
    const found = await catalog.api.search({ locale: 'ko', newSince, query: '건강', offset: 0, limit: 5 });
    expect(found).toMatchObject({ total: 1, items: [{ id: 'healthy-soil', title: '건강한 흙, 더 나은 수확' }] });
    expect(await catalog.api.item({ locale: 'en', newSince, id: 'nope' })).toBeNull();
  });

  it('serves no writes: the worker has no install, and its connection is read-only', async () => {
    const { catalog } = catalogInTemp();
    const untyped = catalog.api as unknown as { installPack(pack: PackRecord, now: string): Promise<void> };
    await expect(untyped.installPack(multilingualPack(), installedAt)).rejects.toThrow('no method installPack');
    expect(await catalog.api.installedPacks()).toEqual([]);
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

  it('keeps answering, never showing half a pack, while another thread installs a large one', async () => {
    const { catalog, file } = catalogInTemp();
    // The catalog worker has migrated the file once it answers; then the writer opens it, as at the kiosk.
    await catalog.api.revision();
    const writer = startWorker<CatalogWriter>(new URL('./writer.worker.ts', import.meta.url), {
      workerData: { path: file },
    });
    cleanups.push(() => writer.close());
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
    const search = () => catalog.api.search({ locale: 'en', newSince, query: 'circuits', offset: 0, limit: 1 });
    const started = performance.now();
    let installing = true;
    const install = writer.api.installPack(big, installedAt).finally(() => (installing = false));
    const totalsSeen = new Set<number>();
    let answered = 0;
    while (installing) {
      totalsSeen.add((await search()).total);
      answered++;
    }
    await install;
    const took = performance.now() - started;
    clearInterval(timer);

    expect((await search()).total).toBe(4000);
    // WAL: the reader went on answering from the old version until the switch, then the new one, never a part.
    expect(answered).toBeGreaterThan(5);
    expect([...totalsSeen].every((total) => total === 0 || total === 4000)).toBe(true);
    // The install is slow enough to matter, yet the main thread kept ticking all along: the
    // longest pause is the structured clone of the request, a small part of the work.
    expect(took).toBeGreaterThan(300);
    expect(ticks).toBeGreaterThan(10);
    expect(longestStall).toBeLessThan(took / 3);
  });
});

describe('the catalog calls', () => {
  const visitor = { caller: 'test-screen', gate: { admits: () => false } };
  async function services(clock: Clock = fixedClock(new Date('2027-03-01T09:00:00Z'))): Promise<KioskServices> {
    const temp = tempCatalogPath();
    const kiosk = await createKioskServices({
      dataDir: path.dirname(temp.file),
      resourcesDir,
      host: 'browser',
      version: 'test',
      clock,
    });
    cleanups.push(temp.cleanup, () => kiosk.close());
    return kiosk;
  }

  it('answers catalog.search and catalog.item over the demo collection, and not-found for an unknown item', async () => {
    const { handlers } = await services();
    const found = await dispatch(handlers, 'catalog.search', { locale: 'ko', query: '흙' }, visitor);
    expect(found.ok && (found.value as { items: { id: string }[] }).items[0]?.id).toBe('healthy-soil');
    const hostile = await dispatch(handlers, 'catalog.search', { locale: 'en', query: 'NEAR("soil" *' }, visitor);
    expect(hostile).toMatchObject({ ok: true });

    const detail = await dispatch(handlers, 'catalog.item', { locale: 'zh-Hans', id: 'healthy-soil' }, visitor);
    expect(detail).toMatchObject({ ok: true, value: { id: 'healthy-soil', language: 'zh' } });
    const files = detail.ok ? (detail.value as { files: { hash: string; url: string }[] }).files : [];
    for (const file of files) expect(file.url).toBe(`/content/${file.hash}`);
    const missing = await dispatch(handlers, 'catalog.item', { locale: 'en', id: 'no-such-item' }, visitor);
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no item "no-such-item" in the catalog.' },
    });
  });

  it('counts what arrived in the last 30 days by the kiosk’s clock as new, then the latest arrivals stay listed', async () => {
    const installedAt = new Date('2027-03-01T09:00:00Z');
    let now = installedAt;
    const { handlers } = await services({ now: () => now });
    type Page = { total: number; items: { arrivedAt: string; isNew: boolean }[] };
    const list = async (request: object) => {
      const page = await dispatch(handlers, 'catalog.list', { locale: 'en', ...request }, visitor);
      if (!page.ok) throw new Error(page.error.message);
      return page.value as Page;
    };
    const all = await list({});
    // The demo pack arrived as one install, at the kiosk's time: all of it at once, and all of it new.
    expect(all.total).toBeGreaterThan(0);
    expect(all.items.every((item) => item.arrivedAt === installedAt.toISOString() && item.isNew)).toBe(true);
    expect((await list({ newOnly: true })).total).toBe(all.total);

    now = new Date(installedAt.getTime() + 30 * 86_400_000);
    expect((await list({ newOnly: true })).total).toBe(all.total);
    now = new Date(installedAt.getTime() + 30 * 86_400_000 + 1);
    expect((await list({ newOnly: true })).total).toBe(0);
    const later = await list({});
    expect(later.total).toBe(all.total);
    expect(later.items.some((item) => item.isNew)).toBe(false);

    const refused = await dispatch(handlers, 'catalog.list', { locale: 'en', arrivedSince: '2027-01-01' }, visitor);
    expect(refused.ok || refused.error.code).toBe('bad-request');
  });
});
