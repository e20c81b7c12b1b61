/**
 * Reading and writing the publisher's key files: the private key (kept by the centre) and its public half
 * (a key set kiosks can trust: pasted into resources/keys/root-keys.json or dropped into the data folder).
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  KeySetFile,
  PrivateKeyFile,
  generateKey,
  publicEntry,
  type KeyChannels,
} from '../../main/packs/signing-keys.ts';

export async function readPrivateKey(file: string): Promise<PrivateKeyFile> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new Error(`cannot read the key file ${file}: ${String(error)}`);
  });
  const parsed = PrivateKeyFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a private key made by "publish keys new"`);
  return parsed.data;
}

export async function readKeySet(file: string): Promise<KeySetFile> {
  const json = JSON.parse(await readFile(file, 'utf8')) as unknown;
  const asPrivate = PrivateKeyFile.safeParse(json);
  if (asPrivate.success) return { format: 1, keys: [publicEntry(asPrivate.data)] };
  const parsed = KeySetFile.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a key set (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/** Writes `<id>.private.json` (mode 600) and `<id>.keys.json`; returns their paths. */
export async function writeNewKey(
  outDir: string,
  keyId: string,
  channels: KeyChannels,
): Promise<{ privateFile: string; publicFile: string; key: PrivateKeyFile }> {
  await mkdir(outDir, { recursive: true });
  const key = generateKey(keyId, channels);
  const privateFile = path.join(outDir, `${keyId}.private.json`);
  const publicFile = path.join(outDir, `${keyId}.keys.json`);
  await writeFile(privateFile, JSON.stringify(key, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  await chmod(privateFile, 0o600);
  const keySet: KeySetFile = { format: 1, keys: [publicEntry(key)] };
  await writeFile(publicFile, JSON.stringify(keySet, null, 2) + '\n', { flag: 'wx' });
  return { privateFile, publicFile, key };
}
