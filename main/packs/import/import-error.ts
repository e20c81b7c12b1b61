/**
 * Why an import stopped for a reason outside the pack itself (the stick was pulled, the disk is full,
 * another import is running). Faults of the pack are PackErrors; both carry a code and a message staff can act on.
 */
import { PackError, type PackErrorCode } from '../pack-error.ts';

export const importErrorCodes = [
  'disk-full',
  'source-removed',
  'busy',
  'cancelled',
  'copy-failed',
  'catalog-failed',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];
/** Every code an import can fail with. */
export type ImportFailureCode = PackErrorCode | ImportErrorCode;

const messages: Record<ImportErrorCode, string> = {
  'disk-full':
    'The kiosk does not have enough free space for this pack. Nothing was changed. Remove packs that are no longer needed or free up space, then try again.',
  'source-removed':
    'The USB stick was removed while copying. Nothing was changed; plug it in again to continue — files already copied are kept.',
  busy: 'Another pack is being loaded right now. Wait until it has finished, then try again.',
  cancelled: 'Loading the pack was stopped. Nothing was changed; files already copied are kept for the next attempt.',
  'catalog-failed':
    'The kiosk could not add this pack to its catalog. Nothing was changed. Ask the centre for help; the kiosk’s log names the reason.',
  'copy-failed':
    'The kiosk could not copy this pack’s files. Nothing was changed. Try again; if it keeps failing, ask the centre for help.',
};

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;
  readonly detail: string;

  constructor(code: ImportErrorCode, detail: string, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? messages[code], options);
    this.code = code;
    this.detail = detail;
  }

  /** Names how much room the pack needs and how much there is, so staff know what to free. */
  static diskFull(neededBytes: number, freeBytes: number): ImportError {
    return new ImportError('disk-full', `needs ${neededBytes} bytes, ${freeBytes} free`, {
      message: `The kiosk needs ${formatBytes(neededBytes)} of free space to load this pack but has only ${formatBytes(freeBytes)}. Nothing was changed. Remove packs that are no longer needed or free up space, then try again.`,
    });
  }
}

/** The code and message of any import failure; unknown errors become `copy-failed`. */
export function importFailure(error: unknown): { code: ImportFailureCode; message: string; detail: string } {
  if (error instanceof PackError || error instanceof ImportError) {
    return { code: error.code, message: error.message, detail: error.detail };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'copy-failed', message: new ImportError('copy-failed', detail).message, detail };
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
