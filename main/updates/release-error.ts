/**
 * Why the kiosk refused an app release: one code per fault, words for staff that say what to do, and the
 * technical detail for the log and the centre. A refused release is never downloaded or installed.
 */

export const releaseErrorCodes = [
  'malformed-release',
  'bad-signature',
  'unknown-key',
  'key-revoked',
  'bad-key-statement',
  'key-not-for-releases',
  'expired',
  'not-newer',
  'offer-mismatch',
  'unknown-artifact',
  'artifact-mismatch',
] as const;
export type ReleaseErrorCode = (typeof releaseErrorCodes)[number];

const staffWords: Record<ReleaseErrorCode, string> = {
  'malformed-release':
    'The app update on the server is not a release statement this kiosk can read. Ask the centre to publish it again.',
  'bad-signature':
    'The app update on the server is not signed correctly and may have been tampered with. It was not installed; tell the centre.',
  'unknown-key': 'The app update was signed by a key this kiosk does not trust. It was not installed; tell the centre.',
  'key-revoked': 'The app update was signed by a key that has been withdrawn. It was not installed; tell the centre.',
  'bad-key-statement':
    'The app update was signed by a key whose introduction does not check out. It was not installed; tell the centre.',
  'key-not-for-releases':
    'The app update was signed by a key that may sign content but not the app. It was not installed; tell the centre.',
  expired: 'The app update on the server has expired. Ask the centre to publish a current one.',
  'not-newer': 'The app update on the server is not newer than this kiosk. Nothing to install.',
  'offer-mismatch':
    'The update server offers files other than the signed release names. Nothing was downloaded; tell the centre.',
  'unknown-artifact':
    'The downloaded app update is not one of the files the signed release names. It was not installed; tell the centre.',
  'artifact-mismatch':
    'The downloaded app update differs from the signed release (damaged or tampered with). It was not installed; it will be fetched again.',
};

export class ReleaseError extends Error {
  override readonly name = 'ReleaseError';
  readonly code: ReleaseErrorCode;
  /** What staff read in the log: what happened and what to do. */
  readonly staffMessage: string;
  /** Technical particulars (a version, a file name, a key id) for the log and the publisher. */
  readonly detail: string;

  constructor(code: ReleaseErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.staffMessage = staffWords[code];
    this.detail = detail;
  }
}
