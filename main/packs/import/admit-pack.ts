/**
 * Everything decided about a pack before a byte is copied, shared by the import (`prepare` in
 * import.worker.ts) and the staff list (`checkPack`), so that a pack listed as ready is one the import
 * accepts: `verifyPack`, then the claims the catalog holds — a pack id belongs to the channel that installed
 * it, an item id to the pack that holds it. A pack folder that goes away meanwhile is a removed stick.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { manifestItems, type PackManifest } from '../manifest.ts';
import { PackError } from '../pack-error.ts';
import type { TrustStore } from '../trust-store.ts';
import { verifyPack, type VerifiedPack } from '../verify-pack.ts';
import { ImportError, importFailure } from './import-error.ts';

/** What the catalog already holds that a new pack must not take. */
export interface CatalogClaims {
  installed: readonly { id: string; channel: string; version: number }[];
  /** Which installed pack holds each of `ids`, for the ids some pack holds. */
  itemOwners(ids: readonly string[]): ReadonlyMap<string, string>;
}

export interface AdmitOptions {
  trust: TrustStore;
  /** The kiosk's clock, for expiry. */
  now: Date;
  claims: CatalogClaims;
}

export async function admitPack(dir: string, options: AdmitOptions): Promise<VerifiedPack> {
  const packDir = path.resolve(dir);
  const before = await folderIdentity(packDir);
  try {
    const verified = await verifyPack(packDir, {
      trust: options.trust,
      now: options.now,
      installedVersion: (id) => options.claims.installed.find((pack) => pack.id === id)?.version,
    });
    checkClaims(verified.manifest, options.claims);
    return verified;
  } catch (error) {
    // A stick pulled mid-check makes reads fail as missing files; the folder being gone says what happened.
    if (before !== undefined && (await folderIdentity(packDir)) !== before) {
      throw new ImportError(
        'source-removed',
        `${packDir} went away while it was checked (${importFailure(error).detail})`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

function checkClaims(manifest: PackManifest, claims: CatalogClaims): void {
  const current = claims.installed.find((pack) => pack.id === manifest.id);
  if (current && current.channel !== manifest.channel) {
    // A key for one channel must not replace a pack another channel published under the same id.
    throw new PackError(
      'channel-not-allowed',
      `pack "${manifest.id}" is installed from channel "${current.channel}", this one is from "${manifest.channel}"`,
    );
  }
  // Only the items this pack writes can clash: a delta's other items are its own already.
  const owners = claims.itemOwners(manifestItems(manifest).map((item) => item.id));
  for (const [itemId, ownerPackId] of owners) {
    if (ownerPackId === manifest.id) continue;
    throw new PackError(
      'item-id-taken',
      `pack "${manifest.id}" has item "${itemId}", which pack "${ownerPackId}" holds`,
      {
        clash: { itemId, ownerPackId },
      },
    );
  }
}

/** Device and inode: a folder that was unmounted is gone, and one mounted again is another folder. */
async function folderIdentity(dir: string): Promise<string | undefined> {
  return lstat(dir).then(
    (stats) => `${stats.dev}:${stats.ino}`,
    () => undefined,
  );
}
