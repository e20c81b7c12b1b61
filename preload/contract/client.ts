/** The renderer's typed view of a host bridge: calls resolve with their value or throw a KioskError. */
import type { CallName, CallRequest, CallResponse, EventName, EventPayload } from './contract.ts';
import { isEventName } from './contract.ts';
import { errorCodes, type ErrorCode, type KioskBridge } from './envelope.ts';

export class KioskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'KioskError';
    this.code = code;
  }
}

export interface KioskClient {
  call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}

export function createKioskClient(bridge: KioskBridge): KioskClient {
  return {
    async call(name, request) {
      const envelope = await bridge.invoke(name, request);
      if (!envelope.ok) {
        // Whatever came back, the renderer only ever sees a code it has a message for.
        const code = (errorCodes as readonly unknown[]).includes(envelope.error?.code)
          ? envelope.error.code
          : 'internal';
        throw new KioskError(code, String(envelope.error?.message ?? 'no message'));
      }
      // The main side validated the response against the contract before sending it.
      return envelope.value as never;
    },
    on(name, listener) {
      return bridge.subscribe((eventName, payload) => {
        if (isEventName(eventName) && eventName === name) listener(payload as never);
      });
    },
  };
}
