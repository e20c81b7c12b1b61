/**
 * Decides whether a pack folder may be imported, before anything is copied: bounded manifest read, signature
 * by a trusted key (checked before the manifest is parsed) for the pack's channel, expiry, version against the installed one, a folder holding
 * exactly the files the manifest lists at the sizes it states, and quiz files that are quiz sets. Other files'
 * hashes are checked by `verifyPackContents` (or by the importer while it copies). Electron-free; every
 * refusal is a PackError with a code.
 */
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { MAX_MANIFEST_BYTES, PackManifest, manifestItems, type FileEntry, type ItemFileRef } from './manifest.ts';
import { PackError } from './pack-error.ts';
import {
  FILES_DIR,
  KEYS_DIR,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  fileNamePattern,
  packFilePath,
  statementNamePattern,
} from './pack-layout.ts';
import { MAX_PAGE_TEXT_BYTES, PAGE_TEXT_MEDIA_TYPE, parsePageText } from './page-text.ts';
import { MAX_QUIZ_BYTES, QuizSet, quizImages } from '../../preload/contract/quiz-set.ts';
import { KeyStatementFile, parseManifestSignature, signatureMatches } from './signing-keys.ts';
import {
  keyMaySign,
  RELEASE_CHANNEL,
  resolveKey,
  type StatementSource,
  type TrustStore,
  type TrustedKey,
} from './trust-store.ts';

export interface VerifyPackOptions {
  trust: TrustStore;
  /** The version of pack `packId` this kiosk has installed, or undefined when it has none. */
  installedVersion?: (packId: string) => number | undefined | Promise<number | undefined>;
  /** The kiosk's clock, for expiry. */
  now?: Date;
  maxManifestBytes?: number;
}

export interface VerifiedFile extends FileEntry {
  /** Absolute path of the file inside the pack folder. */
  path: string;
}

export interface VerifiedPack {
  dir: string;
  manifest: PackManifest;
  /** The exact signed bytes, so an importer can keep them as a record of what it installed. */
  manifestBytes: Buffer;
  key: TrustedKey;
  /** The rotation statements the pack carries, checked where they were needed to trust its key. */
  statements: readonly StatementSource[];
  files: readonly VerifiedFile[];
}

const MAX_SIGNATURE_BYTES = 1024;
const MAX_STATEMENT_BYTES = 16 * 1024;
const MAX_STATEMENTS = 20;
/** Finder and macOS-on-FAT droppings: never read, never imported, so tolerated instead of refused. */
const ignorableName = /^(\.DS_Store|\._.*)$/;

export async function verifyPack(dir: string, options: VerifyPackOptions): Promise<VerifiedPack> {
  const packDir = path.resolve(dir);
  await checkTopLevel(packDir);
  const manifestBytes = await readBounded(
    path.join(packDir, MANIFEST_FILE),
    options.maxManifestBytes ?? MAX_MANIFEST_BYTES,
    'manifest-too-large',
    'missing-manifest',
  );
  const signature = (
    await readBounded(path.join(packDir, SIGNATURE_FILE), MAX_SIGNATURE_BYTES, 'bad-signature', 'missing-signature')
  ).toString('utf8');
  const statements = await readPackStatements(packDir);

  const key = trustedSigner(manifestBytes, signature, options.trust, statements);
  const manifest = parseManifest(manifestBytes);
  if (manifest.keyId !== key.keyId) {
    throw new PackError('malformed-manifest', `manifest.json names key "${manifest.keyId}", signed by "${key.keyId}"`);
  }

  // A key given the app channel for releases alone must not be able to publish content on it too.
  if (manifest.channel === RELEASE_CHANNEL) {
    throw new PackError(
      'channel-not-allowed',
      `channel "${RELEASE_CHANNEL}" is reserved for app releases, never packs`,
    );
  }
  if (!keyMaySign(key, manifest.channel)) {
    throw new PackError(
      'channel-not-allowed',
      `key "${key.keyId}" may sign ${key.channels.join(', ')}, not channel "${manifest.channel}"`,
    );
  }
  const now = options.now ?? new Date();
  if (Date.parse(manifest.expiresAt) <= now.getTime()) {
    throw new PackError('expired', `pack "${manifest.id}" v${manifest.version} expired at ${manifest.expiresAt}`);
  }
  await checkVersion(manifest, await options.installedVersion?.(manifest.id));
  const files = await checkFiles(packDir, manifest);
  await checkQuizzes(packDir, manifest);
  await checkPageTexts(packDir, manifest);
  return { dir: packDir, manifest, manifestBytes, key, statements, files };
}

/**
 * Hashes every file the manifest lists and compares it with its name; for `publish verify` and audits.
 * Without `manifest`, reads manifest.json unsigned: call `verifyPack` first when trust matters.
 */
