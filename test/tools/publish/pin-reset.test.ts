/** `publish pin-reset`: the centre's statement, written by the real CLI, resets that kiosk's PIN through the staff capability. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { fixedClock } from '../../../main/clock.ts';
import { openKioskLog } from '../../../main/log/kiosk-log.ts';
import { KeySetFile } from '../../../main/packs/signing-keys.ts';
import { trustStoreFrom } from '../../../main/packs/trust-store.ts';
import { createStaffCapability } from '../../../main/staff/staff-capability.ts';
import { tempDir } from '../../main/packs/pack-fixtures.ts';
import { publish } from './publish-cli.ts';

test('a statement from a root key resets the named kiosk’s PIN; a channel key may not write one', async () => {
  const dir = await tempDir('pin-reset-cli-');
  expect((await publish('keys', 'new', '--out', dir, '--id', 'centre-root')).code).toBe(0);
  expect((await publish('keys', 'new', '--out', dir, '--id', 'science-2026', '--channels', 'science')).code).toBe(0);
  const stick = path.join(dir, 'stick');
  await mkdir(stick);
  const venueId = 'k-00112233445566ff';
  const written = await publish(
    'pin-reset',
    '--key',
    path.join(dir, 'centre-root.private.json'),
    '--venue',
    venueId,
    '--out',
    stick,
    '--days',
    '3',
  );
  expect(written.code).toBe(0);
  expect(written.stdout).toContain(`${venueId}.pin-reset.json`);
  const refused = await publish(
    'pin-reset',
    '--key',
    path.join(dir, 'science-2026.private.json'),
    '--venue',
    venueId,
    '--out',
    stick,
  );
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/root key/);

  const root = KeySetFile.parse(JSON.parse(await readFile(path.join(dir, 'centre-root.keys.json'), 'utf8')));
  const clock = fixedClock(new Date());
  const staff = createStaffCapability({
    dataDir: path.join(dir, 'data'),
    clock,
    log: openKioskLog({ dir: path.join(dir, 'data', 'logs'), clock }),
    pinCost: { N: 1024, r: 8, p: 1 },
    pinReset: {
      sticks: async () => [stick],
      trust: async () => trustStoreFrom([{ set: root, origin: 'test' }]),
      venueId: async () => venueId,
    },
  });
  const screen = { caller: 'screen' };
  await staff.handlers['staff.setUp']({ pin: '482913' }, screen);
  expect(await staff.handlers['staff.resetPin']({}, screen)).toEqual({ ok: true });
  expect((await staff.handlers['staff.state']({}, screen)).setUp).toBe(false);
});
