/**
 * The update feed (docs/feed-format.md): one signed file naming, for every channel a centre serves, the latest
 * version of each pack in its full form and as deltas from earlier versions, each form by the SHA-256 and size
 * of its manifest. The manifests and files lie beside it, content-addressed, so any static web server or CDN
 * serves it.
 *
 * Against The Update Framework's attacks: the feed expires within hours (freeze); one feed names every pack at
 * once, so a kiosk never combines manifests from different moments (mix-and-match); every size is known before
 * anything is fetched (endless data); the feed's own version only grows (rollback of the feed) and so do packs'
 * (rollback of a pack, refused by the import).
 */
import { z } from 'zod';
import { ContentHash, Slug } from '../../preload/contract/schemas.ts';
import { MAX_MANIFEST_BYTES } from '../packs/manifest.ts';

export const FEED_FILE = 'feed.json';
export const FEED_SIGNATURE_FILE = 'feed.sig';
/** The folder of a pack form: `packs/<manifest sha256>/manifest.json`, `manifest.sig`, `keys/…`. */
export const FEED_PACKS_DIR = 'packs';
/** Every file of every pack, once, by its SHA-256. */
export const FEED_FILES_DIR = 'files';
/** A feed of a thousand packs with deltas is well under this; a bigger answer is refused unread. */
export const MAX_FEED_BYTES = 1024 * 1024;
export const MAX_FEED_SIGNATURE_BYTES = 1024;
export const MAX_STATEMENT_BYTES = 64 * 1024;

const Version = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

export const FeedStatement = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}\.statement\.json$/),
  sha256: ContentHash,
  size: z.number().int().min(1).max(MAX_STATEMENT_BYTES),
});

/** One way to reach a pack version: its manifest (and key statements) and what its files add up to. */
export const FeedForm = z.strictObject({
  manifest: ContentHash,
  manifestSize: z.number().int().min(1).max(MAX_MANIFEST_BYTES),
  signatureSize: z.number().int().min(1).max(MAX_FEED_SIGNATURE_BYTES),
  statements: z.array(FeedStatement).max(20),
  /** The files' sizes added up: what a kiosk holding none of them downloads. */
  fileBytes: z.number().int().nonnegative(),
});
export type FeedForm = z.infer<typeof FeedForm>;

export const FeedPack = z.strictObject({
  id: Slug,
  channel: Slug,
  version: Version,
  full: FeedForm,
  /** Deltas to `version` from earlier versions. */
  deltas: z.array(FeedForm.extend({ baseVersion: Version })).max(20),
});
export type FeedPack = z.infer<typeof FeedPack>;

export const Feed = z
  .strictObject({
    format: z.literal(1),
    keyId: Slug,
    /** Grows with every feed the centre writes; a kiosk refuses one below the last it accepted. */
    version: Version,
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    packs: z.array(FeedPack).max(1000),
  })
  .refine((feed) => new Set(feed.packs.map((pack) => pack.id)).size === feed.packs.length, 'a pack is listed twice');
export type Feed = z.infer<typeof Feed>;
