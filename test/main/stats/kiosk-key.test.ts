import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signatureMatches } from '../../../main/packs/signing-keys.ts';
import { KioskKeyDamagedError, kioskKeyFile, openKioskKey } from '../../../main/stats/kiosk-key.ts';
import { tempDir } from '../packs/pack-fixtures.ts';

const now = new Date('2027-03-01T09:00:00.000Z');

describe('the kiosk key', () => {
  it('is made once, mode 0600, and read back the same; the venue id is the fingerprint’s first 16 digits', async () => {
    const data = await tempDir('kiosk-key-');
    const first = await openKioskKey(data, now);
    const file = kioskKeyFile(data);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);

    const digest = createHash('sha256').update(Buffer.from(first.publicKey, 'base64')).digest('hex');
    expect(Buffer.from(first.publicKey, 'base64')).toHaveLength(32);
    expect(first.fingerprint).toBe(digest);
    expect(first.venueId).toBe(`k-${digest.slice(0, 16)}`);
    expect(first.createdAt).toBe(now.toISOString());

    const again = await openKioskKey(data, new Date('2028-01-01T00:00:00Z'));
    expect(again.venueId).toBe(first.venueId);
    expect(again.createdAt).toBe(now.toISOString());
    const bytes = Buffer.from('some export');
    expect(signatureMatches(bytes, again.sign(bytes), first.publicKey)).toBe(true);
  });

  it('gives one key to first uses that race', async () => {
    const data = await tempDir('kiosk-key-');
    const keys = await Promise.all(Array.from({ length: 8 }, () => openKioskKey(data, now)));
    expect(new Set(keys.map((key) => key.venueId)).size).toBe(1);
    const onDisk = await openKioskKey(data, now);
    expect(onDisk.venueId).toBe(keys[0]!.venueId);
  });

  const damages: [string, (text: string) => string][] = [
    ['cut short', (text) => text.slice(0, text.length / 2)],
    ['empty', () => ''],
    ['with another public key', (text) => text.replace(/"publicKey": "[^"]+"/, `"publicKey": "${'A'.repeat(43)}="`)],
    [
      'with a venue id that is not the key’s',
      (text) => text.replace(/"venueId": "k-[0-9a-f]+"/, '"venueId": "k-0000000000000000"'),
    ],
    ['with an unreadable private key', (text) => text.replace(/MC4CAQAwBQYDK2Vw/, 'MC4CAQAwBQYDK2Vx')],
  ];
  for (const [name, damage] of damages) {
    it(`refuses a key file ${name}, says so, and leaves it as it is`, async () => {
      const data = await tempDir('kiosk-key-');
      await openKioskKey(data, now);
      const file = kioskKeyFile(data);
      const damaged = damage(await readFile(file, 'utf8'));
      await writeFile(file, damaged);
      const error = await openKioskKey(data, now).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(KioskKeyDamagedError);
      expect((error as KioskKeyDamagedError).message).toContain(file);
      expect((error as KioskKeyDamagedError).message).toContain('venue id');
      expect(await readFile(file, 'utf8')).toBe(damaged);
    });
  }

  it('refuses a key file that is a folder', async () => {
    const data = await tempDir('kiosk-key-');
    await mkdir(kioskKeyFile(data), { recursive: true });
    await expect(openKioskKey(data, now)).rejects.toBeInstanceOf(KioskKeyDamagedError);
  });
});
