/**
 * What the screens tell the stats capability: batched, so a visit costs a call every few seconds rather
 * than one per tap, and best effort — a count that fails to arrive must never trouble a visitor.
 */
import type { VisitorEvent } from '../../preload/contract/stats.ts';
import { kiosk } from '../kiosk.ts';

const flushAfterMs = 3000;
const batchLimit = 50;
let queue: VisitorEvent[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

export function report(event: VisitorEvent): void {
  queue.push(event);
  if (queue.length >= batchLimit) flushReports();
  else timer ??= setTimeout(flushReports, flushAfterMs);
}

/** Sends what is queued now: at a visit's end, so its counts do not wait for the next visitor. */
export function flushReports(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (queue.length === 0) return;
  const events = queue;
  queue = [];
  kiosk.call('stats.record', { events }).catch(() => undefined);
}
