/**
 * A forgotten PIN is reset by the centre, never by a back door: a statement signed by one of the kiosk's
 * root-level keys (trusted for every channel) that names this kiosk's venue id, with an expiry a few days
 * out and a nonce the kiosk remembers once used. Staff bring it on a USB stick as `*.pin-reset.json` at the
 * stick's top level; the kiosk then forgets its PIN and asks for a new one, as on its first day.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { TrustStore } from '../packs/trust-store.ts';
import { signatureMatches, signBytes, type PrivateKeyFile } from '../packs/signing-keys.ts';
import { replaceFile } from '../store/replace-file.ts';

export const PinResetStatement = z.strictObject({
  type: z.literal('reset-pin'),
  signedBy: z.string().max(64),
  venueId: z.string().regex(/^k-[0-9a-f]{16}$/),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
});
export type PinResetStatement = z.infer<typeof PinResetStatement>;

const PinResetFile = z.strictObject({
  format: z.literal(1),
  statement: z.string().max(2000),
  signature: z.string().max(200),
});

export const PIN_RESET_SUFFIX = '.pin-reset.json';
const maxFileBytes = 8 * 1024;

export type PinResetProblem = 'none-found' | 'other-venue' | 'expired' | 'untrusted' | 'used';

/** The centre's side (`publish pin-reset`): a statement for one venue, good for `days` days. */
export function signPinReset(signer: PrivateKeyFile, venueId: string, now: Date, days: number): string {
  const statement: PinResetStatement = {
    type: 'reset-pin',
    signedBy: signer.keyId,
    venueId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
    nonce: randomBytes(16).toString('hex'),
  };
  const text = JSON.stringify(statement, null, 2);
  return `${JSON.stringify({ format: 1, statement: text, signature: signBytes(Buffer.from(text, 'utf8'), signer) })}\n`;
}

/**
 * Looks at the top level of each stick for a reset statement this kiosk may act on. When several are
 * there, one that works wins; otherwise the most telling problem is reported (a statement for another
 * venue says more to staff than none at all).
 */
export async function findPinReset(
  sticks: readonly string[],
  context: { venueId: string; trust: TrustStore; now: Date; used: ReadonlySet<string> },
): Promise<{ ok: true; statement: PinResetStatement } | { ok: false; problem: PinResetProblem }> {
  const problems: PinResetProblem[] = [];
  for (const stick of sticks) {
    const names = await readdir(stick).catch(() => [] as string[]);
    for (const name of names.filter((candidate) => candidate.endsWith(PIN_RESET_SUFFIX)).sort()) {
      const checked = await checkFile(path.join(stick, name), context);
      if (checked.ok) return checked;
      problems.push(checked.problem);
    }
  }
  const order: PinResetProblem[] = ['used', 'expired', 'other-venue', 'untrusted', 'none-found'];
  return { ok: false, problem: order.find((problem) => problems.includes(problem)) ?? 'none-found' };
}

async function checkFile(
  file: string,
  context: { venueId: string; trust: TrustStore; now: Date; used: ReadonlySet<string> },
): Promise<{ ok: true; statement: PinResetStatement } | { ok: false; problem: PinResetProblem }> {
  try {
    const info = await lstat(file);
    if (!info.isFile() || info.size > maxFileBytes) return { ok: false, problem: 'untrusted' };
    const wrapper = PinResetFile.parse(JSON.parse(await readFile(file, 'utf8')));
    const statement = PinResetStatement.parse(JSON.parse(wrapper.statement));
    const key = context.trust.keys.get(statement.signedBy);
    // Resetting staff access is the centre's own act: only a key trusted for every channel may do it.
    if (!key || key.channels[0] !== '*') return { ok: false, problem: 'untrusted' };
    if (!signatureMatches(Buffer.from(wrapper.statement, 'utf8'), wrapper.signature, key.publicKey)) {
      return { ok: false, problem: 'untrusted' };
    }
    if (statement.venueId !== context.venueId) return { ok: false, problem: 'other-venue' };
    if (Date.parse(statement.expiresAt) <= context.now.getTime()) return { ok: false, problem: 'expired' };
    if (context.used.has(statement.nonce)) return { ok: false, problem: 'used' };
    return { ok: true, statement };
  } catch {
    return { ok: false, problem: 'untrusted' };
  }
}

/** The nonces of the resets this kiosk has acted on, so one stick cannot reset the PIN again and again. */
export async function usedResets(file: string): Promise<Set<string>> {
  try {
    const parsed = z.array(z.string()).parse(JSON.parse(await readFile(file, 'utf8')));
    return new Set(parsed);
  } catch {
    return new Set();
  }
}

export async function rememberReset(file: string, used: ReadonlySet<string>, nonce: string): Promise<void> {
  await replaceFile(file, JSON.stringify([...used, nonce]));
}
