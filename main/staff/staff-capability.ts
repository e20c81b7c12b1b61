/**
 * The staff capability: first-run setup of the PIN, signing in and out, and the gate `dispatch` asks
 * before any staff call. Attempts are taken one at a time, so a burst of parallel guesses is counted
 * guess by guess like any other.
 */
import type { Capability } from '../api/capability.ts';
import type { StaffGate } from '../api/dispatch.ts';
import { ServiceError } from '../api/service-error.ts';
import type { Clock } from '../clock.ts';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { KioskLog } from '../log/kiosk-log.ts';
import type { TrustStore } from '../packs/trust-store.ts';
import { findPinReset, rememberReset, usedResets } from './pin-reset.ts';
import { hashPin, pinMatches, type PinHash } from './pin-hash.ts';
import { afterWrongPin, attemptsLeft, lockedForSeconds, noAttempts } from './pin-lockout.ts';
import { readStaffSecrets, staffSecretsFile, writeStaffSecrets } from './staff-secrets.ts';
import { StaffSessions } from './staff-sessions.ts';

export interface StaffCapability extends Capability<
  'staff.state' | 'staff.signIn' | 'staff.setUp' | 'staff.signOut' | 'staff.resetPin'
> {
  readonly gate: StaffGate;
}

export interface StaffOptions {
  dataDir: string;
  clock: Clock;
  log: KioskLog;
  /** A session lapses after this long without a call from its screen (default 5 minutes). */
  idleMs?: number;
  /** Where a forgotten PIN's reset is looked for, and what it is checked against. */
  pinReset: {
    /** The top folders of the sticks now inserted. */
    sticks(): Promise<string[]>;
    trust(): Promise<TrustStore>;
    venueId(): Promise<string>;
  };
  /** scrypt's cost; tests lower it, the kiosk keeps the default. */
  pinCost?: Pick<PinHash, 'N' | 'r' | 'p'>;
}

export function createStaffCapability(options: StaffOptions): StaffCapability {
  const { clock, log } = options;
  const file = staffSecretsFile(options.dataDir);
  const sessions = new StaffSessions(clock, options.idleMs);
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const now = () => clock.now().getTime();

  return {
    gate: { admits: (caller) => sessions.admits(caller) },
    handlers: {
      'staff.state': async (_request, { caller }) => {
        const secrets = await readStaffSecrets(file);
        return {
          setUp: secrets.state !== 'unset',
          inSession: sessions.holds(caller),
          lockedForSeconds: secrets.state === 'set' ? lockedForSeconds(secrets.attempts, now()) : 0,
        };
      },
      'staff.signIn': ({ pin }, { caller }) =>
        oneAtATime(async () => {
          const secrets = await readStaffSecrets(file);
          if (secrets.state === 'unset') {
            return { ok: false, reason: 'not-set-up', attemptsLeft: 0, lockedForSeconds: 0 } as const;
          }
          if (secrets.state === 'damaged') {
            log.write({ level: 'error', area: 'staff', message: secrets.problem });
            return { ok: false, reason: 'needs-reset', attemptsLeft: 0, lockedForSeconds: 0 } as const;
          }
          const lockedFor = lockedForSeconds(secrets.attempts, now());
          if (lockedFor > 0) {
            return { ok: false, reason: 'locked', attemptsLeft: 0, lockedForSeconds: lockedFor } as const;
          }
          if (await pinMatches(pin, secrets.pin)) {
            if (secrets.attempts.failures > 0) await writeStaffSecrets(file, secrets.pin, noAttempts);
            sessions.open(caller);
            log.write({ level: 'info', area: 'staff', message: 'Staff mode was entered' });
            return { ok: true } as const;
          }
          const attempts = afterWrongPin(secrets.attempts, now());
          await writeStaffSecrets(file, secrets.pin, attempts);
          const lockedNow = lockedForSeconds(attempts, now());
          if (lockedNow > 0) {
            log.write({
              level: 'warn',
              area: 'staff',
              message: `${attempts.failures} wrong PINs in a row: the PIN pad is locked for ${lockedNow} s`,
            });
          }
          return {
            ok: false,
            reason: lockedNow > 0 ? 'locked' : 'wrong-pin',
            attemptsLeft: attemptsLeft(attempts),
            lockedForSeconds: lockedNow,
          } as const;
        }),
      'staff.setUp': ({ pin }, { caller }) =>
        oneAtATime(async () => {
          if ((await readStaffSecrets(file)).state !== 'unset') {
            throw new ServiceError('forbidden', 'This kiosk already has a staff PIN.');
          }
          await writeStaffSecrets(file, await hashPin(pin, options.pinCost));
          sessions.open(caller);
          log.write({ level: 'info', area: 'staff', message: 'The staff PIN was chosen at first-run setup' });
          return { ok: true } as const;
        }),
      'staff.resetPin': () =>
        oneAtATime(async () => {
          const usedFile = path.join(options.dataDir, 'staff', 'used-resets.json');
          const used = await usedResets(usedFile);
          const found = await findPinReset(await options.pinReset.sticks(), {
            venueId: await options.pinReset.venueId(),
            trust: await options.pinReset.trust(),
            now: clock.now(),
            used,
          });
          if (!found.ok) {
            log.write({ level: 'warn', area: 'staff', message: `No PIN reset was done: ${found.problem}` });
            return found;
          }
          // Remembered first: a kill between the two leaves the PIN in place and the stick spent, never a
          // reset that works twice.
          await rememberReset(usedFile, used, found.statement.nonce);
          await rm(file, { force: true });
          log.write({
            level: 'warn',
            area: 'staff',
            message: `The staff PIN was reset by the centre's statement from key ${found.statement.signedBy}`,
          });
          return { ok: true } as const;
        }),
      'staff.signOut': (_request, { caller }) => {
        sessions.end(caller);
        return { ok: true } as const;
      },
    },
  };
}
