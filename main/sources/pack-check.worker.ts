/**
 * The pack-check worker: verifying a manifest parses and walks up to 16 MB of JSON, which must not
 * stall the main process while it serves the kiosk's page.
 */
import { parentPort } from 'node:worker_threads';
import type { DetectedPack } from '../../preload/contract/sources.ts';
import type { TrustStore } from '../packs/trust-store.ts';
import { serveInWorker } from '../workers/worker-rpc.ts';
import { checkPack } from './check-pack.ts';

export interface PackChecker {
  checkPacks(
    folders: { dir: string; source: string }[],
    trust: TrustStore,
    installed: { id: string; version: number }[],
    now: string,
  ): Promise<DetectedPack[]>;
}

const checker: PackChecker = {
  async checkPacks(folders, trust, installed, now) {
    const packs: DetectedPack[] = [];
    for (const { dir, source } of folders) packs.push(await checkPack(dir, source, trust, installed, new Date(now)));
    return packs;
  },
};

serveInWorker(checker, parentPort!);
