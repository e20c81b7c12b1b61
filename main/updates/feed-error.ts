/** Why a feed or a download was refused; each code has words for staff in the renderer (updates messages). */
export const feedErrorCodes = [
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
export type FeedErrorCode = (typeof feedErrorCodes)[number];

export class FeedError extends Error {
  readonly code: FeedErrorCode;
  constructor(code: FeedErrorCode, message: string) {
    super(message);
    this.name = 'FeedError';
    this.code = code;
  }
}
