/**
 * Which keys a kiosk trusts, and for which channels: the root key set shipped with the app, key sets in a
 * root-owned system folder, and keys introduced by rotation statements signed by an already trusted key,
 * less the keys revoked by revocation statements (see `validRevocations` for who may revoke).
 */
import { createHash } from 'node:crypto';
import { access, lstat, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PackError } from './pack-error.ts';
import {
  AnyKeyStatement,
  KeySetFile,
  KeyStatementFile,
  signatureMatches,
  type KeyChannels,
  type PublicKeyEntry,
} from './signing-keys.ts';

/**
 * The committed demo key. Its private half is public, so no key set or statement can make a kiosk trust it:
 * it is trusted only by `demoTrustStore`, for the one demo manifest the app ships.
 */
export const DEMO_KEY_ID = 'demo-2026';
export const DEMO_PUBLIC_KEY = 'FJ8UAmaJEr4kLaVC4VZoQhQRRcyp92NZH5ZWjqomfTA=';
export const DEMO_CHANNEL = 'demo';
/** The channel of app releases (`main/updates/release-statement.ts`): a key signs them only if it may sign this. */
export const RELEASE_CHANNEL = 'app';

export interface TrustedKey {
  keyId: string;
  publicKey: string;
  channels: KeyChannels;
  /** Where the trust comes from: a key file, or the chain of statements that introduced the key. */
  origin: string;
  /** The SHA-256 of the one manifest this key may sign (the demo key's); any manifest when absent. */
  manifestSha256?: string;
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

function isDemoKey(entry: Pick<PublicKeyEntry, 'keyId' | 'publicKey'>): boolean {
  return entry.publicKey === DEMO_PUBLIC_KEY || entry.keyId === DEMO_KEY_ID;
}

/** The only trust in which the demo key counts: for the demo channel, and for the manifest `manifestSha256` alone. */
export function demoTrustStore(manifestSha256: string): TrustStore {
  const demo: TrustedKey = {
    keyId: DEMO_KEY_ID,
    publicKey: DEMO_PUBLIC_KEY,
    channels: [DEMO_CHANNEL],
    origin: 'the demo collection shipped with the app',
    manifestSha256,
  };
  return { keys: new Map([[DEMO_KEY_ID, demo]]), statements: [], problems: [] };
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
      if (isDemoKey(entry)) {
        problems.push(
          `${origin}: the demo key "${entry.keyId}" signs only the demo pack shipped with the app; ignored`,
        );
        continue;
      }
      const known = keys.get(entry.keyId);
      if (known && known.publicKey !== entry.publicKey) {
        problems.push(`${origin}: key id "${entry.keyId}" is already used by another key (${known.origin}); ignored`);
        continue;
      }
      if (!known)
        keys.set(entry.keyId, { keyId: entry.keyId, publicKey: entry.publicKey, channels: entry.channels, origin });
    }
  }
  return { keys, statements, problems };
}

/** Where a kiosk's operating system may put extra root key sets; honoured only while root alone can write it. */
export const SYSTEM_KEYS_DIR = '/etc/reading-room/keys';

export interface TrustStoreOptions {
  /** The key set shipped with the app; must be valid: the app cannot verify anything without it. */
  rootKeysFile: string;
  /**
   * A root-owned folder of extra `*.keys.json` key sets, passed in by the host (e.g. `SYSTEM_KEYS_DIR`). The
   * folder and each file must be owned by root and not writable by group or others, or they are skipped.
   */
  systemKeysDir?: string;
  /**
   * The data folder's keys/: signed `*.statement.json` only. It is writable by the app (and by whoever
   * gets the app's rights), so a key set found there is skipped: it would widen trust with no signature.
   */
  dataKeysDir?: string;
}

