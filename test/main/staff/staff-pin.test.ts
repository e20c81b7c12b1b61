/**
 * The staff PIN: stored as a salted scrypt hash with its parameters, checked in constant time; wrong
 * PINs lock the pad for longer and longer, and the lockout survives a restart.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CallContext } from '../../../main/api/dispatch.ts';
import { openKioskLog } from '../../../main/log/kiosk-log.ts';
import { defaultPinCost, hashPin, pinMatches } from '../../../main/staff/pin-hash.ts';
import { createStaffCapability } from '../../../main/staff/staff-capability.ts';
import { staffSecretsFile } from '../../../main/staff/staff-secrets.ts';
import { generateKey, publicEntry } from '../../../main/packs/signing-keys.ts';
import { trustStoreFrom } from '../../../main/packs/trust-store.ts';
import { PIN_RESET_SUFFIX, signPinReset } from '../../../main/staff/pin-reset.ts';

let dataDir: string;
let now: number;
let sticks: string[] = [];
const venueId = 'k-0123456789abcdef';
const centre = generateKey('centre-root', ['*']);
const partner = generateKey('partner', ['science']);
const trust = trustStoreFrom([
  { set: { format: 1, keys: [publicEntry(centre), publicEntry(partner)] }, origin: 'test' },
]);
const screen: CallContext = { caller: 'screen' };
const pin = '482913';

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'staff-pin-'));
  sticks = [];
  now = Date.parse('2027-03-01T09:00:00Z');
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A kiosk start: a new capability over the same data folder, as after a restart. */
function start() {
  const clock = { now: () => new Date(now) };
  return createStaffCapability({
    dataDir,
    clock,
    log: openKioskLog({ dir: path.join(dataDir, 'logs'), clock }),
    // Cheaper than the kiosk's cost, so the lockout tests stay quick; the hash test uses the default.
    pinCost: { N: 1024, r: 8, p: 1 },
    pinReset: { sticks: async () => sticks, trust: async () => trust, venueId: async () => venueId },
  });
}

test('a PIN is stored as a salted scrypt hash with its parameters, never as itself', async () => {
  const stored = await hashPin(pin);
  expect(stored).toMatchObject({ algorithm: 'scrypt', ...defaultPinCost });
  expect(defaultPinCost.N).toBeGreaterThanOrEqual(2 ** 15);
  expect(Buffer.from(stored.salt, 'base64')).toHaveLength(16);
  expect(Buffer.from(stored.hash, 'base64')).toHaveLength(32);
  expect(JSON.stringify(stored)).not.toContain(pin);
  const again = await hashPin(pin);
  expect(again.salt).not.toBe(stored.salt);
  expect(again.hash).not.toBe(stored.hash);
  expect(await pinMatches(pin, stored)).toBe(true);
  expect(await pinMatches('482914', stored)).toBe(false);
  expect(await pinMatches(`${pin}0`, stored)).toBe(false);
});

test('the setup writes the hash with mode 0600 and the first run cannot be repeated', async () => {
  const staff = start();
  expect(await staff.handlers['staff.setUp']({ pin }, screen)).toEqual({ ok: true });
  const file = staffSecretsFile(dataDir);
  expect(await readFile(file, 'utf8')).not.toContain(pin);
  const { stat } = await import('node:fs/promises');
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  await expect(start().handlers['staff.setUp']({ pin: '111111' }, screen)).rejects.toMatchObject({ code: 'forbidden' });
});

test('four wrong PINs are free, then each wrong one doubles the lock, and a restart keeps it', async () => {
  await start().handlers['staff.setUp']({ pin }, screen);
  let staff = start();
  const signIn = (tried: string) => staff.handlers['staff.signIn']({ pin: tried }, screen);
  for (let wrong = 1; wrong <= 4; wrong++) {
    expect(await signIn('000000')).toEqual({
      ok: false,
      reason: 'wrong-pin',
      attemptsLeft: 4 - wrong,
      lockedForSeconds: 0,
    });
  }
  expect(await signIn('000000')).toEqual({ ok: false, reason: 'locked', attemptsLeft: 0, lockedForSeconds: 30 });
  // Locked, even the right PIN is not tried, and a restart changes nothing.
  staff = start();
  expect(await signIn(pin)).toEqual({ ok: false, reason: 'locked', attemptsLeft: 0, lockedForSeconds: 30 });
  expect(await staff.handlers['staff.state']({}, screen)).toEqual({
    setUp: true,
    inSession: false,
    lockedForSeconds: 30,
  });
  now += 31_000;
  expect(await signIn('000000')).toEqual({ ok: false, reason: 'locked', attemptsLeft: 0, lockedForSeconds: 60 });
  now += 61_000;
  expect(await signIn('000000')).toMatchObject({ reason: 'locked', lockedForSeconds: 120 });
  now += 121_000;
  expect(await signIn(pin)).toEqual({ ok: true });
  // The right PIN starts the count again.
  staff = start();
  expect(await signIn('000000')).toMatchObject({ reason: 'wrong-pin', attemptsLeft: 3 });
});

