/** The page's view of its connection: a loss shows once, a return counts once, a stray return changes nothing. */
import { describe, expect, it } from 'vitest';
import { nextConnection, type HostConnection } from '../../../renderer/connection/host-connection.ts';

describe('nextConnection', () => {
  const connected: HostConnection = { reconnecting: false, restored: 0 };

  it('counts a return after a loss', () => {
    const lost = nextConnection(connected, { state: 'lost' });
    expect(lost).toEqual({ reconnecting: true, restored: 0 });
    expect(nextConnection(lost, { state: 'restored' })).toEqual({ reconnecting: false, restored: 1 });
  });

  it('keeps the same state for a repeated loss and a return without a loss, so nothing renders again', () => {
    const lost = nextConnection(connected, { state: 'lost' });
    expect(nextConnection(lost, { state: 'lost' })).toBe(lost);
    expect(nextConnection(connected, { state: 'restored' })).toBe(connected);
  });
});
