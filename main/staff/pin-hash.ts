/**
 * Staff PINs are stored only as scrypt hashes, with their salt and cost parameters beside them so the
 * cost can be raised later without locking anyone out. scrypt because Node has it built in, memory-hard,
 * and off the main thread (libuv's pool). Six digits are a million guesses: the hash slows a thief who
 * copied the data folder, and the lockout (`pin-lockout.ts`) stops guessing at the screen.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

export const PinHash = z
  .object({
    algorithm: z.literal('scrypt'),
    /** CPU/memory cost, a power of two. */
    N: z
      .number()
      .int()
      .min(1024)
      .max(2 ** 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().min(16),
    hash: z.string().min(32),
  })
  .strict();
export type PinHash = z.infer<typeof PinHash>;

/** About 0.1 s and 32 MiB on a kiosk's CPU: slow for a thief, unnoticeable for staff. */
export const defaultPinCost = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyBytes = 32;

function derive(pin: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPin(
  pin: string,
  cost: { N: number; r: number; p: number } = defaultPinCost,
): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Compares in constant time, so the time taken says nothing about how much of the PIN was right. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
