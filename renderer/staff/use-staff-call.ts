/**
 * Staff screens' calls: a session that lapsed (five minutes without a call) answers `forbidden`, which
 * for staff means "enter the PIN again", not the visitor's "ask the staff" — so it leads back to the pad.
 */
import { useCallback } from 'react';
import type { CallName, CallRequest, CallResponse } from '../../preload/contract/contract.ts';
import { KioskError } from '../../preload/contract/client.ts';
import { kiosk } from '../kiosk.ts';
import { useVisit } from '../visit/visit.tsx';

export function useStaffCall(): <K extends CallName>(name: K, request: CallRequest<K>) => Promise<CallResponse<K>> {
  const { go } = useVisit();
  return useCallback(
    async (name, request) => {
      try {
        return await kiosk.call(name, request);
      } catch (error) {
        if (error instanceof KioskError && error.code === 'forbidden') go({ name: 'staff-sign-in', lapsed: true });
        throw error;
      }
    },
    [go],
  );
}
