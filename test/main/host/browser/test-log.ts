/** A real kiosk log in the test's data folder, so a host's failures are recorded the way the kiosk records them. */
import path from 'node:path';
import { fixedClock } from '../../../../main/clock.ts';
import { openKioskLog, type KioskLog } from '../../../../main/log/kiosk-log.ts';

export function testLog(dataDir: string): KioskLog {
  return openKioskLog({ dir: path.join(dataDir, 'logs'), clock: fixedClock(new Date('2027-03-01T09:00:00Z')) });
}
