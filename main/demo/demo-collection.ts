/**
 * First start: when the catalog is empty, installs the signed demo pack shipped in `resources/demo-pack/`
 * through the same import pipeline as any USB or network pack. Its key is trusted for the `demo` channel
 * only (resources/keys/root-keys.json, and the trust store enforces it whatever a key file says).
 */
import path from 'node:path';
import type { ImportCatalog } from '../packs/import/import-pack.ts';

export function demoPackDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'demo-pack');
}

export async function installDemoCollection(
  catalog: ImportCatalog,
  resourcesDir: string,
  importDir: (packDir: string) => Promise<unknown>,
): Promise<void> {
  if ((await catalog.installedPacks()).length > 0) return;
  await importDir(demoPackDir(resourcesDir));
}
