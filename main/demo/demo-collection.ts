/**
 * First start: when the catalog is empty, installs the signed demo pack shipped in `resources/demo-pack/`
 * through the same import pipeline as any USB or network pack. Its key is trusted for the `demo` channel only.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogStore, PackRecord } from '../catalog/catalog-store.ts';
import type { AsyncOf } from '../workers/worker-rpc.ts';
import { MANIFEST_FILE } from '../packs/pack-layout.ts';

export function demoPackDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'demo-pack');
}

export async function installDemoCollection(
  catalog: Pick<AsyncOf<CatalogStore>, 'installedPacks' | 'installPack'>,
  resourcesDir: string,
  importDir: (packDir: string) => Promise<unknown>,
): Promise<void> {
  if ((await catalog.installedPacks()).length > 0) return;
  const packDir = demoPackDir(resourcesDir);
  if (existsSync(path.join(packDir, MANIFEST_FILE))) {
    await importDir(packDir);
    return;
  }
  // Until the signed demo pack is built, the unsigned seed keeps a fresh kiosk from starting empty.
  const text = await readFile(path.join(resourcesDir, 'demo', 'demo-pack.json'), 'utf8');
  await catalog.installPack(JSON.parse(text) as PackRecord);
}
