/**
 * The stats capability: takes the screens' reports of what visitors do, stamps each with the kiosk's
 * clock and the item's title and first subject as they are now (so a removed item keeps its name in the
 * reports), and hands them to the stats worker; answers staff with the counts for the charts.
 */
import path from 'node:path';
import type { VisitorEvent } from '../../preload/contract/stats.ts';
import type { Capability } from '../api/capability.ts';
import type { Catalog } from '../catalog/catalog-client.ts';
import type { Clock } from '../clock.ts';
import { siblingModule, startWorker } from '../workers/worker-rpc.ts';
import type { StatsEvent, StatsStore } from './stats-store.ts';

export type StatsCapability = Capability<'stats.record' | 'staff.usage'>;

export interface StatsOptions {
  dataDir: string;
  clock: Clock;
  catalog: Pick<Catalog['api'], 'item'>;
}

const dayMs = 86_400_000;

export function startStatsCapability(options: StatsOptions): StatsCapability {
  const worker = startWorker<StatsStore>(siblingModule(import.meta.url, 'stats.worker'), {
    workerData: { path: path.join(options.dataDir, 'stats.sqlite') },
  });
  const { api } = worker;
  const describe = async (event: VisitorEvent, at: string): Promise<StatsEvent> => {
    const base: StatsEvent = { at, kind: event.kind };
    if (event.amount !== undefined) base.amount = event.amount;
    if (event.detail !== undefined) base.detail = event.detail;
    if (!event.itemId) return base;
    const item = await options.catalog.item({ locale: 'en', id: event.itemId, newSince: at });
    // An item that is gone (removed between the tap and this report) is counted without a title.
    return { ...base, itemId: event.itemId, itemTitle: item?.title ?? '', subject: item?.subjects[0] ?? '' };
  };
  return {
    handlers: {
      'stats.record': async ({ events }) => {
        const at = options.clock.now().toISOString();
        await api.record(await Promise.all(events.map((event) => describe(event, at))));
        return { ok: true } as const;
      },
      'staff.usage': async ({ days }) => {
        const now = options.clock.now();
        const toDay = now.toISOString().slice(0, 10);
        const fromDay = new Date(now.getTime() - (days - 1) * dayMs).toISOString().slice(0, 10);
        const [daily, subjects, topItems] = await Promise.all([
          api.days(fromDay, toDay),
          api.subjects(fromDay, toDay),
          api.topItems(fromDay, toDay, 10),
        ]);
        return { fromDay, toDay, days: daily, subjects, topItems };
      },
    },
    start: () => void api.prune(options.clock.now().toISOString()).catch(() => undefined),
    close: () => worker.close(),
  };
}
