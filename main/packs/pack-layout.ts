/**
 * The on-disk shape of a pack folder: which names may exist in it and where a file of the pack lives.
 * Anything else (links, folders, stray or oddly named files) makes the pack unsafe to import.
 */
import path from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const FILES_DIR = 'files';
/** Key rotation statements the pack carries, so kiosks that trust only an older key can follow the chain. */
export const KEYS_DIR = 'keys';

export const fileNamePattern = /^[0-9a-f]{64}$/;
export const statementNamePattern = /^[a-z0-9][a-z0-9-]{0,63}\.statement\.json$/;

export function packFilePath(packDir: string, sha256: string): string {
  if (!fileNamePattern.test(sha256)) throw new Error(`not a content hash: ${JSON.stringify(sha256).slice(0, 80)}`);
  return path.join(packDir, FILES_DIR, sha256);
}
