/** IPC channel names of the Electron host: one per contract call, one for all events. */
import type { CallName } from './contract.ts';

export function callChannel(name: CallName): string {
  return `kiosk:call:${name}`;
}

export const eventChannel = 'kiosk:event';
