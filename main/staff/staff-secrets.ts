/**
 * Where the PIN's hash and the count of wrong PINs live: `<data>/staff/staff.json`, replaced whole
 * (`replaceFile`), so a power cut leaves the old file or the new one. Wrong PINs are
 * written before the answer goes back, so restarting the kiosk does not reset a lockout.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { replaceFile } from '../store/replace-file.ts';
import { PinHash } from './pin-hash.ts';
import { noAttempts, type PinAttempts } from './pin-lockout.ts';

const StaffSecretsFile = z
  .object({
    format: z.literal(1),
    pin: PinHash,
    attempts: z.object({ failures: z.number().int().nonnegative(), lockedUntil: z.number().nonnegative() }).strict(),
  })
  .strict();

/**
 * `unset`: no file, first run. `damaged`: a file that cannot be read is not taken as "no PIN" — that would
 * let anyone at the screen choose a new one — so staff mode stays shut until the centre's reset.
 */
export type StaffSecrets =
  { state: 'unset' } | { state: 'damaged'; problem: string } | { state: 'set'; pin: PinHash; attempts: PinAttempts };

export function staffSecretsFile(dataDir: string): string {
  return path.join(dataDir, 'staff', 'staff.json');
}

export async function readStaffSecrets(file: string): Promise<StaffSecrets> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'unset' };
    return { state: 'damaged', problem: `${file}: ${(error as Error).message}` };
  }
  try {
    const parsed = StaffSecretsFile.parse(JSON.parse(text));
    return { state: 'set', pin: parsed.pin, attempts: parsed.attempts };
  } catch (error) {
    return {
      state: 'damaged',
      problem: `${file}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`,
    };
  }
}

export function writeStaffSecrets(file: string, pin: PinHash, attempts: PinAttempts = noAttempts): Promise<void> {
  return replaceFile(file, JSON.stringify({ format: 1, pin, attempts }));
}
