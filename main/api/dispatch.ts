/**
 * Answers one contract call: checks the name, then the caller's right to make it (a staff call needs
 * a staff session, checked before the request is even read), validates the request against the
 * contract's schema, runs the handler and checks its response. Both hosts call this and nothing else,
 * so these checks happen once, here, whatever the transport.
 */
import { calls, isCallName } from '../../preload/contract/contract.ts';
import type { CallName, CallResponse, ParsedRequest } from '../../preload/contract/contract.ts';
import type { CallFailure, Envelope } from '../../preload/contract/envelope.ts';
import { ServiceError } from './service-error.ts';

/** Who is calling, as the host knows it: one Electron window's web contents, or the browser host's signed-in page. */
export interface CallContext {
  readonly caller: string;
}

export type Handlers = {
  [K in CallName]: (request: ParsedRequest<K>, context: CallContext) => Promise<CallResponse<K>> | CallResponse<K>;
};

/** Whether a caller holds a staff session now (the staff capability's sessions). */
export interface StaffGate {
  admits(caller: string): boolean;
}

export interface DispatchLog {
  error(message: string, cause: unknown): void;
}

export interface DispatchOptions {
  caller: string;
  gate: StaffGate;
  log?: DispatchLog;
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  request: unknown,
  { caller, gate, log = console }: DispatchOptions,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return fail({
      code: 'unknown-call',
      message: `There is no call named ${JSON.stringify(String(name)).slice(0, 80)}.`,
    });
  }
  const spec = calls[name];
  if (spec.audience === 'staff' && !gate.admits(caller)) {
    return fail({ code: 'forbidden', message: `${name} needs staff mode: enter it with the staff PIN.` });
  }
  const parsed = spec.request.safeParse(request ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`)
      .join('; ');
    return fail({ code: 'bad-request', message: `${name} was called with a malformed request: ${issues}` });
  }
  try {
    const handler = handlers[name] as (request: unknown, context: CallContext) => unknown;
    const value = await handler(parsed.data, { caller });
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      log.error(`${name} produced a response that breaks the contract`, checked.error);
      return fail({ code: 'internal', message: `${name} failed inside the kiosk.` });
    }
    return { ok: true, value: checked.data };
  } catch (cause) {
    if (cause instanceof ServiceError) return fail({ code: cause.code, message: cause.message });
    log.error(`${name} failed`, cause);
    return fail({ code: 'internal', message: `${name} failed inside the kiosk.` });
  }
}

function fail(error: CallFailure): Envelope<never> {
  return { ok: false, error };
}
