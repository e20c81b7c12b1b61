/**
 * The contract's stats slice: the screens report what visitors do — anonymously, nothing that could
 * tell one visitor from another — and staff read the counts as charts. The main process stamps each
 * event with its own clock and the item's title and subject, so a screen cannot backdate or rename.
 */
import { z } from 'zod';
import { staffCall, visitorCall } from './call.ts';
import { Slug } from './schemas.ts';

/**
 * What a screen may report (`amount` is seconds, pages or results found, as docs/stats-format.md says).
 * `quiz-start`: the visitor began an attempt (`detail`: the mode); the rest of a quiz comes by `quiz.finish`.
 */
export const visitorEventKinds = [
  'visit-start',
  'visit-end',
  'item-open',
  'pages-read',
  'reading-time',
  'video-watched',
  'search',
  'quiz-start',
] as const;

export const VisitorEvent = z
  .object({
    kind: z.enum(visitorEventKinds),
    itemId: Slug.optional(),
    /** Bounded, so a broken screen cannot swamp the counts; screens cap seconds at six hours themselves. */
    amount: z.number().nonnegative().max(10_000_000).optional(),
    /** A visit's language or how it ended, a viewer's name; never the words of a search. */
    detail: z.string().max(40).optional(),
    /** A search's words: kept only where staff opted in (`keepSearchWords`), dropped unread otherwise. */
    words: z.string().max(200).optional(),
  })
  .strict();
export type VisitorEvent = z.infer<typeof VisitorEvent>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const UsageSummary = z.object({
  fromDay: Day,
  toDay: Day,
  days: z.array(
    z.object({
      day: Day,
      visits: z.number().nonnegative(),
      visitSeconds: z.number().nonnegative(),
      opens: z.number().nonnegative(),
      readingSeconds: z.number().nonnegative(),
      videoSeconds: z.number().nonnegative(),
      searches: z.number().nonnegative(),
    }),
  ),
  subjects: z.array(
    z.object({ subject: z.string(), opens: z.number().nonnegative(), readingSeconds: z.number().nonnegative() }),
  ),
  topItems: z.array(
    z.object({
      itemId: z.string(),
      itemTitle: z.string(),
      opens: z.number().nonnegative(),
      readingSeconds: z.number().nonnegative(),
      videoSeconds: z.number().nonnegative(),
    }),
  ),
  /** What visitors searched for most, where staff opted in to keep the words; empty otherwise. */
  searchWords: z.array(z.object({ words: z.string(), searches: z.number().nonnegative() })),
});
export type UsageSummary = z.infer<typeof UsageSummary>;

export const statsCalls = {
  'stats.record': visitorCall(
    z.object({ events: z.array(VisitorEvent).min(1).max(50) }).strict(),
    z.object({ ok: z.literal(true) }),
  ),
  /** This kiosk's venue id and key fingerprint, which the centre registers to accept its exports. */
  'staff.identity': staffCall(
    z.object({}).strict(),
    z.object({ venueId: z.string(), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
  /** The USB sticks an export can go to now. */
  'staff.exportSticks': staffCall(
    z.object({}).strict(),
    z.object({ sticks: z.array(z.object({ handle: z.string().max(100), location: z.string() })) }),
  ),
  /**
   * Writes every day counted since the last export, up to yesterday, signed, to the stick; the next export
   * starts where this one ended only once its files are all there.
   */
  'staff.exportStats': staffCall(
    z.object({ stick: z.string().min(1).max(100) }).strict(),
    z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        sequence: z.number().int().positive(),
        fromDay: Day,
        toDay: Day,
        rows: z.number().int().nonnegative(),
        file: z.string(),
      }),
      z.object({
        ok: z.literal(false),
        reason: z.enum(['nothing-new', 'stick-gone', 'write-failed']),
        detail: z.string().max(2000),
      }),
    ]),
  ),
  /** The last `days` days up to today, by the kiosk's clock. */
  'staff.usage': staffCall(z.object({ days: z.number().int().min(1).max(366) }).strict(), UsageSummary),
} as const;

export const statsEvents = {} as const;
