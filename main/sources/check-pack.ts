/**
 * What a pack on a stick would do if imported: ready, already installed, or refused and why. Runs the
 * import's own checks before copying (`admitPack`: signature, key, channel, version, files, quizzes, the
 * pack and item ids the catalog holds) and its space check (`spaceNeeded`, `usableRoom`); copies nothing.
 * Runs in the pack-check worker.
 */
import type { DetectedPack } from '../../preload/contract/sources.ts';
import { manifestItems, type DeltaManifest, type FullManifest } from '../packs/manifest.ts';
import { admitPack, type CatalogClaims } from '../packs/import/admit-pack.ts';
import { importFailure } from '../packs/import/import-error.ts';
import { roomRefusal, spaceNeeded, usableRoom } from '../packs/import/import-space.ts';
import { packRecordOf } from '../packs/import/pack-record.ts';
import { isPackError } from '../packs/pack-error.ts';
import type { TrustStore } from '../packs/trust-store.ts';
import type { ContentStore } from '../store/content-store.ts';

export interface PackCheckContext {
  trust: TrustStore;
  claims: CatalogClaims;
  /** The kiosk's store: what a pack's files would take of it, and what is free. */
  store: ContentStore;
  /** The items an installed pack holds, to tell staff what a new version adds, replaces and removes. */
  packItemIds: (packId: string) => readonly string[];
  /** Every file the installed packs reference: never counted as room. */
  referenced: () => readonly string[];
  now: Date;
}

export async function checkPack(dir: string, source: string, context: PackCheckContext): Promise<DetectedPack> {
  try {
    const { manifest } = await admitPack(dir, context);
    // A delta's files from its base are already in the store (or the import refuses it), so the files a
    // pack carries and the store lacks are the bytes the import would copy.
    const missing = await context.store.missing(manifest.files);
    // A full pack's record is exact; a delta's complete record needs its base, which this read-only check
    // does not rebuild, so its own manifest stands in (the import checks the exact figure).
    // Page text is written into the catalog too, as the import counts it.
    const sizes = new Map(manifest.files.map((file) => [file.sha256, file.size]));
    const pageTexts = new Set(
      manifestItems(manifest).flatMap((item) =>
        item.files.filter((file) => file.role === 'page-text').map((file) => file.hash),
      ),
    );
    const recordBytes =
      Buffer.byteLength(JSON.stringify(manifest.kind === 'full' ? packRecordOf(manifest, undefined) : manifest)) +
      [...pageTexts].reduce((sum, hash) => sum + (sizes.get(hash) ?? 0), 0);
    const need = spaceNeeded(missing, recordBytes, (await context.store.space()).blockSize);
    const keep = new Set([...context.referenced(), ...manifest.files.map((file) => file.sha256)]);
    const room = await usableRoom(context.store, keep, need.neededBytes);
    const refusal = roomRefusal(need, room);
    if (refusal) throw refusal;
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
      changes: shelfChanges(manifest, context.packItemIds(manifest.id)),
      freeBytesAfter: room.freeBytes + room.leftoverBytes - need.contentBytes - need.catalogBytes,
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

/** What a pack does to the shelves: a delta says it outright; a full pack is compared with what its id holds now. */
function shelfChanges(
  manifest: FullManifest | DeltaManifest,
  installedIds: readonly string[],
): { added: number; replaced: number; removed: number } {
  if (manifest.kind === 'delta') {
    const { addItems, replaceItems, removeItems } = manifest.changes;
    return { added: addItems.length, replaced: replaceItems.length, removed: removeItems.length };
  }
  const installed = new Set(installedIds);
  const incoming = new Set(manifest.items.map((item) => item.id));
  const replaced = [...incoming].filter((id) => installed.has(id)).length;
  return { added: incoming.size - replaced, replaced, removed: installed.size - replaced };
}
