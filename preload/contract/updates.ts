/**
 * The contract's updates slice: what staff see of the update feed (docs/feed-format.md) on the Updates screen,
 * and "check now". Where the feed is, the channels, the window and the speed cap are settings (`settings.ts`).
 */
import { z } from 'zod';
import { staffCall } from './call.ts';
import { Slug } from './schemas.ts';

export const UpdatesState = z.enum([
  /** No feed address is set: packs come by USB only. */
  'off',
  /** Set, not checked yet since the kiosk started. */
  'idle',
  'checking',
  'downloading',
  'up-to-date',
  /** Packs are waiting for the download window. */
  'waiting-window',
  /** The last check loaded everything it planned. */
  'updated',
  /** The last check failed, or some of its packs did (`problems`). */
  'failed',
]);
export type UpdatesState = z.infer<typeof UpdatesState>;

/** Why a feed, or a download from it, was refused or stopped; the Updates screen has words for each. */
export const feedProblemCodes = [
  'unreachable',
  'http-error',
  'too-large',
  'bad-signature',
  'unknown-key',
  'key-revoked',
  'channel-not-allowed',
  'malformed-feed',
  'expired',
  'replayed',
  'size-mismatch',
  'hash-mismatch',
  'paused',
  'disk-full',
] as const;
export type FeedProblemCode = (typeof feedProblemCodes)[number];

export const UpdatesProblem = z.strictObject({
  /** A feed problem (`feedProblemCodes`), a pack's import refusal (`ImportFailureCode`), or `failed`. */
  code: z.string().max(40),
  packId: Slug.optional(),
  detail: z.string().max(2000),
});
export type UpdatesProblem = z.infer<typeof UpdatesProblem>;

/** The app's own update, where the host can install one (Electron): what it waits for, if anything. */
export const AppUpdate = z.strictObject({
  version: z.string().max(40),
  state: z.enum(['downloaded', 'outside-rollout', 'visitor-active', 'import-running', 'installing']),
});
export type AppUpdate = z.infer<typeof AppUpdate>;

export const UpdatesStatus = z.strictObject({
  state: UpdatesState,
  lastCheckAt: z.string().nullable(),
  nextCheckAt: z.string().nullable(),
  /** When the window opens next, while packs wait for it. */
  windowOpensAt: z.string().nullable(),
  feedVersion: z.number().int().nullable(),
  /** Packs the feed has that this kiosk waits to load, with what they would download at most. */
  pending: z.array(z.strictObject({ packId: Slug, version: z.number().int(), bytes: z.number().nonnegative() })),
  /** Loaded by the last check. */
  loaded: z.array(z.strictObject({ packId: Slug, version: z.number().int(), fetchedBytes: z.number().nonnegative() })),
  problems: z.array(UpdatesProblem).max(50),
  /** While downloading. */
  progress: z
    .strictObject({
      packId: Slug,
      receivedBytes: z.number().nonnegative(),
      totalBytes: z.number().nonnegative(),
      /** Null until enough has arrived to tell. */
      secondsLeft: z.number().nonnegative().nullable(),
    })
    .nullable(),
  appVersion: z.string(),
  appUpdate: AppUpdate.nullable(),
});
export type UpdatesStatus = z.infer<typeof UpdatesStatus>;

export const updatesCalls = {
  'staff.updates': staffCall(z.strictObject({}), UpdatesStatus),
  /** Checks the feed now (or joins the check running); answers at once with the state, which then changes by events. */
  'staff.checkUpdates': staffCall(z.strictObject({}), UpdatesStatus),
} as const;

export const updatesEvents = {
  /** The status changed: the Updates screen reads `staff.updates` again. */
  'updates.changed': z.object({}),
} as const;