/** Reads the trust store; files that cannot be used are skipped with a recorded problem. */
export async function loadTrustStore(options: TrustStoreOptions): Promise<TrustStore> {
  const root = KeySetFile.parse(JSON.parse(await readFile(options.rootKeysFile, 'utf8')));
  const keySets = [{ set: root, origin: options.rootKeysFile }];
  const statements: StatementSource[] = [];
  const problems: string[] = [];
  const problem = (file: string, error: unknown) =>
    problems.push(`${file}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  if (options.systemKeysDir) {
    const dir = options.systemKeysDir;
    const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.keys.json'));
    const unsafeDir = names.length > 0 ? await rootOnlyProblem(dir, 'folder') : undefined;
    if (unsafeDir) problems.push(`${dir}: ${unsafeDir}; its key sets are ignored`);
    for (const name of unsafeDir ? [] : names.sort()) {
      const file = path.join(dir, name);
      try {
        const unsafe = await rootOnlyProblem(file, 'file');
        if (unsafe) throw new Error(`${unsafe}; ignored`);
        keySets.push({ set: KeySetFile.parse(JSON.parse(await readFile(file, 'utf8'))), origin: file });
      } catch (error) {
        problem(file, error);
      }
    }
  }
  const names = options.dataKeysDir ? await readdir(options.dataKeysDir).catch(() => []) : [];
  for (const name of names.sort()) {
    const file = path.join(options.dataKeysDir!, name);
    try {
      if (name.endsWith('.keys.json')) {
        throw new Error(`key sets are not read from the data folder (only from ${SYSTEM_KEYS_DIR}); ignored`);
      } else if (name.endsWith('.statement.json')) {
        statements.push({ file: KeyStatementFile.parse(JSON.parse(await readFile(file, 'utf8'))), origin: file });
      }
    } catch (error) {
      problem(file, error);
    }
  }
  return trustStoreFrom(keySets, statements, problems);
}

/** Why `target` could be changed by someone other than root (not a plain file or folder, another owner, g/o-writable). */
async function rootOnlyProblem(target: string, kind: 'file' | 'folder'): Promise<string | undefined> {
  const info = await lstat(target);
  if (kind === 'file' ? !info.isFile() : !info.isDirectory()) return `not a plain ${kind}`;
  if (info.uid !== 0) return `owned by uid ${info.uid}, not root`;
  if ((info.mode & 0o022) !== 0) return `writable by group or others (mode ${(info.mode & 0o777).toString(8)})`;
  return undefined;
}

function channelsWithin(inner: KeyChannels, outer: KeyChannels): boolean {
  if (outer[0] === '*') return true;
  if (inner[0] === '*') return false;
  return inner.every((channel) => (outer as readonly string[]).includes(channel));
}

interface ParsedStatement {
  source: StatementSource;
  statement: AnyKeyStatement;
}

interface Closure {
  keys: Map<string, TrustedKey>;
  /** For each introduced key, the keys whose valid introductions of it were accepted. */
  introducers: Map<string, Set<string>>;
  /** Introductions that formed an accepted edge, for remembering alongside a revocation. */
  edges: Set<ParsedStatement>;
  rejected: Map<string, string>;
}

/**
 * Keys reachable from the key sets through introductions, never through or to a key in `revoked`. An
 * introduction counts only if its signer is reachable, its signature matches, and it grants no channel the
 * signer lacks; the first introduction of a key id fixes its public key and channels.
 */
function closure(store: TrustStore, introductions: readonly ParsedStatement[], revoked: ReadonlySet<string>): Closure {
  const keys = new Map([...store.keys].filter(([keyId]) => !revoked.has(keyId)));
  const introducers = new Map<string, Set<string>>();
  const edges = new Set<ParsedStatement>();
  const rejected = new Map<string, string>();
  for (let progress = true; progress;) {
    progress = false;
    for (const parsed of introductions) {
      if (parsed.statement.type !== 'introduce-key' || edges.has(parsed)) continue;
      const { statement, source } = parsed;
      const introduced = statement.key;
      const signer = keys.get(statement.signedBy);
      const known = keys.get(introduced.keyId);
      if (!signer || revoked.has(introduced.keyId) || store.keys.has(introduced.keyId)) continue;
      // A key bound to one manifest vouches for nothing else, and the demo key enters no trust this way.
      if (signer.manifestSha256 !== undefined || isDemoKey(introduced)) continue;
      if (known && known.publicKey !== introduced.publicKey) continue;
      if (!signatureMatches(Buffer.from(source.file.statement, 'utf8'), source.file.signature, signer.publicKey)) {
        if (!known) rejected.set(introduced.keyId, `${source.origin}: signature by "${signer.keyId}" does not match`);
        continue;
      }
      const channels = introduced.channels;
      if (!channelsWithin(channels, signer.channels)) {
        if (!known) {
          rejected.set(
            introduced.keyId,
            `${source.origin}: "${signer.keyId}" may not grant channels ${channels.join(', ')}`,
          );
        }
        continue;
      }
      edges.add(parsed);
      introducers.set(introduced.keyId, (introducers.get(introduced.keyId) ?? new Set()).add(signer.keyId));
      if (known) continue;
      keys.set(introduced.keyId, {
        keyId: introduced.keyId,
        publicKey: introduced.publicKey,
        channels,
        origin: `introduced by ${signer.keyId} (${signer.origin}) in ${source.origin}`,
      });
      rejected.delete(introduced.keyId);
      progress = true;
    }
  }
  return { keys, introducers, edges, rejected };
}

interface Revocation {
  parsed: ParsedStatement;
  keyId: string;
  why: string;
}

/**
 * The revocations that count. Revocation R of key X, signed by S, counts when S is reachable ignoring all
 * revocations, S's signature matches, and S is X itself, or a key-set (root) key, or a key that introduced
 * X — in the last two cases only if S's channels cover all of X's. A revoked S still counts: revocation only
 * takes trust away, and the worst a leaked key can do with it is withdraw keys it vouched for itself.
 */
function validRevocations(store: TrustStore, statements: readonly ParsedStatement[], full: Closure): Revocation[] {
  return statements.flatMap((parsed) => {
    const { statement, source } = parsed;
    if (statement.type !== 'revoke-key') return [];
    const signer = full.keys.get(statement.signedBy);
    const target = full.keys.get(statement.keyId);
    if (!signer || !target) return [];
    if (!signatureMatches(Buffer.from(source.file.statement, 'utf8'), source.file.signature, signer.publicKey)) {
      return [];
    }
    const authority =
      signer.keyId === target.keyId ||
      (channelsWithin(target.channels, signer.channels) &&
        (store.keys.has(signer.keyId) || (full.introducers.get(target.keyId)?.has(signer.keyId) ?? false)));
    if (!authority) return [];
    const why = `revoked by "${signer.keyId}" as of ${statement.revokedAt} (${source.origin})`;
    return [{ parsed, keyId: target.keyId, why }];
  });
}

/** Statements that are not a valid introduction or revocation are left out: they can vouch for nothing. */
function parseStatements(sources: readonly StatementSource[]): ParsedStatement[] {
  return sources.flatMap((source) => {
    const parsed = AnyKeyStatement.safeParse(safeJson(source.file.statement));
    return parsed.success ? [{ source, statement: parsed.data }] : [];
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function evaluate(store: TrustStore, extraStatements: readonly StatementSource[]) {
  const statements = parseStatements([...store.statements, ...extraStatements]);
  const full = closure(store, statements, new Set());
  const revocations = validRevocations(store, statements, full);
  const revoked = new Set(revocations.map((revocation) => revocation.keyId));
  const trusted = revoked.size === 0 ? full : closure(store, statements, revoked);
  return { statements, full, revocations, trusted };
}

/**
 * The trusted key named `keyId`, following key statements (the store's and `extraStatements`, e.g. those a
 * pack carries). A revoked key is refused, and so is every key reachable only through revoked keys.
 */
export function resolveKey(
  store: TrustStore,
  keyId: string,
  extraStatements: readonly StatementSource[] = [],
): TrustedKey {
  const { full, revocations, trusted } = evaluate(store, extraStatements);
  const found = trusted.keys.get(keyId);
  if (found) return found;
  const revocation = revocations.find((candidate) => candidate.keyId === keyId);
  if (revocation) throw new PackError('key-revoked', `key "${keyId}" was ${revocation.why}`);
  if (full.keys.has(keyId)) {
    const through = [...(full.introducers.get(keyId) ?? [])].join(', ');
    throw new PackError('key-revoked', `key "${keyId}" was introduced only through revoked keys (${through})`);
  }
  const why = full.rejected.get(keyId);
  if (why) throw new PackError('bad-key-statement', `key "${keyId}": ${why}`);
  if (keyId === DEMO_KEY_ID) {
    throw new PackError('unknown-key', `the demo key "${keyId}" signs only the demo pack shipped with the app`);
  }
  throw new PackError('unknown-key', `no trusted key or valid key statement for key id "${keyId}"`);
}

/**
 * Makes revocations sticky: writes each revocation among `statements` that counts, and the accepted
 * introductions among them (which include those giving a revocation its authority), into the data folder's keys/, so the kiosk keeps refusing the key even when
 * later packs no longer carry the statement. Returns the files written (none when all were already there).
 */
async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function rememberRevocations(
  store: TrustStore,
  statements: readonly StatementSource[],
  keysDir: string,
): Promise<string[]> {
  const { full, revocations } = evaluate(store, statements);
  const fresh = new Set(statements);
  const carried = revocations.filter((revocation) => fresh.has(revocation.parsed.source));
  if (carried.length === 0) return [];
  const toWrite = [
    ...carried.map((revocation) => revocation.parsed.source),
    ...[...full.edges].map((edge) => edge.source).filter((source) => fresh.has(source)),
  ];
  await mkdir(keysDir, { recursive: true });
  const written: string[] = [];
  for (const source of toWrite) {
    const digest = createHash('sha256').update(source.file.statement).digest('hex').slice(0, 16);
    const file = path.join(keysDir, `seen-${digest}.statement.json`);
    if (await exists(file)) continue;
    // Written under another name first: the loader reads only *.statement.json, so it never sees half a file.
    const partial = `${file}.partial`;
    await writeFile(partial, JSON.stringify(source.file, null, 2) + '\n');
    await rename(partial, file);
    written.push(file);
  }
  return written;
}
