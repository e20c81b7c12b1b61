/**
 * Runs one import in its own process, so a test can kill it with SIGKILL at any moment. Prints each
 * phase as it starts, one per line, so the test can aim its kill at a phase.
 * Usage: node import-child.ts <dataDir> <packDir> <keySetFile> [<import options as JSON>]
 */
import path from 'node:path';
import { startCatalog } from '../../../main/catalog/catalog-client.ts';
import { importPack, type ImportOptions } from '../../../main/packs/import/import-pack.ts';
import { loadTrustStore } from '../../../main/packs/trust-store.ts';

const [dataDir, packDir, keySetFile, extra] = process.argv.slice(2) as [string, string, string, string?];
const options = JSON.parse(extra ?? '{}') as Pick<ImportOptions, 'bytesPerSecond' | 'copyBatch'>;
const catalogPath = path.join(dataDir, 'catalog.sqlite');
const catalog = startCatalog(catalogPath);
const trust = await loadTrustStore({ rootKeysFile: keySetFile });
let phase = '';
await importPack(packDir, {
  dataDir,
  catalogPath,
  catalog: catalog.api,
  trust,
  ...options,
  onProgress: (progress) => {
    if (progress.phase !== phase) process.stdout.write(`${(phase = progress.phase)}\n`);
  },
});
await catalog.close();
