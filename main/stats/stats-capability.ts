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
import type { KioskLog } from '../log/kiosk-log.ts';
import { sourceHandle } from '../sources/pack-sources.ts';
import { siblingModule, startWorker } from '../workers/worker-rpc.ts';
import { writeStatsExport } from './export-stats.ts';
import { openKioskKey } from './kiosk-key.ts';
import type { QuizUsageRows, StatsEvent, StatsStore } from './stats-store.ts';

export interface StatsCapability extends Capability<
  'stats.record' | 'staff.usage' | 'staff.identity' | 'staff.exportSticks' | 'staff.exportStats'
> {
  /** Erases the search words kept so far: staff opted out. */
  forgetSearchWords(): Promise<void>;
  /** Counts events another capability described whole (a finished quiz: its answers carry the question, not an item). */
  recordDescribed(events: readonly StatsEvent[]): Promise<void>;
  /** The quiz counts of the last `days` days up to today (the board and contests are the quiz capability's). */
  quizUsage(days: number): Promise<{ fromDay: string; toDay: string } & QuizUsageRows>;
}

export interface StatsOptions {
  dataDir: string;
  clock: Clock;
  catalog: Pick<Catalog['api'], 'item'>;
  /** The top folders of the sticks now inserted. */
  sticks: () => Promise<string[]>;
  /** The venue's name as staff set it, carried in each export. */
  venueName: () => string;
  /** Whether staff opted in to keep what visitors search for. */
  keepSearchWords: () => boolean;
  log: KioskLog;
}

const dayMs = 86_400_000;

export function startStatsCapability(options: StatsOptions): StatsCapability {
  const worker = startWorker<StatsStore>(siblingModule(import.meta.url, 'stats.worker'), {
    workerData: { path: path.join(options.dataDir, 'stats.sqlite') },
  });
  const { api } = worker;
  const lastDays = (days: number) => {
    const now = options.clock.now();
    const toDay = now.toISOString().slice(0, 10);
    return { toDay, fromDay: new Date(now.getTime() - (days - 1) * dayMs).toISOString().slice(0, 10) };
  };
  const describe = async (event: VisitorEvent, at: string): Promise<StatsEvent> => {
    const base: StatsEvent = { at, kind: event.kind };
    if (event.amount !== undefined) base.amount = event.amount;
    if (event.detail !== undefined) base.detail = event.detail;
    if (event.kind === 'search' && event.words && options.keepSearchWords()) base.detail = event.words;
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
        const { fromDay, toDay } = lastDays(days);
        const [daily, subjects, topItems, searchWords] = await Promise.all([
          api.days(fromDay, toDay),
          api.subjects(fromDay, toDay),
          api.topItems(fromDay, toDay, 10),
          api.searchWords(fromDay, toDay, 20),
        ]);
        return { fromDay, toDay, days: daily, subjects, topItems, searchWords };
      },
      'staff.identity': async () => {
        const key = await openKioskKey(options.dataDir, options.clock.now());
        return { venueId: key.venueId, fingerprint: key.fingerprint };
      },
      'staff.exportSticks': async () => ({
        sticks: (await options.sticks()).map((location) => ({ handle: sourceHandle(location), location })),
      }),
      'staff.exportStats': async ({ stick }) => {
        const location = (await options.sticks()).find((candidate) => sourceHandle(candidate) === stick);
        if (!location)
          return { ok: false, reason: 'stick-gone', detail: `no inserted stick has the handle ${stick}` } as const;
        const now = options.clock.now();
        // Today is still being counted: an export ends with yesterday, so the next one never repeats a day.
        const toDay = new Date(now.getTime() - dayMs).toISOString().slice(0, 10);
        const plan = await api.exportPlan();
        if (plan.fromDay === undefined || plan.fromDay > toDay) {
          return {
            ok: false,
            reason: 'nothing-new',
            detail: `nothing counted since ${plan.fromDay ?? 'the start'}`,
          } as const;
        }
        const fromDay = plan.fromDay;
        try {
          const written = await writeStatsExport({
            dir: location,
            key: await openKioskKey(options.dataDir, now),
            venueName: options.venueName(),
            sequence: plan.sequence,
            createdAt: now,
            fromDay,
            toDay,
            rows: await api.dailyRows(fromDay, toDay),
          });
          await api.recordExport(plan.sequence, now.toISOString(), fromDay, toDay);
          options.log.write({
            level: 'info',
            area: 'stats',
            message: `Exported usage #${plan.sequence} (${fromDay} to ${toDay}, ${written.rowCount} rows) to ${written.jsonFile}`,
          });
          return {
            ok: true,
            sequence: plan.sequence,
            fromDay,
            toDay,
            rows: written.rowCount,
            file: written.jsonFile,
          } as const;
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          options.log.write({ level: 'error', area: 'stats', message: 'Exporting usage failed', detail });
          return { ok: false, reason: 'write-failed', detail: detail.slice(0, 2000) } as const;
        }
      },
    },
    forgetSearchWords: async () => {
      await api.forgetSearchWords();
    },
    recordDescribed: async (events) => {
      if (events.length > 0) await api.record(events);
    },
    quizUsage: async (days) => {
      const { fromDay, toDay } = lastDays(days);
      return { fromDay, toDay, ...(await api.quizUsage(fromDay, toDay, 10)) };
    },
    start: () => void api.prune(options.clock.now().toISOString()).catch(() => undefined),
    close: () => worker.close(),
  };
}
