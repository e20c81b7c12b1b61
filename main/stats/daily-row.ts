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

export const DailyRow = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    kind: StatsEventKind,
    /** `''` for events without an item; `<quiz>/<question>` for `quiz-answer`, `<contest>/<team>` for `contest-entry`. */
    itemId: z.string().max(130),
    itemTitle: z.string().max(500),
    subject: z.string().max(64),
    count: z.number().int().nonnegative(),
    amount: z.number().nonnegative(),
  })
  .strict();
export type DailyRow = z.infer<typeof DailyRow>;
