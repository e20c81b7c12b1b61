/**
 * Whether the page can reach the kiosk service, as the host's bridge reports it (`host.connection`):
 * kept for the page's whole life, above any visit, so a visit that starts while the service is away
 * still knows it is away. `restored` counts the returns, so screens can load again after each.
 */
import { useSyncExternalStore } from 'react';
import type { EventPayload } from '../../preload/contract/contract.ts';
import { kiosk } from '../kiosk.ts';

export interface HostConnection {
  reconnecting: boolean;
  /** How many times the service came back since the page loaded. */
  restored: number;
}

export function nextConnection(current: HostConnection, event: EventPayload<'host.connection'>): HostConnection {
  if (event.state === 'lost') return current.reconnecting ? current : { ...current, reconnecting: true };
  // A 'restored' without a 'lost' before it changes nothing: no screen needs to load again.
  return current.reconnecting ? { reconnecting: false, restored: current.restored + 1 } : current;
}

let connection: HostConnection = { reconnecting: false, restored: 0 };
const watchers = new Set<() => void>();
let listening = false;

function watch(notify: () => void): () => void {
  watchers.add(notify);
  // Subscribed once, on first use, and never dropped: no report is missed while screens come and go.
  if (!listening) {
    listening = true;
    kiosk.on('host.connection', (event) => {
      const next = nextConnection(connection, event);
      if (next === connection) return;
      connection = next;
      for (const watcher of watchers) watcher();
    });
  }
  return () => watchers.delete(notify);
}

export function useHostConnection(): HostConnection {
  return useSyncExternalStore(watch, () => connection);
}
