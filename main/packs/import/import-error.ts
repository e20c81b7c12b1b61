/**
 * Why an import stopped for a reason outside the pack itself (the stick was pulled, the disk is full,
 * another import is running). Faults of the pack are PackErrors; both carry a contract code, which the
 * screens put in the staff's words, and a technical detail for the log.
 */
import type { ImportErrorCode, ImportFailure } from '../../../preload/contract/packs.ts';
import { PackError, packErrorCodes, type PackErrorCode } from '../pack-error.ts';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;
  readonly detail: string;
  /** `disk-full`: what the pack needs and what there is, so staff are told how much to free. */
  readonly space: { neededBytes: number; freeBytes: number } | undefined;

  constructor(
    code: ImportErrorCode,
    detail: string,
    options?: { cause?: unknown; space?: { neededBytes: number; freeBytes: number } },
  ) {
    super(`${code}: ${detail}`, options);
    this.code = code;
    this.detail = detail;
    this.space = options?.space;
  }

  /** `shares` says for the log what the needed bytes are made of. */
  static diskFull(neededBytes: number, freeBytes: number, shares?: string): ImportError {
    const needs = shares ? `${neededBytes} bytes (${shares})` : `${neededBytes} bytes`;
    return new ImportError('disk-full', `needs ${needs}, ${freeBytes} free`, {
      space: { neededBytes, freeBytes },
    });
  }
}

/** The contract's account of any import failure; errors of no known kind become `copy-failed`. */
export function importFailure(error: unknown): ImportFailure {
  if (error instanceof PackError) return { code: error.code, detail: error.detail, ...error.clash };
  if (error instanceof ImportError) return { code: error.code, detail: error.detail, ...error.space };
  return { code: 'copy-failed', detail: error instanceof Error ? error.message : String(error) };
}

/** The typed error behind a failure that crossed a worker thread as a value, particulars included. */
export function importErrorOf(failure: ImportFailure): PackError | ImportError {
  const { code, detail, neededBytes, freeBytes, itemId, ownerPackId } = failure;
  if ((packErrorCodes as readonly string[]).includes(code)) {
    const clash = itemId !== undefined && ownerPackId !== undefined ? { clash: { itemId, ownerPackId } } : {};
    return new PackError(code as PackErrorCode, detail, clash);
  }
  const space = neededBytes !== undefined && freeBytes !== undefined ? { space: { neededBytes, freeBytes } } : {};
  return new ImportError(code as ImportErrorCode, detail, space);
}