export async function verifyPackContents(dir: string, manifest?: PackManifest): Promise<void> {
  const packDir = path.resolve(dir);
  const listed =
    manifest ??
    parseManifest(
      await readBounded(
        path.join(packDir, MANIFEST_FILE),
        MAX_MANIFEST_BYTES,
        'manifest-too-large',
        'missing-manifest',
      ),
    );
  for (const file of listed.files) {
    const filePath = packFilePath(packDir, file.sha256);
    const digest = await hashFile(filePath).catch((error: unknown) => {
      throw new PackError('missing-file', `${filePath}: ${String(error)}`, { cause: error });
    });
    if (digest !== file.sha256) throw new PackError('hash-mismatch', `${filePath} has SHA-256 ${digest}`);
  }
}

export async function hashFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Parses signed (or about to be signed) manifest bytes against the schema. */
export function parseManifest(bytes: Buffer): PackManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new PackError('malformed-manifest', `manifest.json is not JSON: ${String(error)}`, { cause: error });
  }
  if (repeatsAKey(bytes, json)) {
    throw new PackError('malformed-manifest', 'manifest.json names the same key twice in one object');
  }
  const unsafe = findUnsafeReference(json);
  if (unsafe)
    throw new PackError('unsafe-path', `manifest.json names a file as ${JSON.stringify(unsafe).slice(0, 200)}`);
  const parsed = PackManifest.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new PackError('malformed-manifest', issues);
  }
  return parsed.data;
}

async function lstatOrUndefined(filePath: string): Promise<Stats | undefined> {
  return lstat(filePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

async function checkTopLevel(packDir: string): Promise<void> {
  const stats = await lstatOrUndefined(packDir);
  if (!stats?.isDirectory()) throw new PackError('missing-manifest', `${packDir} is not a folder`);
  const expected: Record<string, 'file' | 'dir'> = {
    [MANIFEST_FILE]: 'file',
    [SIGNATURE_FILE]: 'file',
    [FILES_DIR]: 'dir',
    [KEYS_DIR]: 'dir',
  };
  for (const name of await readdir(packDir)) {
    const entry = await lstat(path.join(packDir, name));
    if (entry.isSymbolicLink()) throw new PackError('unsafe-path', `${name} is a link`);
    if (ignorableName.test(name) && entry.isFile()) continue;
    const kind = expected[name];
    if (!kind || (kind === 'file' ? !entry.isFile() : !entry.isDirectory())) {
      throw new PackError('unexpected-file', `${name} does not belong in a pack folder`);
    }
  }
}

async function readBounded(
  filePath: string,
  maxBytes: number,
  tooLarge: 'manifest-too-large' | 'bad-signature' | 'bad-key-statement' | 'malformed-quiz' | 'malformed-page-text',
  missing: 'missing-manifest' | 'missing-signature' | 'bad-key-statement' | 'missing-file',
): Promise<Buffer> {
  const stats = await lstatOrUndefined(filePath);
  if (!stats) throw new PackError(missing, `${path.basename(filePath)} is missing`);
  if (!stats.isFile()) throw new PackError('unsafe-path', `${path.basename(filePath)} is not a plain file`);
  if (stats.size > maxBytes) {
    throw new PackError(tooLarge, `${path.basename(filePath)} is ${stats.size} bytes, the limit is ${maxBytes}`);
  }
  // Read at most one byte past the limit: the size from stat is not trusted to stay true while reading.
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length <= maxBytes; length += read) {
      ({ bytesRead: read } = await handle.read(buffer, length, buffer.length - length, null));
    }
    if (length > maxBytes) throw new PackError(tooLarge, `${path.basename(filePath)} grew past ${maxBytes} bytes`);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** The key statements in a pack's keys/ folder, each bounded in size and checked for form. */
export async function readPackStatements(dir: string): Promise<StatementSource[]> {
  const keysDir = path.join(path.resolve(dir), KEYS_DIR);
  if (!(await lstatOrUndefined(keysDir))) return [];
  const names = (await readdir(keysDir)).filter((name) => !ignorableName.test(name));
  if (names.length > MAX_STATEMENTS) throw new PackError('unexpected-file', `${KEYS_DIR}/ holds ${names.length} files`);
  const statements: StatementSource[] = [];
  for (const name of names.sort()) {
    const filePath = path.join(keysDir, name);
    const entry = await lstat(filePath);
    if (entry.isSymbolicLink()) throw new PackError('unsafe-path', `${KEYS_DIR}/${name} is a link`);
    if (!statementNamePattern.test(name) || !entry.isFile()) {
      throw new PackError('unexpected-file', `${KEYS_DIR}/${name} is not a key statement`);
    }
    const bytes = await readBounded(filePath, MAX_STATEMENT_BYTES, 'bad-key-statement', 'bad-key-statement');
    try {
      statements.push({
        file: KeyStatementFile.parse(JSON.parse(bytes.toString('utf8'))),
        origin: `${KEYS_DIR}/${name}`,
      });
    } catch (error) {
      throw new PackError('bad-key-statement', `${KEYS_DIR}/${name} is malformed`, { cause: error });
    }
  }
  return statements;
}

/**
 * The trusted key whose signature the manifest bytes carry. The key id comes from manifest.sig, so nothing
 * of the manifest is parsed until a trusted key is known to have signed it.
 */
function trustedSigner(
  bytes: Buffer,
  signatureText: string,
  trust: TrustStore,
  statements: StatementSource[],
): TrustedKey {
  const signature = parseManifestSignature(signatureText);
  if (!signature) throw new PackError('bad-signature', 'manifest.sig is not a signature file');
  const key = resolveKey(trust, signature.keyId, statements);
  if (!signatureMatches(bytes, signature.signature, key.publicKey)) {
    throw new PackError('bad-signature', `manifest.sig does not match manifest.json for key "${signature.keyId}"`);
  }
  if (key.manifestSha256 !== undefined) {
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== key.manifestSha256) {
      throw new PackError(
        'unknown-key',
        `key "${key.keyId}" signs only the manifest with SHA-256 ${key.manifestSha256}, not this one (${digest})`,
      );
    }
  }
  return key;
}

function repeatsAKey(bytes: Buffer, json: unknown): boolean {
  return colonsOutsideStrings(bytes) !== countKeys(json);
}

/**
 * In text JSON.parse accepted, every `:` outside a string separates one key from its value, so more colons
 * than keys in the parsed result means an object repeated a key (JSON.parse keeps the last silently). A
 * linear scan on the bytes, leaving the grammar to JSON.parse, instead of a second, hand-written parser.
 */
function colonsOutsideStrings(bytes: Buffer): number {
  let colons = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (inString) {
      if (byte === 0x5c) index++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x3a) colons++;
  }
  return colons;
}

