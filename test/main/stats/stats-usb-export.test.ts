/**
 * Staff export usage to a really mounted ext4 stick: the files verify with the kiosk's key as the centre
 * checks them, the next export starts where this one ended, nothing new is said so, and a stick pulled
 * before the export is named as gone. Needs root to mount.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resourcesDir } from '../../../main/app-paths.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { createKioskServices, type KioskServices } from '../../../main/services.ts';
import { kioskKeyFile } from '../../../main/stats/kiosk-key.ts';
import { readVenues, verifyStatsExport } from '../../../tools/publish/stats/verify-export.ts';
import { mountExt4, unmountExt4 } from '../packs/import-helpers.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'stats-usb-'));
const media = path.join(work, 'media');
const stick = path.join(media, 'STICK');
const image = path.join(work, 'stick.img');
const cannotMount = mountExt4(image, stick, 16);
if (cannotMount) console.warn(`\n!!! SKIPPING the usage export to a stick: ${cannotMount}.\n`);
let services: KioskServices;
let now = Date.parse('2027-03-01T09:00:00Z');
const day = 86_400_000;

beforeAll(async () => {
  services = await createKioskServices({
    dataDir: path.join(work, 'data'),
    resourcesDir,
    host: 'browser',
    version: 'test',
    clock: { now: () => new Date(now) },
    mediaRoots: [media],
  });
});
afterAll(async () => {
  await services?.close();
  if (!cannotMount) unmountExt4(image, stick);
  await rm(work, { recursive: true, force: true });
});

const call = async (name: string, request: unknown = {}) => {
  const answer = await dispatch(services.handlers, name, request, {
    caller: 'staff',
    gate: services.gate,
    log: { error: () => undefined },
  });
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value as Record<string, unknown>;
};

test.skipIf(cannotMount)(
  'an export verifies as the centre checks it, and the next one starts where it ended',
  async () => {
    await call('staff.setUp', { pin: '482913' });
    await call('stats.record', { events: [{ kind: 'visit-start' }, { kind: 'item-open', itemId: 'solar-basics' }] });
    now += day;
    await call('stats.record', { events: [{ kind: 'visit-start' }] });
    now += day;
    await call('staff.signIn', { pin: '482913' });

    const identity = (await call('staff.identity')) as { venueId: string; fingerprint: string };
    expect(identity.venueId).toMatch(/^k-[0-9a-f]{16}$/);
    expect(identity.fingerprint.startsWith(identity.venueId.slice(2))).toBe(true);
    const { sticks } = (await call('staff.exportSticks')) as { sticks: { handle: string; location: string }[] };
    expect(sticks.map((found) => found.location)).toEqual([stick]);

    const first = await call('staff.exportStats', { stick: sticks[0]!.handle });
    expect(first).toMatchObject({ ok: true, sequence: 1, fromDay: '2027-03-01', toDay: '2027-03-02' });
    const { publicKey } = JSON.parse(await readFile(kioskKeyFile(path.join(work, 'data')), 'utf8')) as {
      publicKey: string;
    };
    const venuesFile = path.join(work, 'venues.json');
    await writeFile(
      venuesFile,
      JSON.stringify({
        format: 1,
        venues: [{ venueId: identity.venueId, publicKey, name: 'Test venue', region: 'North' }],
      }),
    );
    const verified = await verifyStatsExport(first.file as string, await readVenues(venuesFile));
    expect(verified.content.rows.filter((row) => row.kind === 'visit-start').map((row) => row.count)).toEqual([1, 1]);

    expect(await call('staff.exportStats', { stick: sticks[0]!.handle })).toMatchObject({
      ok: false,
      reason: 'nothing-new',
    });
    now += day;
    await call('staff.signIn', { pin: '482913' });
    expect(await call('staff.exportStats', { stick: sticks[0]!.handle })).toMatchObject({
      ok: true,
      sequence: 2,
      fromDay: '2027-03-03',
      toDay: '2027-03-03',
    });

    execFileSync('umount', [stick]);
    expect(await call('staff.exportStats', { stick: sticks[0]!.handle })).toMatchObject({
      ok: false,
      reason: 'stick-gone',
    });
  },
);
