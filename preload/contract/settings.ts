/** The contract's settings slice: what staff set for their venue, read and saved from the staff screen. */
import { z } from 'zod';
import { staffCall } from './call.ts';
import { Subject } from './catalog.ts';
import { Locale, Slug } from './schemas.ts';

/** Hours of the day, 0–23, on the kiosk's clock: downloads run from `fromHour` until `toHour` (across midnight when it is smaller). */
export const DownloadWindow = z
  .object({ fromHour: z.number().int().min(0).max(23), toHour: z.number().int().min(0).max(23) })
  .strict()
  .refine((window) => window.fromHour !== window.toHour, 'a window needs a start and an end an hour or more apart');
export type DownloadWindow = z.infer<typeof DownloadWindow>;

/** Where the kiosk looks for updates: http(s) only (the feed is signed), with no user name or password in it. */
export const FeedUrl = z.union([
  z.literal(''),
  z
    .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
    .max(500)
    .refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), 'an address without a user name or password'),
]);

/** The venue's quiz board: off unless staff switch it on; it starts afresh each day or each Monday. */
export const QuizBoardSettings = z
  .object({
    enabled: z.boolean(),
    period: z.enum(['day', 'week']),
    /** Visitors may type a nickname (checked against the blocklists), not only take a generated one. */
    typedNicknames: z.boolean(),
  })
  .strict();
export type QuizBoardSettings = z.infer<typeof QuizBoardSettings>;

export const VenueSettings = z
  .object({
    /** Shown on the attract screen; empty until staff name the venue. */
    venueName: z.string().max(80),
    /** The language a new visit starts in. */
    defaultLocale: Locale,
    /** Seconds without a touch before a visit ends. */
    idleSeconds: z.number().int().min(1).max(3600),
    /** How long an item counts as new after it arrived. */
    newForDays: z.number().int().min(1).max(365),
    // Fields added after the first release default, so a settings file saved before them still reads.
    /** Subjects visitors do not see: their shelves, and items in no other subject, are left out. */
    hiddenSubjects: z.array(Slug).max(500).default([]),
    /** Whether the statistics keep what visitors searched for, not only how often; off unless staff opt in. */
    keepSearchWords: z.boolean().default(false),
    /** The channels this venue receives from the update feed (a farm: agriculture; a hospital: medicine). */
    channels: z.array(Slug).max(100).default([]),
    /** The update feed's address; empty: no feed, packs come by USB only. */
    feedUrl: FeedUrl.default(''),
    /** When downloads may run; null: at any time. */
    downloadWindow: DownloadWindow.nullable().default(null),
    /** A cap on download speed in kilobytes a second; 0: no cap. */
    downloadKilobytesPerSecond: z.number().int().min(0).max(1_000_000).default(0),
    board: QuizBoardSettings.default({ enabled: false, period: 'week', typedNicknames: false }),
  })
  .strict();
export type VenueSettings = z.infer<typeof VenueSettings>;

export const settingsCalls = {
  'staff.settings': staffCall(z.object({}).strict(), VenueSettings),
  /**
   * What staff choose among: channels the trusted keys may sign or installed packs are in, and every
   * installed subject (hidden ones too), named in `locale`.
   */
  'staff.settingChoices': staffCall(
    z.object({ locale: Locale }).strict(),
    z.object({ channels: z.array(Slug), subjects: z.array(Subject) }).strict(),
  ),
  /** Saves all settings at once; the screens take them up at the next visit (the visit in progress keeps its language). */
  'staff.saveSettings': staffCall(z.object({ settings: VenueSettings }).strict(), VenueSettings),
} as const;

export const settingsEvents = {
  /** Staff saved the settings: screens read `app.info` again. */
  'settings.changed': z.object({}),
} as const;
