/** The launch's pairing: fresh secrets each launch, a token spent for good, and a pairing checked when it crosses to the server. */
import { describe, expect, it } from 'vitest';
import { isHostPairing, launchedPairing, newPairing } from '../../../../main/host/browser/pairing.ts';
import { isStartMessage, isToSupervisor } from '../../../../main/host/browser/supervisor-protocol.ts';

describe('pairing', () => {
  it('makes 256-bit secrets, different for every launch and from each other', () => {
    const one = newPairing(1_000, 60_000);
    const two = newPairing(1_000, 60_000);
    const secrets = [one.launchToken, one.session.cookie, one.session.header, two.launchToken, two.session.cookie];
    for (const secret of secrets) expect(secret).toMatch(/^[\w-]{43}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(one.launchTokenExpires).toBe(61_000);
    expect(one.launched).toBe(false);
  });

  it('spends the launch token and keeps the session', () => {
    const pairing = newPairing(0, 60_000);
    const launched = launchedPairing(pairing);
    expect(launched).toMatchObject({ launchToken: undefined, launched: true, session: pairing.session });
  });

  it('accepts a pairing that went through JSON, spent or not, and refuses a malformed one', () => {
    const pairing = newPairing(0, 60_000);
    const spent = JSON.parse(JSON.stringify(launchedPairing(pairing))) as unknown;
    expect(isHostPairing(JSON.parse(JSON.stringify(pairing)))).toBe(true);
    expect(isHostPairing(spent)).toBe(true);
    expect(isHostPairing({ ...pairing, session: { ...pairing.session, header: '' } })).toBe(false);
    expect(isHostPairing({ ...pairing, session: { ...pairing.session, cookie: 'short' } })).toBe(false);
    expect(isHostPairing({ ...pairing, launchToken: 42 })).toBe(false);
    expect(isHostPairing(null)).toBe(false);
  });

  it('takes a start message only for a loopback origin', () => {
    const pairing = newPairing(0, 60_000);
    expect(isStartMessage({ type: 'start', origin: 'http://127.0.0.1:4173', pairing })).toBe(true);
    expect(isStartMessage({ type: 'start', origin: 'http://0.0.0.0:4173', pairing })).toBe(false);
    expect(isStartMessage({ type: 'start', origin: 'http://127.0.0.1:4173', pairing: {} })).toBe(false);
    expect(isToSupervisor({ type: 'launched' })).toBe(true);
    expect(isToSupervisor({ type: 'reboot' })).toBe(false);
  });
});
