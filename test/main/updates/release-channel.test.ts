/** The release channel is for app releases only: a key trusted for it cannot publish content on it. */
import { expect, it } from 'vitest';
import { isPackError } from '../../../main/packs/pack-error.ts';
import { RELEASE_CHANNEL } from '../../../main/packs/trust-store.ts';
import { verifyPack } from '../../../main/packs/verify-pack.ts';
import { buildTestPack, trustOnly } from '../packs/pack-fixtures.ts';
import { releaseKey } from './release-fixtures.ts';

it('refuses a pack on the release channel, even signed by the release key', async () => {
  const key = releaseKey();
  const pack = await buildTestPack({ key, channel: RELEASE_CHANNEL, now: new Date('2031-03-01T00:00:00Z') });
  const refusal = await verifyPack(pack.dir, { trust: trustOnly(key), now: new Date('2031-03-14T10:00:00Z') }).catch(
    (error: unknown) => error,
  );
  expect(isPackError(refusal, 'channel-not-allowed')).toBe(true);
});
