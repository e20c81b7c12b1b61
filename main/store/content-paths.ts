/**
 * Where the content store keeps a file: `<dataDir>/content/<first two hex digits>/<sha256>`.
 * Files are named by their SHA-256, so a name is also a checksum and a file is never written twice.
 */
import path from 'node:path';

const sha256Hex = /^[0-9a-f]{64}$/;

export function contentRoot(dataDir: string): string {
  return path.join(dataDir, 'content');
}

export function isContentHash(value: string): boolean {
  return sha256Hex.test(value);
}

/** The path a file with digest `hash` has in the store; throws for anything that is not a digest. */
export function contentPath(dataDir: string, hash: string): string {
  if (!isContentHash(hash)) throw new Error(`not a content hash: ${JSON.stringify(hash).slice(0, 80)}`);
  return path.join(contentRoot(dataDir), hash.slice(0, 2), hash);
}

/** The URL the renderer fetches a stored file from, under its own origin in either host. */
export function contentUrl(hash: string): string {
  return `/content/${hash}`;
}
