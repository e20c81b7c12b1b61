/** Loads one contract call's answer for a component, with loading, error and retry states. */
import { useCallback, useEffect, useState } from 'react';
import type { CallName, CallRequest, CallResponse } from '../../preload/contract/contract.ts';
import { KioskError } from '../../preload/contract/client.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import { kiosk } from '../kiosk.ts';

export type CallState<K extends CallName> =
  { status: 'loading' } | { status: 'done'; value: CallResponse<K> } | { status: 'failed'; code: ErrorCode };

type Settled<K extends CallName> = { key: string } & (
  { status: 'done'; value: CallResponse<K> } | { status: 'failed'; code: ErrorCode }
);

export function useKioskCall<K extends CallName>(
  name: K,
  request: CallRequest<K>,
): CallState<K> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const requestJson = JSON.stringify(request);
  const key = `${name}#${attempt}#${requestJson}`;
  const [settled, setSettled] = useState<Settled<K> | undefined>();
  useEffect(() => {
    let current = true;
    kiosk.call(name, JSON.parse(requestJson) as CallRequest<K>).then(
      (value) => current && setSettled({ key, status: 'done', value }),
      (error: unknown) =>
        current && setSettled({ key, status: 'failed', code: error instanceof KioskError ? error.code : 'internal' }),
    );
    return () => {
      current = false;
    };
  }, [name, requestJson, key]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // An answer to an earlier request is never shown for the current one.
  const state: CallState<K> = settled?.key === key ? settled : { status: 'loading' };
  return { ...state, retry };
}
