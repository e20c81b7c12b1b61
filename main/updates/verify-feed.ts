/**
 * Checks a fetched feed before anything in it is believed: the signature over the exact bytes by a key the
 * kiosk trusts for every channel the feed names (before parsing), then the schema, the expiry and that the
 * feed is not older than the last one accepted.
 */
import { createHash } from 'node:crypto';
import { isPackError } from '../packs/pack-error.ts';
import { parseManifestSignature, signatureMatches } from '../packs/signing-keys.ts';
import { keyMaySign, resolveKey, type TrustStore } from '../packs/trust-store.ts';
import { Feed } from './feed.ts';
import { FeedError } from './feed-error.ts';

export interface AcceptedFeed {
  /** The SHA-256 of the feed's bytes. */
  sha256: string;
  version: number;
}

export interface VerifiedFeed {
  feed: Feed;
  sha256: string;
}

export function verifyFeed(
  bytes: Buffer,
  signatureText: string,
  options: { trust: TrustStore; now: Date; last?: AcceptedFeed },
): VerifiedFeed {
  const signature = parseManifestSignature(signatureText);
  if (!signature) throw new FeedError('bad-signature', 'feed.sig is not a signature file');
  let key;
  try {
    key = resolveKey(options.trust, signature.keyId);
  } catch (error) {
    if (isPackError(error))
      throw new FeedError(error.code === 'key-revoked' ? 'key-revoked' : 'unknown-key', error.detail);
    throw error;
  }
  // The demo key signs one shipped manifest, never a feed.
  if (key.manifestSha256 !== undefined) throw new FeedError('unknown-key', `key "${key.keyId}" may not sign a feed`);
  if (!signatureMatches(bytes, signature.signature, key.publicKey))
    throw new FeedError('bad-signature', `feed.sig does not match feed.json for key "${signature.keyId}"`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new FeedError('malformed-feed', 'feed.json is not JSON');
  }
  const parsed = Feed.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FeedError('malformed-feed', `feed.json: ${issue?.path.join('.') || '(feed)'}: ${issue?.message}`);
  }
  const feed = parsed.data;
  if (feed.keyId !== key.keyId)
    throw new FeedError('malformed-feed', `feed.json names key "${feed.keyId}", signed by "${key.keyId}"`);
  const foreign = feed.packs.find((pack) => !keyMaySign(key, pack.channel));
  if (foreign)
    throw new FeedError(
      'channel-not-allowed',
      `key "${key.keyId}" may sign ${key.channels.join(', ')}, not channel "${foreign.channel}" (pack "${foreign.id}")`,
    );
  if (Date.parse(feed.expiresAt) <= options.now.getTime())
    throw new FeedError('expired', `the feed (version ${feed.version}) expired at ${feed.expiresAt}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const last = options.last;
  if (last && (feed.version < last.version || (feed.version === last.version && sha256 !== last.sha256)))
    throw new FeedError(
      'replayed',
      `the feed is version ${feed.version}, and this kiosk already accepted version ${last.version}` +
        (feed.version === last.version ? ' with other contents' : ''),
    );
  return { feed, sha256 };
}
