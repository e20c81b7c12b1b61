/**
 * One export checked for the merge, in a worker thread so that the two cores parse and check files side by side:
 * `verifyStatsExport`, then its rows in (day, kind, item) order as JSON text, which DuckDB reads back and whose
 * digest tells a duplicate from a conflict.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { DailyRow } from '../../../main/stats/daily-row.ts';
import { rowKey } from '../../../main/stats/stats-export.ts';
import { ExportRefusedError, verifyStatsExport, type ExportRefusalCode, type Venue } from './verify-export.ts';

export type CheckRequest = { index: number; file: string };

export type CheckResult =
  | {
      index: number;
      ok: true;
      venueId: string;
      sequence: number;
      fromDay: string;
      toDay: string;
      createdAt: string;
      rows: string;
      digest: string;
    }
  | { index: number; ok: false; code: ExportRefusalCode; detail: string }
  | { index: number; ok: false; code: 'failed'; detail: string };

/** The rows in (day, kind, item) order, as a kiosk writes them: sorted only if they are not already. */
export function canonicalOrder(rows: DailyRow[]): DailyRow[] {
  const keys = rows.map(rowKey);
  if (keys.every((key, i) => i === 0 || keys[i - 1]! < key)) return rows;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
  return order.map((i) => rows[i]!);
}

export async function checkExport(
  index: number,
  file: string,
  venues: ReadonlyMap<string, Venue>,
): Promise<CheckResult> {
  try {
    const { content } = await verifyStatsExport(file, venues);
    // Rows come out of the schema with their keys in one order, so equal rows give equal text.
    const rows = JSON.stringify(canonicalOrder(content.rows));
    return {
      index,
      ok: true,
      venueId: content.venueId,
      sequence: content.sequence,
      fromDay: content.fromDay,
      toDay: content.toDay,
      createdAt: content.createdAt,
      rows,
      digest: createHash('sha256').update(rows).digest('hex'),
    };
  } catch (error) {
    if (error instanceof ExportRefusedError) return { index, ok: false, code: error.code, detail: error.detail };
    return { index, ok: false, code: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort && workerData?.role === 'check-export') {
  const port = parentPort;
  const venues = new Map(workerData.venues as [string, Venue][]);
  port.on('message', (request: CheckRequest) => {
    void checkExport(request.index, request.file, venues).then((result) => port.postMessage(result));
  });
}
