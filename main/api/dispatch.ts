/**
 * Answers one contract call: checks the name, validates the request against the contract's
 * schema, runs the handler and checks its response. Both hosts call this and nothing else,
 * so validation happens once, here, whatever the transport.
 */
import { calls, isCallName } from '../../preload/contract/contract.ts';
import type { CallName, CallResponse, ParsedRequest } from '../../preload/contract/contract.ts';
import type { CallFailure, Envelope } from '../../preload/contract/envelope.ts';
import { ServiceError } from './service-error.ts';

export type Handlers = {
  [K in CallName]: (request: ParsedRequest<K>) => Promise<CallResponse<K>> | CallResponse<K>;
};

export interface DispatchLog {
  error(message: string, cause: unknown): void;
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  request: unknown,
  log: DispatchLog = console,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return fail({
      code: 'unknown-call',
      message: `There is no call named ${JSON.stringify(String(name)).slice(0, 80)}.`,
    });
  }
  const spec = calls[name];
  const parsed = spec.request.safeParse(request ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`)
      .join('; ');
    return fail({ code: 'bad-request', message: `${name} was called with a malformed request: ${issues}` });
  }
  try {
    const handler = handlers[name] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
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
