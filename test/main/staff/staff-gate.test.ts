/**
 * Every staff call in the contract is refused without a staff session, before its request is read; a
 * session opened by one screen admits that screen only, and lapses after five minutes without a call.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resourcesDir } from '../../../main/app-paths.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { createKioskServices, type KioskServices } from '../../../main/services.ts';
import { audienceOf, callNames } from '../../../preload/contract/contract.ts';

let work: string;
let services: KioskServices;
let now = Date.parse('2027-03-01T09:00:00Z');
const silent = { error: () => undefined };

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'staff-gate-'));
  services = await createKioskServices({
    dataDir: path.join(work, 'data'),
    resourcesDir,
    host: 'browser',
    version: 'test',
    clock: { now: () => new Date(now) },
  });
});
afterAll(async () => {
  await services.close();
  await rm(work, { recursive: true, force: true });
});

const call = (caller: string, name: string, request: unknown = {}) =>
  dispatch(services.handlers, name, request, { caller, gate: services.gate, log: silent });

/** A request that records every property read of it, so a test can tell it was never looked at. */
function watchedRequest() {
  const reads: PropertyKey[] = [];
  const request = new Proxy(
    {},
    {
      get: (_target, key) => (reads.push(key), undefined),
      has: (_t, key) => (reads.push(key), false),
      ownKeys: () => (reads.push('ownKeys'), []),
    },
  );
  return { request, reads };
}

const staffCalls = callNames.filter((name) => audienceOf(name) === 'staff');

test('the contract has staff calls to guard', () => {
  expect(staffCalls).toEqual(expect.arrayContaining(['staff.packs', 'staff.import']));
});

test.each(staffCalls)('%s without a staff session is forbidden before its request is read', async (name) => {
  const { request, reads } = watchedRequest();
  const answer = await call('screen-a', name, request);
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(reads).toEqual([]);
});

test('a session admits the screen that opened it, not another, and ends on sign-out', async () => {
  expect(await call('screen-a', 'staff.state')).toEqual({
    ok: true,
    value: { setUp: false, inSession: false, lockedForSeconds: 0 },
  });
  expect(await call('screen-a', 'staff.setUp', { pin: '482913' })).toEqual({ ok: true, value: { ok: true } });
  expect(await call('screen-a', 'staff.packs')).toMatchObject({ ok: true });
  expect(await call('screen-b', 'staff.packs')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  // The first run is over: choosing a PIN again is refused to everyone.
  expect(await call('screen-b', 'staff.setUp', { pin: '000000' })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  expect(await call('screen-a', 'staff.signOut')).toEqual({ ok: true, value: { ok: true } });
  expect(await call('screen-a', 'staff.packs')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('a session lapses after five minutes without a call from its screen, and calls keep it alive', async () => {
  expect(await call('screen-c', 'staff.signIn', { pin: '482913' })).toEqual({ ok: true, value: { ok: true } });
  for (let minute = 0; minute < 8; minute++) {
    now += 4 * 60_000;
    expect(await call('screen-c', 'staff.packs')).toMatchObject({ ok: true });
  }
  now += 5 * 60_000 + 1000;
  expect(await call('screen-c', 'staff.state')).toMatchObject({ ok: true, value: { inSession: false } });
  expect(await call('screen-c', 'staff.packs')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
