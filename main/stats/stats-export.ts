/**
 * The signed usage export as a file (docs/stats-format.md): its schema, shared by the kiosk that writes it and
 * the centre that checks and merges it, the venue id, and the names of the three files on the stick.
 */
import { z } from 'zod';
import { DailyRow } from './daily-row.ts';

/** `k-` and the first 16 hex digits of the SHA-256 of the raw 32-byte Ed25519 public key. */
export const VenueId = z.string().regex(/^k-[0-9a-f]{16}$/, 'a venue id: k- and 16 hex digits');
export type VenueId = z.infer<typeof VenueId>;

/** A UTC day that exists in the calendar (the row schema checks only its shape). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day: YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'a day of the calendar');

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

export const StatsExport = z
  .strictObject({
    format: z.literal(1),
    venueId: VenueId,
    venueName: z.string().max(200),
    keyId: VenueId,
    sequence: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    createdAt: z.iso.datetime(),
    fromDay: Day,
    toDay: Day,
    rows: z.array(DailyRow),
  })
  .superRefine((file, context) => {
    if (file.fromDay > file.toDay) {
      context.addIssue({ code: 'custom', path: ['toDay'], message: `toDay ${file.toDay} is before fromDay` });
      return;
    }
    const seen = new Set<string>();
    for (const [index, row] of file.rows.entries()) {
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
