/**
 * Which keys a kiosk trusts, and for which channels: the root key set shipped with the app, key sets staff
 * add under the data folder, and keys introduced by rotation statements signed by an already trusted key.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PackError } from './pack-error.ts';
import {
  KeySetFile,
  KeyStatement,
  KeyStatementFile,
  signatureMatches,
  type KeyChannels,
  type PublicKeyEntry,
} from './signing-keys.ts';

/** The committed demo key: whatever a key file claims, it may sign the `demo` channel and nothing else. */
export const DEMO_KEY_ID = 'demo-2026';
export const DEMO_PUBLIC_KEY = 'FJ8UAmaJEr4kLaVC4VZoQhQRRcyp92NZH5ZWjqomfTA=';
export const DEMO_CHANNEL = 'demo';

export interface TrustedKey {
  keyId: string;
  publicKey: string;
  channels: KeyChannels;
  /** Where the trust comes from: a key file, or the chain of statements that introduced the key. */
  origin: string;
}

export interface StatementSource {
  file: KeyStatementFile;
  origin: string;
}

export interface TrustStore {
  keys: ReadonlyMap<string, TrustedKey>;
  statements: readonly StatementSource[];
  /** Key files that were skipped (unreadable, malformed, or reusing a key id), for the staff log. */
  problems: readonly string[];
}

export function keyMaySign(key: Pick<TrustedKey, 'channels'>, channel: string): boolean {
  return key.channels[0] === '*' || (key.channels as readonly string[]).includes(channel);
}

function clampDemo(entry: PublicKeyEntry): KeyChannels {
  return entry.publicKey === DEMO_PUBLIC_KEY ? [DEMO_CHANNEL] : entry.channels;
}

/** Builds a store from key sets already read; the first key set's entries win over later ones. */
export function trustStoreFrom(
  keySets: readonly { set: KeySetFile; origin: string }[],
  statements: readonly StatementSource[] = [],
  problems: string[] = [],
): TrustStore {
  const keys = new Map<string, TrustedKey>();
  for (const { set, origin } of keySets) {
    for (const entry of set.keys) {
      const known = keys.get(entry.keyId);
      if (known && known.publicKey !== entry.publicKey) {
        problems.push(`${origin}: key id "${entry.keyId}" is already used by another key (${known.origin}); ignored`);
        continue;
      }
      if (!known) keys.set(entry.keyId, { ...entry, channels: clampDemo(entry), origin });
    }
  }
  return { keys, statements, problems };
}

/**
 * Reads the root key set (must be valid: the app cannot verify anything without it) and every
 * `*.keys.json` / `*.statement.json` in `extraKeysDir` (skipped with a recorded problem when malformed).
 */
export async function loadTrustStore(options: { rootKeysFile: string; extraKeysDir?: string }): Promise<TrustStore> {
  const root = KeySetFile.parse(JSON.parse(await readFile(options.rootKeysFile, 'utf8')));
  const keySets = [{ set: root, origin: options.rootKeysFile }];
  const statements: StatementSource[] = [];
  const problems: string[] = [];
  const names = options.extraKeysDir ? await readdir(options.extraKeysDir).catch(() => []) : [];
  for (const name of names.sort()) {
    const file = path.join(options.extraKeysDir!, name);
    try {
      if (name.endsWith('.keys.json')) {
        keySets.push({ set: KeySetFile.parse(JSON.parse(await readFile(file, 'utf8'))), origin: file });
      } else if (name.endsWith('.statement.json')) {
        statements.push({ file: KeyStatementFile.parse(JSON.parse(await readFile(file, 'utf8'))), origin: file });
      }
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
    }
  }
  return trustStoreFrom(keySets, statements, problems);
}

function channelsWithin(inner: KeyChannels, outer: KeyChannels): boolean {
  if (outer[0] === '*') return true;
  if (inner[0] === '*') return false;
  return inner.every((channel) => (outer as readonly string[]).includes(channel));
}

/**
 * The trusted key named `keyId`, following rotation statements (the store's and `extraStatements`, e.g. those
 * a pack carries) from trusted keys to new ones. A statement counts only if its signer is trusted, its signature
 * matches, and it grants no channel the signer lacks.
 */
export function resolveKey(
  store: TrustStore,
  keyId: string,
  extraStatements: readonly StatementSource[] = [],
): TrustedKey {
  const direct = store.keys.get(keyId);
  if (direct) return direct;
  const keys = new Map(store.keys);
  const rejected = new Map<string, string>();
  const pending = [...store.statements, ...extraStatements].flatMap(({ file, origin }) => {
    try {
      return [{ file, origin, statement: KeyStatement.parse(JSON.parse(file.statement)) }];
    } catch {
      rejected.set(`?${origin}`, `${origin}: the statement is not a valid key introduction`);
      return [];
    }
  });
  for (let progress = true; progress;) {
    progress = false;
    for (const { file, origin, statement } of pending) {
      const introduced = statement.key;
      const signer = keys.get(statement.signedBy);
      if (keys.has(introduced.keyId) || !signer) continue;
      if (!signatureMatches(Buffer.from(file.statement, 'utf8'), file.signature, signer.publicKey)) {
        rejected.set(introduced.keyId, `${origin}: signature by "${signer.keyId}" does not match`);
        continue;
      }
      const channels = clampDemo(introduced);
      if (!channelsWithin(channels, signer.channels)) {
        rejected.set(introduced.keyId, `${origin}: "${signer.keyId}" may not grant channels ${channels.join(', ')}`);
        continue;
      }
      keys.set(introduced.keyId, {
        keyId: introduced.keyId,
        publicKey: introduced.publicKey,
        channels,
        origin: `introduced by ${signer.keyId} (${signer.origin}) in ${origin}`,
      });
      rejected.delete(introduced.keyId);
      progress = true;
    }
  }
  const found = keys.get(keyId);
  if (found) return found;
  const why = rejected.get(keyId);
  if (why) throw new PackError('bad-key-statement', `key "${keyId}": ${why}`);
  throw new PackError('unknown-key', `no trusted key or valid key statement for key id "${keyId}"`);
}
