/** The log capability: staff read the kiosk's recent entries on the staff screen. */
import type { Capability } from '../api/capability.ts';
import type { KioskLog } from './kiosk-log.ts';

export function logCapability(log: KioskLog): Capability<'staff.log'> {
  return { handlers: { 'staff.log': ({ limit }) => ({ entries: log.recent(limit) }) } };
}
