/**
 * What a pack on a stick would do if imported: ready, already installed, or refused and why. Reads the
 * manifest and checks signature, key, version and files; copies nothing. Runs in the pack-check worker.
 */
import type { DetectedPack } from '../../preload/contract/sources.ts';
import { importFailure } from '../packs/import/import-error.ts';
import { isPackError } from '../packs/pack-error.ts';
import type { TrustStore } from '../packs/trust-store.ts';
import { verifyPack } from '../packs/verify-pack.ts';

export async function checkPack(
  dir: string,
  source: string,
  trust: TrustStore,
  installed: { id: string; version: number }[],
  now: Date,
): Promise<DetectedPack> {
  try {
    const { manifest } = await verifyPack(dir, {
      trust,
      now,
      installedVersion: (id) => installed.find((pack) => pack.id === id)?.version,
    });
    return {
      source,
      location: dir,
      status: 'ready',
      packId: manifest.id,
      channel: manifest.channel,
      version: manifest.version,
      kind: manifest.kind,
      files: manifest.files.length,
      bytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
    };
  } catch (error) {
    const problem = importFailure(error);
    return {
      source,
      location: dir,
      status: isPackError(error, 'rollback') ? 'installed' : 'refused',
      problem,
    };
  }
}
