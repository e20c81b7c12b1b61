/**
 * First start: when the catalog is empty, installs the signed demo pack shipped in `resources/demo-pack/`
 * through the same import pipeline as any USB or network pack. Its key's private half is committed, so it
 * is trusted here alone, for the exact shipped manifest (`DEMO_MANIFEST_SHA256`); sticks and feeds never
 * trust it. A production kiosk can turn the demo off (`demoCollectionEnabled`).
 */
import path from 'node:path';
import { importFailure } from '../packs/import/import-error.ts';
import type { ImportCatalog } from '../packs/import/import-pack.ts';
import { demoTrustStore, type TrustStore } from '../packs/trust-store.ts';
import { DEMO_MANIFEST_SHA256 } from './demo-manifest.ts';

export function demoPackDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'demo-pack');
}

/** The environment variable a host reads to turn the demo collection off. */
export const DEMO_COLLECTION_VARIABLE = 'KIOSK_DEMO_COLLECTION';

/**
 * Unset, empty or `on` keeps the demo collection; any other value (`off`) turns it off, so that a misspelt
 * setting on a production kiosk leaves the demo off rather than on.
 */
export function demoCollectionEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env[DEMO_COLLECTION_VARIABLE]?.trim().toLowerCase();
  return value === undefined || value === '' || value === 'on';
}

/**
 * A demo pack that cannot be imported (damaged, expired, not the shipped manifest) leaves the kiosk empty
 * but running, so staff can still load real packs; the reason goes to the log.
 */
export async function installDemoCollection(
  catalog: ImportCatalog,
  resourcesDir: string,
  importDir: (packDir: string, trust: TrustStore) => Promise<unknown>,
  log: Pick<Console, 'warn'> = console,
): Promise<void> {
  if ((await catalog.installedPacks()).length > 0) return;
  try {
    await importDir(demoPackDir(resourcesDir), demoTrustStore(DEMO_MANIFEST_SHA256));
  } catch (error) {
    const { code, detail } = importFailure(error);
    log.warn(`The demo pack was not installed (${code}): ${detail}`);
  }
}
