/** Staff close the kiosk from its screen: the answer comes first, then the host's quit; a host that cannot quit says so. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { resourcesDir } from '../../../main/app-paths.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { fixedClock } from '../../../main/clock.ts';
import { createKioskServices, type KioskServices } from '../../../main/services.ts';

const started: { services: KioskServices; work: string }[] = [];
afterEach(async () => {
  for (const { services, work } of started.splice(0)) {
    await services.close();
    await rm(work, { recursive: true, force: true });
  }
});

async function kiosk(exitKiosk?: () => void) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'exit-kiosk-'));
  const services = await createKioskServices({
    dataDir: path.join(work, 'data'),
    resourcesDir,
    host: 'browser',
    version: 'test',
    clock: fixedClock(new Date('2027-03-01T09:00:00Z')),
    demoCollection: false,
    ...(exitKiosk ? { exitKiosk } : {}),
  });
  started.push({ services, work });
  const call = (name: string, request: unknown = {}) =>
    dispatch(services.handlers, name, request, {
      caller: 'staff',
      gate: services.gate,
      log: { error: () => undefined },
    });
  return { services, call };
}

test('closing the kiosk needs staff mode, answers, then quits', async () => {
  let quits = 0;
  const { services, call } = await kiosk(() => (quits += 1));
  expect(await call('staff.exitKiosk')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await call('staff.setUp', { pin: '482913' });
  expect(await call('staff.exitKiosk')).toEqual({ ok: true, value: { ok: true } });
  expect(quits).toBe(0);
  await expect.poll(() => quits, { timeout: 2000 }).toBe(1);
  expect(services.log.recent(1)[0]).toMatchObject({ area: 'app', message: 'Staff closed the kiosk' });
});

test('a host that cannot quit answers unavailable', async () => {
  const { call } = await kiosk();
  await call('staff.setUp', { pin: '482913' });
  expect(await call('staff.exitKiosk')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
});
