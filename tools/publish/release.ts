/**
 * `publish release`: the folder kiosks update the app from. Beside the installers it writes the signed
 * release statement (`release.json`, `release.sig`) and electron-updater's `latest-linux.yml`, both from the
 * same hashes, so what electron-updater downloads is what the statement vouches for.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { PrivateKeyFile } from '../../main/packs/signing-keys.ts';
import { DEMO_PUBLIC_KEY, keyMaySign, RELEASE_CHANNEL } from '../../main/packs/trust-store.ts';
import { artifactFacts } from '../../main/updates/release-artifact.ts';
import {
  RELEASE_FILE,
  RELEASE_SIGNATURE_FILE,
  ReleaseStatement,
  signReleaseStatement,
} from '../../main/updates/release-statement.ts';

/** What electron-updater's generic provider reads on Linux (x64). */
export const UPDATER_FEED_FILE = 'latest-linux.yml';

export interface ReleaseOptions {
  version: string;
  minimumVersion: string;
  rolloutPercent: number;
  artifactFiles: readonly string[];
  key: PrivateKeyFile;
  outDir: string;
  now: Date;
  expiresDays?: number;
}

export async function writeRelease(options: ReleaseOptions): Promise<ReleaseStatement> {
  const { key } = options;
  if (key.publicKey === DEMO_PUBLIC_KEY) throw new Error('the demo key signs only the demo pack, never the app');
  if (!keyMaySign(key, RELEASE_CHANNEL)) {
    throw new Error(
      `key ${key.keyId} may sign ${key.channels.join(', ')}; app releases need a key for "${RELEASE_CHANNEL}" or "*"`,
    );
  }
  const artifacts = await Promise.all(options.artifactFiles.map((file) => artifactFacts(file)));
  const parsed = ReleaseStatement.safeParse({
    format: 1,
    type: 'app-release',
    version: options.version,
    minimumVersion: options.minimumVersion,
    rolloutPercent: options.rolloutPercent,
    artifacts,
    createdAt: options.now.toISOString(),
    ...(options.expiresDays === undefined
      ? {}
      : { expiresAt: new Date(options.now.getTime() + options.expiresDays * 86_400_000).toISOString() }),
    keyId: key.keyId,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the release is not valid: ${issue?.path.join('.') || 'release'}: ${issue?.message ?? 'invalid'}`);
  }
  const statement = parsed.data;
  const { text, signature } = signReleaseStatement(statement, key);

  await mkdir(options.outDir, { recursive: true });
  for (const file of options.artifactFiles) {
    const target = path.join(options.outDir, path.basename(file));
    if (path.resolve(file) !== path.resolve(target)) await copyFile(file, target);
  }
  const [first] = statement.artifacts;
  const updaterFeed = {
    version: statement.version,
    files: statement.artifacts.map(({ name, sha512, size }) => ({ url: name, sha512, size })),
    // Older electron-updater versions read only the top-level file.
    path: first!.name,
    sha512: first!.sha512,
    releaseDate: statement.createdAt,
  };
  // Installers first, statement last: a kiosk reading the folder mid-write at worst refuses a statement
  // and signature that do not match until its next check, and never meets a statement without its files.
  await writeFile(path.join(options.outDir, UPDATER_FEED_FILE), stringify(updaterFeed));
  await writeFile(path.join(options.outDir, RELEASE_SIGNATURE_FILE), signature);
  await writeFile(path.join(options.outDir, RELEASE_FILE), text);
  return statement;
}
