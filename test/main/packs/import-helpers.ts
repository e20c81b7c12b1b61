/**
 * Shared by the import tests: a real catalog in a temp data folder (alone, or behind the packs capability),
 * snapshots to compare states by, and
 * small real filesystems (ext4 images on loop devices) for the tests that need a disk to fill.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventHub } from '../../../main/api/event-hub.ts';
import { resourcesDir } from '../../../main/app-paths.ts';
import { startCatalogCapability, type CatalogCapability } from '../../../main/catalog/catalog-capability.ts';
import { fixedClock } from '../../../main/clock.ts';
import { openKioskLog, type KioskLog } from '../../../main/log/kiosk-log.ts';
import { createPacksCapability, type PacksCapability } from '../../../main/packs/packs-capability.ts';
import { startCatalog, type Catalog } from '../../../main/catalog/catalog-client.ts';
import { CatalogWriter } from '../../../main/catalog/catalog-writer.ts';
import type { PackRecord } from '../../../main/packs/pack-record-types.ts';
import { contentRoot } from '../../../main/store/content-paths.ts';
import type { ImportOptions } from '../../../main/packs/import/import-pack.ts';
import type { TrustStore } from '../../../main/packs/trust-store.ts';

export interface Kiosk {
  dataDir: string;
  catalogPath: string;
  catalog: Catalog;
  options(extra?: Partial<ImportOptions>): ImportOptions;
  /** A pack's installed state, read as the import worker reads a delta's base (the catalog worker only serves visitors). */
  packRecord(id: string): PackRecord | undefined;
}

export function openKiosk(dataDir: string, trust: TrustStore): Kiosk {
  mkdirSync(dataDir, { recursive: true });
  const catalogPath = path.join(dataDir, 'catalog.sqlite');
  const catalog = startCatalog(catalogPath);
  return {
    dataDir,
    catalogPath,
    catalog,
    options: (extra = {}) => ({ dataDir, catalogPath, catalog: catalog.api, trust, ...extra }),
    packRecord: (id) => {
      const writer = new CatalogWriter(catalogPath);
      try {
        return writer.packRecord(id);
      } finally {
        writer.close();
      }
    },
  };
}

/** What the catalog holds: its packs, their complete records and the files they reference. */
export async function snapshot(kiosk: Kiosk): Promise<unknown> {
  const packs = await kiosk.catalog.api.installedPacks();
  return {
    packs: packs.map(({ id, channel, version }) => ({ id, channel, version })),
    records: packs.map((pack) => kiosk.packRecord(pack.id)),
    referenced: await kiosk.catalog.api.referencedHashes(),
  };
}

/** Every file under a final name in the store, with whether its bytes hash to its name. */
export async function storedFiles(dataDir: string): Promise<Map<string, boolean>> {
  const root = contentRoot(dataDir);
  const found = new Map<string, boolean>();
  for (const shard of await readdir(root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of await readdir(path.join(root, shard))) {
      const digest = createHash('sha256')
        .update(await readFile(path.join(root, shard, name)))
        .digest('hex');
      found.set(name, digest === name);
    }
  }
  return found;
}

/**
 * Makes an ext4 image of `megabytes` at `image` and mounts it at `dir` on a loop device, with no blocks
 * reserved for root (the tests run as root, and statfs's free space should be what the filesystem has).
 * Returns why it could not, for `test.skipIf`, or undefined once mounted.
 */
export function mountExt4(image: string, dir: string, megabytes: number): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('truncate', ['-s', `${megabytes}M`, image]);
    execFileSync('mkfs.ext4', ['-q', '-m', '0', image]);
    execFileSync('mount', ['-o', 'loop', image, dir]);
    return undefined;
  } catch (error) {
    return `mounting an ext4 image failed: ${String(error).slice(0, 200)}`;
  }
}

/** Unmounts what `mountExt4` mounted and detaches its loop devices; for afterAll, so it never throws. */
export function unmountExt4(image: string, dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // Busy or never mounted: a lazy unmount lets go once the last file is closed.
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    } catch {
      // Not mounted.
    }
  }
  try {
    const attached = execFileSync('losetup', ['-j', image]).toString();
    for (const device of attached.matchAll(/^(\/dev\/loop\d+):/gm)) {
      execFileSync('losetup', ['-d', device[1]!], { stdio: 'ignore' });
    }
  } catch {
    // No loop device left, or losetup missing.
  }
}

export interface PacksKiosk {
  work: string;
  dataDir: string;
  catalog: CatalogCapability;
  packs: PacksCapability;
  log: KioskLog;
  /** Closes the catalog and deletes the temp folder. */
  close(): Promise<void>;
}

/** The packs capability over a real catalog in a new temp folder, with the demo collection and no system keys. */
export async function openPacksKiosk(prefix: string): Promise<PacksKiosk> {
  const work = await mkdtemp(path.join(os.tmpdir(), prefix));
  const dataDir = path.join(work, 'data');
  await mkdir(dataDir);
  const clock = fixedClock(new Date('2027-03-01T09:00:00Z'));
  const events = new EventHub();
  const log = openKioskLog({ dir: path.join(dataDir, 'logs'), clock });
  const catalog = startCatalogCapability({ dataDir, clock, events });
  const packs = createPacksCapability({
    dataDir,
    resourcesDir,
    demoCollection: true,
    catalog,
    clock,
    events,
    log,
    systemKeysDir: path.join(work, 'none'),
  });
  return {
    work,
    dataDir,
    catalog,
    packs,
    log,
    close: async () => {
      await catalog.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
