/**
 * What pairs the kiosk's page with the browser host: the one-time launch token and the session
 * secrets it is traded for. The supervisor makes one pairing per launch and keeps it in memory only,
 * so a server process it restarts after a crash knows the page it had, and nothing else learns it.
 */
import { randomBytes } from 'node:crypto';

export interface SessionSecrets {
  /** The HttpOnly `kiosk_session` cookie's value. */
  readonly cookie: string;
  /** The `X-Kiosk-Session` header token, which only the page served to the cookie learns. */
  readonly header: string;
  /** Names the caller (`browser:<id>`) for staff sessions and the log; not a secret. */
  readonly id: string;
}

export interface HostPairing {
  /** Good for one `/launch` before `launchTokenExpires`; undefined once used. */
  readonly launchToken: string | undefined;
  /** Milliseconds since the epoch, by the machine's clock (not the kiosk's, which tests move). */
  readonly launchTokenExpires: number;
  /** Made with the pairing; valid only once `launched`. */
  readonly session: SessionSecrets;
  /** Whether `/launch` has traded the token for the session. */
  readonly launched: boolean;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newPairing(now: number, launchTokenTtlMs: number): HostPairing {
  return {
    launchToken: newSecret(),
    launchTokenExpires: now + launchTokenTtlMs,
    session: { cookie: newSecret(), header: newSecret(), id: randomBytes(8).toString('hex') },
    launched: false,
  };
}

/** The pairing after its launch: the token is spent for good, the session is open. */
export function launchedPairing(pairing: HostPairing): HostPairing {
  return { ...pairing, launchToken: undefined, launched: true };
}

const secretPattern = /^[\w-]{43}$/;

/** Checks a pairing that crossed a process boundary: a malformed one is refused, never half-used. */
export function isHostPairing(value: unknown): value is HostPairing {
  if (typeof value !== 'object' || value === null) return false;
  const pairing = value as Record<string, unknown>;
  const session = pairing['session'] as Record<string, unknown> | undefined;
  return (
    (pairing['launchToken'] === undefined ||
      (typeof pairing['launchToken'] === 'string' && secretPattern.test(pairing['launchToken']))) &&
    typeof pairing['launchTokenExpires'] === 'number' &&
    typeof pairing['launched'] === 'boolean' &&
    typeof session === 'object' &&
    session !== null &&
    typeof session['cookie'] === 'string' &&
    secretPattern.test(session['cookie']) &&
    typeof session['header'] === 'string' &&
    secretPattern.test(session['header']) &&
    typeof session['id'] === 'string' &&
    /^[0-9a-f]{16}$/.test(session['id'])
  );
}
