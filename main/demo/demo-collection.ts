/**
 * First start: when the catalog is empty, installs the signed demo pack shipped in `resources/demo-pack/`
 * through the same import pipeline as any USB or network pack. Its key is trusted for the `demo` channel
 * only (resources/keys/root-keys.json, and the trust store enforces it whatever a key file says).
 */
import path from 'node:path';
import { importFailure } from '../packs/import/import-error.ts';
import type { ImportCatalog } from '../packs/import/import-pack.ts';

export function demoPackDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'demo-pack');
}

/**
 * A demo pack that cannot be imported (damaged, expired) leaves the kiosk empty but running, so staff
 * can still load real packs; the reason goes to the log.
 */
export async function installDemoCollection(
  catalog: ImportCatalog,
  resourcesDir: string,
  importDir: (packDir: string) => Promise<unknown>,
  log: Pick<Console, 'warn'> = console,
): Promise<void> {
  if ((await catalog.installedPacks()).length > 0) return;
  try {
    await importDir(demoPackDir(resourcesDir));
  } catch (error) {
    const { code, detail } = importFailure(error);
    log.warn(`The demo pack was not installed (${code}): ${detail}`);
  }
}
