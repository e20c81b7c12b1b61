/**
 * The main thread while visitors generate usage events: the event loop's delay (p50/p99/max) with the
 * real services answering `stats.record` at 50 events a second (in batches, as the screens send them,
 * and one at a time, the worst case), against the same services idle for as long, in the same run.
 * Goal: p99 ≤ 20 ms with events.
 *
 *   node bench/stats-events.bench.ts [--seconds 20]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { resourcesDir } from '../main/app-paths.ts';
import { dispatch } from '../main/api/dispatch.ts';
import { systemClock } from '../main/clock.ts';
import { createKioskServices } from '../main/services.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' } } });
const seconds = Number(values.seconds);
const work = await mkdtemp(path.join(os.tmpdir(), 'stats-events-bench-'));
const services = await createKioskServices({
  dataDir: path.join(work, 'data'),
  resourcesDir,
  host: 'browser',
  version: 'bench',
  clock: systemClock,
});
const items = ['solar-basics', 'healthy-soil', 'solar-cooker', 'clean-water'];
const record = (events: unknown[]) =>
  dispatch(services.handlers, 'stats.record', { events }, { caller: 'bench', gate: services.gate });

async function phase(name: string, perSecond: number, batch: number): Promise<Record<string, number | string>> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const end = performance.now() + seconds * 1000;
  let sent = 0;
  let failed = 0;
  while (performance.now() < end) {
    if (perSecond > 0) {
      const events = Array.from({ length: batch }, (_, index) => {
        const itemId = items[(sent + index) % items.length]!;
        return (sent + index) % 3 === 0 ? { kind: 'item-open', itemId } : { kind: 'reading-time', itemId, amount: 30 };
      });
      sent += batch;
      void record(events).then((answer) => {
        if (!answer.ok) failed += 1;
      });
    }
    await sleep(perSecond > 0 ? (1000 * batch) / perSecond : 100);
  }
  await sleep(500);
  delay.disable();
  const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
  return {
    phase: name,
    events: sent,
    failedCalls: failed,
    p50Ms: ms(delay.percentile(50)),
    p99Ms: ms(delay.percentile(99)),
    maxMs: ms(delay.max),
  };
}

try {
  const idle = await phase('idle', 0, 0);
  const batched = await phase('50 events/s in batches of 10', 50, 10);
  const single = await phase('50 events/s one by one', 50, 1);
  for (const result of [idle, batched, single]) console.log(JSON.stringify(result));
  for (const result of [batched, single]) {
    console.log(
      `${result.phase}: p99 ${result.p99Ms} ms (${(Number(result.p99Ms) / Math.max(0.01, Number(idle.p99Ms))).toFixed(2)}× idle), goal ≤ 20 ms`,
    );
  }
} finally {
  await services.close();
  await rm(work, { recursive: true, force: true });
}
