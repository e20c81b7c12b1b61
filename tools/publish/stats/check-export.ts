/**
 * One export checked for the merge, in a worker thread so that the two cores read, verify and parse files side by
 * side: `verifyStatsExportSync`, then its rows as columns of numbers (day, kind, text, count, amount) that the main
 * thread hands DuckDB as they are. The texts (item, title, subject) repeat from row to row and file to file: each
 * worker numbers those it meets and sends each one once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { statsEventKinds, type DailyRow } from '../../../main/stats/daily-row.ts';
import { ExportRefusedError, verifyStatsExportSync, type ExportRefusalCode, type Venue } from './verify-export.ts';

export type CheckRequest = { index: number; file: string };

/** An export's rows, column by column. */
export interface StagedRows {
  /** Days since 1970-01-01. */
  days: Int32Array;
  /** Index in `statsEventKinds`. */
  kinds: Uint8Array;
  /** The row's (item, title, subject), numbered by `TextIds`. */
  texts: Int32Array;
  counts: Float64Array;
  amounts: Float64Array;
}

/** A text first met in this export: its number, item id, item title and subject. */
export type NewText = [id: number, itemId: string, itemTitle: string, subject: string];

export type CheckResult =
  | {
      index: number;
      ok: true;
      venueId: string;
      sequence: number;
      fromDay: string;
      toDay: string;
      createdAt: string;
      rows: StagedRows;
      newTexts: NewText[];
    }
  | { index: number; ok: false; code: ExportRefusalCode; detail: string }
  | { index: number; ok: false; code: 'failed'; detail: string };

const kindIndex = new Map<string, number>(statsEventKinds.map((kind, i) => [kind, i]));
const dayMs = 86_400_000;

/**
 * Numbers each (item, title, subject) a worker meets. Worker `first` of `step` workers gives `first`,
 * `first + step`, …, so the numbers of all workers never collide.
 */
export class TextIds {
  private readonly ids = new Map<string, number>();
  /** An item's last texts: nearly every row of an item has the same title and subject as the one before. */
  private readonly lastOfItem = new Map<string, { itemTitle: string; subject: string; id: number }>();
  private next: number;
  private readonly step: number;
  private fresh: NewText[] = [];

  constructor(first: number, step: number) {
    this.next = first;
    this.step = step;
  }

  idOf(row: DailyRow): number {
    const last = this.lastOfItem.get(row.itemId);
    if (last && last.itemTitle === row.itemTitle && last.subject === row.subject) return last.id;
    // Lengths first, so that no two different triples give one key.
    const key = `${row.itemId.length}:${row.itemTitle.length}:${row.itemId}${row.itemTitle}${row.subject}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.next;
      this.next += this.step;
      this.ids.set(key, id);
      this.fresh.push([id, row.itemId, row.itemTitle, row.subject]);
    }
    this.lastOfItem.set(row.itemId, { itemTitle: row.itemTitle, subject: row.subject, id });
    return id;
  }

  /** The texts numbered since the last call. */
  takeFresh(): NewText[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

function columns(rows: readonly DailyRow[], texts: TextIds): StagedRows {
  const staged: StagedRows = {
    days: new Int32Array(rows.length),
    kinds: new Uint8Array(rows.length),
    texts: new Int32Array(rows.length),
    counts: new Float64Array(rows.length),
    amounts: new Float64Array(rows.length),
  };
  let day = '';
  let dayNumber = 0;
  for (const [i, row] of rows.entries()) {
    if (row.day !== day) {
      day = row.day;
      dayNumber = Date.parse(`${day}T00:00:00Z`) / dayMs;
    }
    staged.days[i] = dayNumber;
    staged.kinds[i] = kindIndex.get(row.kind)!;
    staged.texts[i] = texts.idOf(row);
    staged.counts[i] = row.count;
    staged.amounts[i] = row.amount;
  }
  return staged;
}

export function checkExport(
  index: number,
  file: string,
  venues: ReadonlyMap<string, Venue>,
  texts: TextIds,
): CheckResult {
  try {
    const { content } = verifyStatsExportSync(file, venues);
    return {
      index,
      ok: true,
      venueId: content.venueId,
      sequence: content.sequence,
      fromDay: content.fromDay,
      toDay: content.toDay,
      createdAt: content.createdAt,
      rows: columns(content.rows, texts),
      newTexts: texts.takeFresh(),
    };
  } catch (error) {
    if (error instanceof ExportRefusedError) return { index, ok: false, code: error.code, detail: error.detail };
    return { index, ok: false, code: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort && workerData?.role === 'check-export') {
  const port = parentPort;
  const venues = new Map(workerData.venues as [string, Venue][]);
  const texts = new TextIds(workerData.firstTextId as number, workerData.textIdStep as number);
  port.on('message', (request: CheckRequest) => {
    const result = checkExport(request.index, request.file, venues, texts);
    // The columns move to the main thread rather than being copied.
    const transfer = result.ok ? Object.values(result.rows).map((column) => column.buffer) : [];
    port.postMessage(result, transfer);
  });
}
