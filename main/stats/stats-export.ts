/**
 * The signed usage export as a file (docs/stats-format.md): its schema, shared by the kiosk that writes it and
 * the centre that checks and merges it, the venue id, and the names of the three files on the stick.
 */
import { z } from 'zod';
import { DailyRow, isRowAsWritten } from './daily-row.ts';

/** `k-` and the first 16 hex digits of the SHA-256 of the raw 32-byte Ed25519 public key. */
export const VenueId = z.string().regex(/^k-[0-9a-f]{16}$/, 'a venue id: k- and 16 hex digits');
export type VenueId = z.infer<typeof VenueId>;

/** Days already found in the calendar: a merge meets the same few hundred in thousands of exports. */
const calendarDays = new Set<string>();

/** Whether a `YYYY-MM-DD` is a day of the calendar (2027-02-30 is not). */
function isCalendarDay(day: string): boolean {
  if (calendarDays.has(day)) return true;
  const date = new Date(`${day}T00:00:00Z`);
  const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  if (real) calendarDays.add(day);
  return real;
}

/** A UTC day that exists in the calendar (the row schema checks only its shape; an export's rows are checked here). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day: YYYY-MM-DD')
  .refine(isCalendarDay, 'a day of the calendar');

/** The folder an export goes into on the stick, and where the centre looks for exports. */
export const exportFolderName = 'reading-room-stats';

export function exportBaseName(venueId: string, sequence: number): string {
  return `${venueId}-${sequence}`;
}

/** `<venueId>-<sequence>.json`, as the centre finds it; the name must agree with the content. */
export const exportFileNamePattern = /^(k-[0-9a-f]{16})-([1-9][0-9]*)\.json$/;

/** One row per (day, kind, item) at most: a second one would be counted twice by the centre. */
export function rowKey(row: Pick<DailyRow, 'day' | 'kind' | 'itemId'>): string {
  return `${row.day}\u0000${row.kind}\u0000${row.itemId}`;
}

/** The order rows are written in: (day, kind, item), code-unit order. */
export function compareRowKeys(a: DailyRow, b: DailyRow): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
}

const headerFields = {
  format: z.literal(1),
  venueId: VenueId,
  venueName: z.string().max(200),
  keyId: VenueId,
  sequence: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  createdAt: z.iso.datetime(),
  fromDay: Day,
  toDay: Day,
};

export const StatsExport = z.strictObject({ ...headerFields, rows: z.array(DailyRow) }).superRefine((file, context) => {
  if (file.fromDay > file.toDay) {
    context.addIssue({ code: 'custom', path: ['toDay'], message: `toDay ${file.toDay} is before fromDay` });
    return;
  }
  const seen = new Set<string>();
  for (const [index, row] of file.rows.entries()) {
    if (!isCalendarDay(row.day)) {
      context.addIssue({
        code: 'custom',
        path: ['rows', index, 'day'],
        message: `${row.day} is not a day of the calendar`,
      });
      return;
    }
    if (row.day < file.fromDay || row.day > file.toDay) {
      context.addIssue({
        code: 'custom',
        path: ['rows', index, 'day'],
        message: `${row.day} is outside ${file.fromDay}–${file.toDay}`,
      });
      return;
    }
    const key = rowKey(row);
    if (seen.has(key)) {
      context.addIssue({
        code: 'custom',
        path: ['rows', index],
        message: `a second row for ${row.day} ${row.kind} "${row.itemId}"`,
      });
      return;
    }
    seen.add(key);
  }
});
export type StatsExport = z.infer<typeof StatsExport>;

const ExportHeader = z.strictObject({ ...headerFields, rows: z.custom<unknown[]>(Array.isArray) });

/**
 * `StatsExport.safeParse`, fast for an export as a kiosk writes it: the header by the schema, then each row by
 * hand, in strictly increasing (day, kind, item) order (so no row twice) within the days. Whatever is not so goes
 * through the whole schema, which accepts the same files and names what is wrong in the others.
 */
export function parseStatsExport(json: unknown): z.ZodSafeParseResult<StatsExport> {
  const header = ExportHeader.safeParse(json);
  if (header.success) {
    const { rows, fromDay, toDay } = header.data;
    let previous: DailyRow | undefined;
    let asWritten = fromDay <= toDay;
    for (let i = 0; asWritten && i < rows.length; i++) {
      const row = rows[i];
      asWritten =
        isRowAsWritten(row) &&
        row.day >= fromDay &&
        row.day <= toDay &&
        (previous === undefined || compareRowKeys(previous, row) < 0) &&
        // Rows come day by day: each day is checked once.
        (row.day === previous?.day || isCalendarDay(row.day));
      previous = row as DailyRow;
    }
    if (asWritten) return { success: true, data: header.data as StatsExport };
  }
  return StatsExport.safeParse(json);
}
