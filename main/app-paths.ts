/** Where the kiosk's own files live when it runs from a source checkout. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const resourcesDir = path.join(appRoot, 'resources');
export const rendererDir = path.join(appRoot, 'out', 'renderer');

/** The per-user data folder used when none is named: catalog, content store, browser profile. */
export function defaultDataDir(): string {
  const base = process.env['XDG_DATA_HOME'] || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'reading-room-kiosk');
}

export async function readAppVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(path.join(appRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
