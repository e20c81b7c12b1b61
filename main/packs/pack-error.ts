/**
 * Why a pack was refused: one code per fault, from the contract, and the technical detail. What staff
 * are told for each code lives in the renderer's message files (`renderer/packs/messages/`), in every
 * interface language; the detail is for the log and the publisher.
 */
import { packErrorCodes, type PackErrorCode } from '../../preload/contract/packs.ts';

export { packErrorCodes, type PackErrorCode };

export class PackError extends Error {
  override readonly name = 'PackError';
  readonly code: PackErrorCode;
  /** Technical particulars (a file name, a field, expected and found values) for logs and the publisher. */
  readonly detail: string;
  /** `item-id-taken`: staff are told which item clashes and which installed pack holds it. */
  readonly clash: { itemId: string; ownerPackId: string } | undefined;

  constructor(
    code: PackErrorCode,
    detail: string,
    options?: { cause?: unknown; clash?: { itemId: string; ownerPackId: string } },
  ) {
    super(`${code}: ${detail}`, options);
    this.code = code;
    this.detail = detail;
    this.clash = options?.clash;
  }
}

export function isPackError(error: unknown, code?: PackErrorCode): error is PackError {
  return error instanceof PackError && (code === undefined || error.code === code);
}
