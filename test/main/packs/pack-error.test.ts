import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackError, packErrorCodes } from '../../../main/packs/pack-error.ts';
import { locales } from '../../../preload/contract/schemas.ts';

describe('PackError', () => {
  it('gives every code a message staff can act on, and keeps the detail apart', () => {
    for (const code of packErrorCodes) {
      const error = new PackError(code, 'files/abc is 3 bytes');
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/\. [A-Z].*\.$/);
      expect(error.message).not.toContain('files/abc');
      expect(error.detail).toBe('files/abc is 3 bytes');
    }
  });

  it('has a translation of every code in every kiosk language', async () => {
    for (const locale of locales) {
      const file = path.resolve(import.meta.dirname, `../../../renderer/i18n/messages/${locale}.json`);
      const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      for (const code of packErrorCodes) expect(messages[`packError.${code}`], `${locale}: ${code}`).toBeTruthy();
    }
  });
});