function countKeys(json: unknown): number {
  let keys = 0;
  const stack: unknown[] = [json];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === null || typeof node !== 'object') continue;
    const values = Array.isArray(node) ? node : Object.values(node);
    if (!Array.isArray(node)) keys += values.length;
    for (const value of values) stack.push(value);
  }
  return keys;
}

/** A file reference that would point outside files/: refused as unsafe rather than as merely malformed. */
function findUnsafeReference(json: unknown): string | undefined {
  const stack: unknown[] = [json];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    // Spreading a long array into push passes every element as an argument and overflows the call stack.
    if (Array.isArray(node)) for (const element of node) stack.push(element);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (
          typeof value === 'string' &&
          ['sha256', 'hash', 'path', 'file'].includes(key) &&
          /[/\\]|\.\.|^[a-z]:/i.test(value)
        ) {
          return value;
        }
        if (typeof value === 'object') stack.push(value);
      }
    }
  }
  return undefined;
}

async function checkVersion(manifest: PackManifest, installed: number | undefined): Promise<void> {
  if (installed !== undefined && manifest.version <= installed) {
    throw new PackError(
      'rollback',
      `pack "${manifest.id}" v${manifest.version} is not newer than the installed v${installed}`,
    );
  }
  if (manifest.kind === 'delta' && installed !== manifest.baseVersion) {
    throw new PackError(
      'wrong-base',
      `update of "${manifest.id}" from v${manifest.baseVersion}, but ${installed === undefined ? 'none' : `v${installed}`} is installed`,
    );
  }
}

async function checkFiles(packDir: string, manifest: PackManifest): Promise<VerifiedFile[]> {
  const listed = new Map(manifest.files.map((file) => [file.sha256, file]));
  const filesDir = path.join(packDir, FILES_DIR);
  // Directory entries carry their type, so thousands of files need no lstat each here.
  const present = (await lstatOrUndefined(filesDir)) ? await readdir(filesDir, { withFileTypes: true }) : [];
  for (const entry of present) {
    const name = entry.name;
    if (entry.isSymbolicLink()) throw new PackError('unsafe-path', `${FILES_DIR}/${name} is a link`);
    if (ignorableName.test(name) && entry.isFile()) continue;
    if (!fileNamePattern.test(name) || !entry.isFile()) {
      throw new PackError('unexpected-file', `${FILES_DIR}/${name} is not a file named by its SHA-256`);
    }
    if (!listed.has(name)) throw new PackError('unexpected-file', `${FILES_DIR}/${name} is not listed in the manifest`);
  }
  const paths = manifest.files.map((file) => packFilePath(packDir, file.sha256));
  const stats: (Stats | undefined)[] = [];
  // A few dozen lstat calls in flight keep a USB stick's queue full without flooding the thread pool.
  for (let start = 0; start < paths.length; start += 32) {
    stats.push(...(await Promise.all(paths.slice(start, start + 32).map(lstatOrUndefined))));
  }
  return manifest.files.map((file, index) => {
    const found = stats[index];
    if (!found) throw new PackError('missing-file', `${FILES_DIR}/${file.sha256} is missing`);
    if (found.size !== file.size) {
      throw new PackError(
        'size-mismatch',
        `${FILES_DIR}/${file.sha256} is ${found.size} bytes, the manifest says ${file.size}`,
      );
    }
    return { ...file, path: paths[index]! };
  });
}

