/** The contract's USB sources slice: the packs found on inserted sticks, and importing one of them. */
import { z } from 'zod';
import { staffCall } from './call.ts';
import { ImportFailure, ImportOutcome } from './packs.ts';
import { Slug } from './schemas.ts';

/** A pack folder found on a mounted stick, checked (signature, key, version, files present) but not copied. */
export const DetectedPack = z.object({
  /** Handle to pass to `staff.import`; valid while the stick stays mounted. */
  source: z.string().max(100),
  /** Where it was found, e.g. `/media/kiosk/STICK/science-2026`, so staff recognise the stick. */
  location: z.string(),
  status: z.enum(['ready', 'installed', 'refused']),
  packId: Slug.optional(),
  channel: Slug.optional(),
  version: z.number().int().positive().optional(),
  kind: z.enum(['full', 'delta']).optional(),
  files: z.number().int().nonnegative().optional(),
  bytes: z.number().nonnegative().optional(),
  /** What loading it would do to the shelves (`ready` packs): items new, items in a new edition, items gone. */
  changes: z
    .object({
      added: z.number().int().nonnegative(),
      replaced: z.number().int().nonnegative(),
      removed: z.number().int().nonnegative(),
    })
    .optional(),
  /** About how much room the kiosk would have left after loading it (`ready` packs). */
  freeBytesAfter: z.number().optional(),
  /** Why it cannot be imported (`refused`) or why it need not be (`installed`: same or newer version). */
  problem: ImportFailure.optional(),
});
export type DetectedPack = z.infer<typeof DetectedPack>;

export const sourcesCalls = {
  /** The packs on mounted USB sticks, each already checked (signature, key, version, files). */
  'staff.packs': staffCall(z.object({}).strict(), z.object({ packs: z.array(DetectedPack) })),
  /** Import a detected pack; answers when it is installed or refused. Progress comes as events. */
  'staff.import': staffCall(z.object({ source: z.string().min(1).max(100) }).strict(), ImportOutcome),
  /**
   * Stops the running import after its current chunk (its `staff.import` answers `cancelled`); the files
   * copied so far stay, so loading the pack again resumes. `cancelled` is false when none was running.
   */
  'staff.cancelImport': staffCall(z.object({}).strict(), z.object({ cancelled: z.boolean() })),
} as const;

export const sourcesEvents = {
  /** The packs on mounted sticks changed: a stick was plugged in or pulled. */
  'sources.packs': z.object({ packs: z.array(DetectedPack) }),
} as const;
