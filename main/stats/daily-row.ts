/** One daily aggregate of usage (docs/stats-format.md): what the stats store keeps and an export carries. */
import { z } from 'zod';

export const statsEventKinds = [
  'visit-start',
  'visit-end',
  'item-open',
  'pages-read',
  'reading-time',
  'video-watched',
  'search',
  'quiz-start',
  'quiz-finish',
  'quiz-answer',
  'contest-entry',
] as const;
export const StatsEventKind = z.enum(statsEventKinds);
export type StatsEventKind = z.infer<typeof StatsEventKind>;

const dayShape = /^\d{4}-\d{2}-\d{2}$/;
const limits = { itemId: 130, itemTitle: 500, subject: 64 } as const;

export const DailyRow = z
  .object({
    day: z.string().regex(dayShape),
    kind: StatsEventKind,
    /** `''` for events without an item; `<quiz>/<question>` for `quiz-answer`, `<contest>/<team>` for `contest-entry`. */
    itemId: z.string().max(limits.itemId),
    itemTitle: z.string().max(limits.itemTitle),
    subject: z.string().max(limits.subject),
    count: z.number().int().nonnegative(),
    amount: z.number().nonnegative(),
  })
  .strict();
export type DailyRow = z.infer<typeof DailyRow>;

const rowKeys = Object.keys(DailyRow.shape);
const kinds: ReadonlySet<unknown> = new Set(statsEventKinds);

/**
 * `DailyRow`'s check by hand, for the centre's millions of rows (zod costs about 1 µs a row): true only for a value
 * the schema accepts unchanged, its keys in the schema's order as a kiosk writes them. Anything else, valid or not,
 * is left to the schema, which names what is wrong.
 */
export function isRowAsWritten(value: unknown): value is DailyRow {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  if (keys.length !== rowKeys.length || keys.some((key, i) => key !== rowKeys[i])) return false;
  const row = value as Record<string, unknown>;
  const { day, itemId, itemTitle, subject, count, amount } = row;
  return (
    typeof day === 'string' &&
    dayShape.test(day) &&
    kinds.has(row.kind) &&
    typeof itemId === 'string' &&
    itemId.length <= limits.itemId &&
    typeof itemTitle === 'string' &&
    itemTitle.length <= limits.itemTitle &&
    typeof subject === 'string' &&
    subject.length <= limits.subject &&
    Number.isSafeInteger(count) &&
    (count as number) >= 0 &&
    typeof amount === 'number' &&
    Number.isFinite(amount) &&
    amount >= 0
  );
}