/**
 * Every quiz item's main files are quiz sets, checked before anything is copied so a quiz the kiosk installs
 * always opens. Each file is read once, bounded, and hashed: the bytes checked are the bytes the copy stores.
 */
async function checkQuizzes(packDir: string, manifest: PackManifest): Promise<void> {
  const carried = new Map(manifest.files.map((file) => [file.sha256, file]));
  const checked = new Set<string>();
  for (const item of manifestItems(manifest).filter((entry) => entry.kind === 'quiz')) {
    const mains = item.files.filter((file) => file.role === 'main');
    if (mains.length === 0) throw new PackError('malformed-quiz', `quiz item "${item.id}" has no quiz file`);
    for (const { hash } of mains) {
      const file = carried.get(hash);
      // A delta may keep its base version's quiz file, checked when that version was imported.
      if (!file || checked.has(hash)) continue;
      checked.add(hash);
      const where = `quiz item "${item.id}", ${FILES_DIR}/${hash}`;
      if (file.mediaType !== 'application/json') {
        throw new PackError('malformed-quiz', `${where} is ${file.mediaType}, not application/json`);
      }
      const bytes = await readBounded(packFilePath(packDir, hash), MAX_QUIZ_BYTES, 'malformed-quiz', 'missing-file');
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== hash) throw new PackError('hash-mismatch', `${FILES_DIR}/${hash} has SHA-256 ${digest}`);
      const problem = quizProblem(bytes, item.files, carried);
      if (problem) throw new PackError('malformed-quiz', `${where}: ${problem}`);
    }
  }
}

/**
 * Every page-text file the pack carries is read, bounded, hashed and parsed before anything is copied, so the
 * catalog never meets one it cannot index: the switch reads the same bytes again from the store. One file at a
 * time, so a pack of 500 manuals holds one manual's text at once.
 */
async function checkPageTexts(packDir: string, manifest: PackManifest): Promise<void> {
  const carried = new Map(manifest.files.map((file) => [file.sha256, file]));
  const checked = new Set<string>();
  for (const item of manifestItems(manifest)) {
    for (const { hash, language } of item.files.filter((file) => file.role === 'page-text')) {
      const file = carried.get(hash);
      // A delta may keep its base version's page text, checked when that version was imported.
      if (!file || checked.has(hash)) continue;
      checked.add(hash);
      const where = `page text (${language ?? '?'}) of item "${item.id}", ${FILES_DIR}/${hash}`;
      if (file.mediaType !== PAGE_TEXT_MEDIA_TYPE) {
        throw new PackError('malformed-page-text', `${where} is ${file.mediaType}, not ${PAGE_TEXT_MEDIA_TYPE}`);
      }
      const bytes = await readBounded(
        packFilePath(packDir, hash),
        MAX_PAGE_TEXT_BYTES,
        'malformed-page-text',
        'missing-file',
      );
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== hash) throw new PackError('hash-mismatch', `${FILES_DIR}/${hash} has SHA-256 ${digest}`);
      const parsed = parsePageText(bytes);
      // Its page count is its own PDF's: an item's `pages` is its first PDF's, and translations run longer or shorter.
      if (!parsed.ok) throw new PackError('malformed-page-text', `${where} ${parsed.problem}`);
    }
  }
}

const QUIZ_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

function quizProblem(
  bytes: Buffer,
  itemFiles: readonly ItemFileRef[],
  carried: ReadonlyMap<string, FileEntry>,
): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return `not JSON: ${String(error)}`;
  }
  if (repeatsAKey(bytes, json)) return 'names the same key twice in one object';
  const parsed = QuizSet.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.') || '(top level)'}: ${issue.message}`;
  }
  // A picture must travel in the same item, so removing another pack never leaves a question without it.
  const pictures = new Set(itemFiles.filter((file) => file.role === 'attachment').map((file) => file.hash));
  for (const image of quizImages(parsed.data)) {
    if (!pictures.has(image)) return `picture "${image}" is not one of the item's attachments`;
    // A delta may keep a picture from its base version, whose media type was checked then.
    const file = carried.get(image);
    if (file && !QUIZ_IMAGE_TYPES.has(file.mediaType))
      return `picture "${image}" is ${file.mediaType}, not a PNG, JPEG or WebP image`;
  }
  return undefined;
}
