/**
 * The contract's packs slice: why an import fails, and the progress and outcome every import
 * reports, whichever source (a USB stick, later a feed) handed it the pack.
 */
import { z } from 'zod';
import { staffCall } from './call.ts';
import { Slug } from './schemas.ts';

/** Faults of the pack itself. */
export const packErrorCodes = [
  'missing-manifest',
  'manifest-too-large',
  'malformed-manifest',
  'missing-signature',
  'bad-signature',
  'unknown-key',
  'bad-key-statement',
  'key-revoked',
  'channel-not-allowed',
  'expired',
  'rollback',
  'wrong-base',
  'unsafe-path',
  'unexpected-file',
  'missing-file',
  'size-mismatch',
  'hash-mismatch',
  'malformed-quiz',
  'malformed-page-text',
  'item-id-taken',
] as const;
export type PackErrorCode = (typeof packErrorCodes)[number];

/** Faults outside the pack: the disk, the stick, another import. */
export const importErrorCodes = [
  'disk-full',
  'source-removed',
  'busy',
  'cancelled',
  'copy-failed',
  'catalog-failed',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

export const ImportFailureCode = z.enum([...packErrorCodes, ...importErrorCodes]);
export type ImportFailureCode = z.infer<typeof ImportFailureCode>;

/**
 * Why an import failed. The screens say it in the staff's language from `code` (and the figures,
 * where a code has them); `detail` is the technical particulars, for the log and the centre.
 */
export const ImportFailure = z.object({
  code: ImportFailureCode,
  detail: z.string().max(2000),
  /** `disk-full`: the room the pack needs and the room there is, so staff know what to free. */
  neededBytes: z.number().nonnegative().optional(),
  freeBytes: z.number().nonnegative().optional(),
  /** `item-id-taken`: the pack's item whose id another installed pack already holds, and that pack. */
  itemId: Slug.optional(),
  ownerPackId: Slug.optional(),
});
export type ImportFailure = z.infer<typeof ImportFailure>;

export const ImportProgress = z.object({
  packId: z.string(),
  phase: z.enum(['verifying', 'checking-space', 'copying', 'switching', 'cleaning', 'done']),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  filesDone: z.number().int().nonnegative(),
  filesTotal: z.number().int().nonnegative(),
  secondsLeft: z.number().nonnegative().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ImportOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    source: z.string(),
    packId: Slug,
    version: z.number().int().positive(),
    filesCopied: z.number().int().nonnegative(),
    bytesCopied: z.number().nonnegative(),
  }),
  z.object({ ok: z.literal(false), source: z.string(), error: ImportFailure }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** An installed pack as the collection screen lists it. */
export const InstalledPackSummary = z.object({
  id: Slug,
  channel: Slug,
  version: z.number().int().positive(),
  installedAt: z.string(),
  itemCount: z.number().int().nonnegative(),
  /** Bytes of the files its items use (a file two packs share counts in both). */
  bytes: z.number().nonnegative(),
});
export type InstalledPackSummary = z.infer<typeof InstalledPackSummary>;

export const packsCalls = {
  /** The installed packs, and the room left on the data folder's disk. */
  'staff.collection': staffCall(
    z.object({}).strict(),
    z.object({ packs: z.array(InstalledPackSummary), freeBytes: z.number().nonnegative() }),
  ),
  /**
   * Takes a pack and its items off the shelves in one step and deletes the files nothing else uses.
   * `not-found` when no such pack is installed; an import running at the time makes it fail with `busy`.
   */
  'staff.removePack': staffCall(
    z.object({ packId: Slug }).strict(),
    z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        filesRemoved: z.number().int().nonnegative(),
        bytesFreed: z.number().nonnegative(),
      }),
      z.object({ ok: z.literal(false), error: ImportFailure }),
    ]),
  ),
} as const;

export const packsEvents = {
  'import.progress': ImportProgress,
  'import.finished': ImportOutcome,
} as const;
