import { describe, expect, it } from 'vitest';
import { ImportError, importFailure } from '../../../main/packs/import/import-error.ts';
import { PackError, packErrorCodes } from '../../../main/packs/pack-error.ts';
import { ImportFailureCode } from '../../../preload/contract/packs.ts';
import { locales } from '../../../preload/contract/schemas.ts';
import { messages } from '../../../renderer/messages.ts';

describe('import failures', () => {
  it('keep the code and the technical detail; the words for staff are not the error’s', () => {
    for (const code of packErrorCodes) {
      const error = new PackError(code, 'files/abc is 3 bytes');
      expect(importFailure(error)).toEqual({ code, detail: 'files/abc is 3 bytes' });
      expect(error.message).toBe(`${code}: files/abc is 3 bytes`);
    }
  });

  it('carry the figures of a full disk, so staff are told how much to free', () => {
    expect(importFailure(ImportError.diskFull(5_000_000, 1_000))).toEqual({
      code: 'disk-full',
      detail: 'needs 5000000 bytes, 1000 free',
      neededBytes: 5_000_000,
      freeBytes: 1_000,
    });
  });

  it('turn an error of no known kind into copy-failed with its message as the detail', () => {
    expect(importFailure(new Error('EIO: i/o error, read'))).toEqual({
      code: 'copy-failed',
      detail: 'EIO: i/o error, read',
    });
  });

  it('have words for staff for every code in every kiosk language', () => {
    for (const locale of locales) {
      for (const code of ImportFailureCode.options) {
        expect(messages[locale][`packs.error.${code}`], `${locale}: ${code}`).toBeTruthy();
      }
    }
  });
});
