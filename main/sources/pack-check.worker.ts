/**
 * The pack-check worker: verifying a manifest parses and walks up to 16 MB of JSON, which must not
 * stall the main process while it serves the kiosk's page. It reads the catalog on its own read-only
 * connection, for the item ids a pack may not take.
 */
import { parentPort } from 'node:worker_threads';
import type { DetectedPack } from '../../preload/contract/sources.ts';
import { CatalogReader } from '../catalog/catalog-reader.ts';
import type { TrustStore } from '../packs/trust-store.ts';
import { ContentStore } from '../store/content-store.ts';
import { serveInWorker } from '../workers/worker-rpc.ts';
import { checkPack } from './check-pack.ts';

export interface PackCheckRequest {
  folders: { dir: string; source: string }[];
  trust: TrustStore;
  installed: { id: string; channel: string; version: number }[];
  catalogPath: string;
  dataDir: string;
  now: string;
}

export interface PackChecker {
  checkPacks(request: PackCheckRequest): Promise<DetectedPack[]>;
}

const checker: PackChecker = {
  async checkPacks(request) {
    const catalog = new CatalogReader(request.catalogPath);
    try {
      const context = {
        trust: request.trust,
        claims: { installed: request.installed, itemOwners: (ids: readonly string[]) => catalog.itemOwners(ids) },
        store: new ContentStore(request.dataDir),
        referenced: () => catalog.referencedHashes(),
        packItemIds: (packId: string) => catalog.packItemIds(packId),
        now: new Date(request.now),
      };
      const packs: DetectedPack[] = [];
      for (const { dir, source } of request.folders) packs.push(await checkPack(dir, source, context));
      return packs;
    } finally {
      catalog.close();
    }
  },
};

serveInWorker(checker, parentPort!);
