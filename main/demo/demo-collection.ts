/** Installs the demo collection shipped in `resources/demo/` when the kiosk starts with an empty catalog. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AsyncOf } from '../workers/worker-rpc.ts';
import type { CatalogStore, PackRecord } from '../catalog/catalog-store.ts';

export async function installDemoCollection(catalog: AsyncOf<CatalogStore>, resourcesDir: string): Promise<void> {
  if ((await catalog.installedPacks()).length > 0) return;
  const text = await readFile(path.join(resourcesDir, 'demo', 'demo-pack.json'), 'utf8');
  await catalog.installPack(JSON.parse(text) as PackRecord);
}