test('guesses sent all at once are counted one by one', async () => {
  await start().handlers['staff.setUp']({ pin }, screen);
  const staff = start();
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, index) => staff.handlers['staff.signIn']({ pin: String(100000 + index) }, screen)),
  );
  expect(answers.filter((answer) => !answer.ok && answer.reason === 'wrong-pin')).toHaveLength(4);
  expect(answers.filter((answer) => !answer.ok && answer.reason === 'locked')).toHaveLength(8);
});

test('a lock is never longer than an hour, even with the clock set back after it', async () => {
  await start().handlers['staff.setUp']({ pin }, screen);
  const staff = start();
  for (let wrong = 0; wrong < 20; wrong++) {
    await staff.handlers['staff.signIn']({ pin: '000000' }, screen);
    now += 3 * 60 * 60_000;
  }
  now -= 30 * 24 * 60 * 60_000;
  expect((await staff.handlers['staff.state']({}, screen)).lockedForSeconds).toBe(3600);
});

test('a damaged secrets file keeps staff mode shut rather than asking for a new PIN', async () => {
  await start().handlers['staff.setUp']({ pin }, screen);
  await writeFile(staffSecretsFile(dataDir), '{"format":1,"pin":');
  const staff = start();
  expect(await staff.handlers['staff.state']({}, screen)).toMatchObject({ setUp: true, inSession: false });
  expect(await staff.handlers['staff.signIn']({ pin }, screen)).toMatchObject({ ok: false, reason: 'needs-reset' });
  await expect(staff.handlers['staff.setUp']({ pin: '111111' }, screen)).rejects.toMatchObject({ code: 'forbidden' });
});

describe('a forgotten PIN', () => {
  let made = 0;
  async function stickWith(name: string, text: string): Promise<string> {
    const stick = path.join(dataDir, `stick-${made++}`);
    await mkdir(stick, { recursive: true });
    await writeFile(path.join(stick, name), text);
    sticks.push(stick);
    return stick;
  }
  const locked = async () => {
    await start().handlers['staff.setUp']({ pin }, screen);
    const staff = start();
    for (let wrong = 0; wrong < 6; wrong++) await staff.handlers['staff.signIn']({ pin: '000000' }, screen);
    return staff;
  };

  test('is reset by the centre’s statement for this venue, once: then the kiosk asks for a new PIN', async () => {
    const staff = await locked();
    expect(await staff.handlers['staff.resetPin']({}, screen)).toEqual({ ok: false, problem: 'none-found' });
    await stickWith(`riverside${PIN_RESET_SUFFIX}`, signPinReset(centre, venueId, new Date(now), 7));
    expect(await staff.handlers['staff.resetPin']({}, screen)).toEqual({ ok: true });
    expect(await staff.handlers['staff.state']({}, screen)).toEqual({
      setUp: false,
      inSession: false,
      lockedForSeconds: 0,
    });
    await staff.handlers['staff.setUp']({ pin: '777777' }, screen);
    // The same stick a second time does nothing: its nonce is spent.
    expect(await start().handlers['staff.resetPin']({}, screen)).toEqual({ ok: false, problem: 'used' });
    expect((await start().handlers['staff.state']({}, screen)).setUp).toBe(true);
    expect(await start().handlers['staff.signIn']({ pin: '777777' }, screen)).toEqual({ ok: true });
  });

  test('refuses a statement for another venue, an expired one, one signed by a channel key, and a changed byte', async () => {
    const staff = await locked();
    await stickWith(`other${PIN_RESET_SUFFIX}`, signPinReset(centre, 'k-ffffffffffffffff', new Date(now), 7));
    expect(await staff.handlers['staff.resetPin']({}, screen)).toEqual({ ok: false, problem: 'other-venue' });
    sticks = [];
    await stickWith(`old${PIN_RESET_SUFFIX}`, signPinReset(centre, venueId, new Date(now - 10 * 86_400_000), 7));
    expect(await staff.handlers['staff.resetPin']({}, screen)).toEqual({ ok: false, problem: 'expired' });
    sticks = [];
    await stickWith(`partner${PIN_RESET_SUFFIX}`, signPinReset(partner, venueId, new Date(now), 7));
    expect(await staff.handlers['staff.resetPin']({}, screen)).toEqual({ ok: false, problem: 'untrusted' });
    sticks = [];
    const genuine = signPinReset(centre, venueId, new Date(now), 7);
    await stickWith(`changed${PIN_RESET_SUFFIX}`, genuine.replace('"reset-pin', '"reset-pin '));
    expect(await staff.handlers['staff.resetPin']({}, screen)).toEqual({ ok: false, problem: 'untrusted' });
    // Through all of it the PIN and its lockout stayed.
    expect((await staff.handlers['staff.state']({}, screen)).lockedForSeconds).toBeGreaterThan(0);
  });
});
