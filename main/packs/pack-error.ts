/**
 * Why a pack was refused: one code per failure, with a message a venue's staff can act on.
 * The code is for programs (tests, the import pipeline, translations); `detail` is for logs and the publisher.
 */

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
] as const;
export type PackErrorCode = (typeof packErrorCodes)[number];

const messages: Record<PackErrorCode, string> = {
  'missing-manifest':
    'This folder is not a content pack: its list of contents (manifest.json) is missing. Copy the whole pack folder again.',
  'manifest-too-large':
    'This pack’s list of contents is far larger than any real pack. It was not loaded. Ask the centre for a fresh copy.',
  'malformed-manifest':
    'This pack’s list of contents is damaged or was made by an incompatible tool. Ask the centre for a fresh copy.',
  'missing-signature':
    'This pack has no signature, so the kiosk cannot tell who made it. Ask the centre for a signed pack.',
  'bad-signature':
    'This pack was changed after it was signed, or was damaged while copying. Copy it again from the centre’s original.',
  'unknown-key':
    'This pack was signed by a key this kiosk does not trust. Ask the centre for a pack signed with the centre’s key, or for the key file to add.',
  'bad-key-statement':
    'This pack introduces a new signing key, but that introduction is damaged or not signed by a trusted key. Ask the centre for a fresh copy.',
  'key-revoked':
    'This pack was signed with a key that its owner has withdrawn, so it may not be genuine. It was not loaded. Ask the centre for a pack signed with their current key.',
  'channel-not-allowed':
    'This pack’s signing key may not publish to this channel. Ask the centre for a pack signed with the key for this channel.',
  expired: 'This pack has expired and may be out of date. Ask the centre for the latest pack.',
  rollback:
    'This kiosk already has this pack’s version or a newer one. Nothing was changed. Ask the centre for the latest pack if you expected new content.',
  'wrong-base':
    'This is an update pack for a different version than the one installed. Load the full pack, or the update made for the installed version.',
  'unsafe-path':
    'This pack contains a link or a file name pointing outside the pack. It was not loaded. Ask the centre for a fresh copy.',
  'unexpected-file':
    'This pack contains files that do not belong to it. Copy the pack folder again without adding anything to it.',
  'missing-file': 'Files of this pack are missing, perhaps the copy was interrupted. Copy the whole pack folder again.',
  'size-mismatch':
    'Files of this pack have the wrong size, perhaps the copy was interrupted. Copy the whole pack folder again.',
  'hash-mismatch':
    'Files of this pack were changed or damaged after it was signed. Copy it again from the centre’s original.',
};

export class PackError extends Error {
  override readonly name = 'PackError';
  readonly code: PackErrorCode;
  /** Technical particulars (a file name, a field, expected and found values) for logs and the publisher. */
  readonly detail: string;

  constructor(code: PackErrorCode, detail: string, options?: { cause?: unknown }) {
    super(messages[code], options);
    this.code = code;
    this.detail = detail;
  }
}

export function isPackError(error: unknown, code?: PackErrorCode): error is PackError {
  return error instanceof PackError && (code === undefined || error.code === code);
}
