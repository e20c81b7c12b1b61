/**
 * Removing an installed pack, as atomic as an import: one catalog transaction takes the pack and its
 * items off the shelves (and records that garbage is owed), then the files nothing uses any more are
 * deleted. A kill between the two leaves the files for the next change to collect.
 */
import { ContentStore } from '../../store/content-store.ts';
import type { ImportCatalog } from './import-pack.ts';
import { withImportWorkers } from './import-pack.ts';
import { importErrorOf } from './import-error.ts';

export interface RemovePackOptions {
  dataDir: string;
  catalogPath: string;
  catalog: Pick<ImportCatalog, 'referencedHashes'>;
}

export interface RemoveResult {
  /** False when no pack of that id was installed: nothing changed. */
  removed: boolean;
  filesRemoved: number;
  bytesFreed: number;
}

export function removePack(packId: string, options: RemovePackOptions): Promise<RemoveResult> {
  return withImportWorkers(options.dataDir, 1, async ([worker]) => {
    const answer = await worker!.api.remove({ catalogPath: options.catalogPath, packId });
    if (!answer.ok) throw importErrorOf(answer);
    if (!answer.value) return { removed: false, filesRemoved: 0, bytesFreed: 0 };
    const store = new ContentStore(options.dataDir);
    const garbage = await store.collectGarbage(new Set(await options.catalog.referencedHashes()));
    const collected = await worker!.api.garbageCollected();
    if (!collected.ok) throw importErrorOf(collected);
    return { removed: true, ...garbage };
  });
}
