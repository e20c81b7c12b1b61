/**
 * The contract's staff slice: whether this kiosk is set up, and entering and leaving staff mode. The
 * calls that open a session are visitor calls — whoever stands at the screen may try the PIN — and the
 * main process decides; every other staff call needs the session they open.
 */
import { z } from 'zod';
import { visitorCall } from './call.ts';

/** At least six digits: the PIN pad has only digits, and fewer would fall to patient guessing. */
export const Pin = z.string().regex(/^[0-9]{6,12}$/, 'six to twelve digits');

export const StaffState = z.object({
  /** False until first-run setup has chosen a PIN; until then staff mode opens the setup. */
  setUp: z.boolean(),
  /** This screen holds an open staff session. */
  inSession: z.boolean(),
  /** Seconds until the PIN may be tried again after too many wrong ones; 0 when it may be tried now. */
  lockedForSeconds: z.number().int().nonnegative(),
});
export type StaffState = z.infer<typeof StaffState>;

export const SignInOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    /** `needs-reset`: the stored PIN cannot be read; only the centre's signed reset opens staff mode again. */
    reason: z.enum(['wrong-pin', 'locked', 'not-set-up', 'needs-reset']),
    /** Wrong PINs still allowed before the next lockout. */
    attemptsLeft: z.number().int().nonnegative(),
    lockedForSeconds: z.number().int().nonnegative(),
  }),
]);
export type SignInOutcome = z.infer<typeof SignInOutcome>;

export const staffCalls = {
  'staff.state': visitorCall(z.object({}).strict(), StaffState),
  /** Opens a staff session for this screen when the PIN is right and no lockout holds. */
  'staff.signIn': visitorCall(z.object({ pin: Pin }).strict(), SignInOutcome),
  /** First run only: chooses the PIN and opens a session; refused (`forbidden`) once a PIN exists. */
  'staff.setUp': visitorCall(z.object({ pin: Pin }).strict(), z.object({ ok: z.literal(true) })),
  /**
   * A forgotten PIN: looks on the inserted sticks for the centre's signed reset for this kiosk and, when
   * one is valid, forgets the PIN so the first-run setup chooses a new one.
   */
  'staff.resetPin': visitorCall(
    z.object({}).strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({
        ok: z.literal(false),
        problem: z.enum(['none-found', 'other-venue', 'expired', 'untrusted', 'used']),
      }),
    ]),
  ),
  /**
   * Ends this screen's staff session (leaving staff mode, or the visit's idle reset). Open to visitors:
   * a session that already expired must still be endable without an error.
   */
  'staff.signOut': visitorCall(z.object({}).strict(), z.object({ ok: z.literal(true) })),
} as const;

export const staffEvents = {} as const;
