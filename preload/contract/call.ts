/**
 * How one contract call is written: who may make it, what it is asked and what it answers.
 * Every capability's slice of the contract is built from these, so no call can leave its audience out.
 */
import type { z } from 'zod';

/**
 * Who may make a call. `visitor` calls are open to whoever is at the screen (staff too); `staff`
 * calls need a staff session, which the main process checks before it reads the request.
 */
export type Audience = 'visitor' | 'staff';

export interface CallSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly audience: Audience;
  readonly request: Req;
  readonly response: Res;
}

export function visitorCall<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { audience: 'visitor', request, response } as const satisfies CallSpec<Req, Res>;
}

export function staffCall<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { audience: 'staff', request, response } as const satisfies CallSpec<Req, Res>;
}
