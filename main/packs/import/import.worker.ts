/**
 * The import's worker thread: everything an import does that costs CPU or waits on disks, so the main
 * thread never does — parsing and verifying the manifest, hashing and copying files, and the catalog
 * transaction (on its own connection to the catalog file; SQLite's WAL lets the catalog worker keep
 * answering searches meanwhile). Failures come back as values with a code, since errors lose theirs
 * crossing threads.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { CatalogWriter, type PageTextSource } from '../../catalog/catalog-writer.ts';
import { contentPath } from '../../store/content-paths.ts';
import { parsePageText } from '../page-text.ts';
import { copyIntoStore, type CopyJob, type CopyOutcome } from '../../store/store-writer.ts';
import { serveInWorker } from '../../workers/worker-rpc.ts';
import type { PackRecord } from '../pack-record-types.ts';
import { rememberRevocations, type TrustStore } from '../trust-store.ts';
import { readPackStatements } from '../verify-pack.ts';
import type { ImportFailure } from '../../../preload/contract/packs.ts';
import { admitPack } from './admit-pack.ts';
import { importFailure } from './import-error.ts';
import { packRecordOf } from './pack-record.ts';

export interface PrepareRequest {
  packDir: string;
  catalogPath: string;
  /** The data folder whose content store the switch reads page-text files from. */
  dataDir: string;
  trust: TrustStore;
  /** The data folder's keys/: revocations the pack carries are remembered there, even if the pack is refused. */
  keysDir: string;
  installed: { id: string; channel: string; version: number }[];
  now: string;
}

/** What the main thread needs to know of a verified pack to check space and start the copy. */
export interface ImportPlan {
  packDir: string;
  packId: string;
  channel: string;
  version: number;
  kind: 'full' | 'delta';
  /** Every file the pack's new state uses, plus those it carries. */
  needed: { sha256: string; size: number }[];
  /** The files the pack folder holds. */
  carried: string[];
  /** Bytes of the pack's complete new record as JSON: what the catalog's share of the space check scales with. */
  recordBytes: number;
  /** A switch or removal committed earlier without its clean-up finishing (see `CatalogWriter.garbageOwed`). */
  garbageOwed: boolean;
}

export type WorkerResult<T> = { ok: true; value: T } | ({ ok: false } & ImportFailure);

export interface ImportWorker {
  prepare(request: PrepareRequest): Promise<WorkerResult<ImportPlan>>;
  copy(job: CopyJob): CopyOutcome;
  /**
   * Switches the catalog to the prepared pack; `now` (ISO, the kiosk's clock) is when its new items arrive.
   * Then checkpoints, so the WAL the switch grew gives its room back.
   */
  install(now: string): WorkerResult<null>;
  /** Records that the store holds nothing the catalog left unused. */
  garbageCollected(): WorkerResult<null>;
  /** Removes an installed pack and its items in one transaction; false when it was not installed. */
  remove(request: { catalogPath: string; packId: string }): WorkerResult<boolean>;
  dispose(): void;
}

let catalog: CatalogWriter | undefined;
let record: PackRecord | undefined;
let storeDir: string | undefined;

/**
 * Page-text files as the switch reads them: from the store, where the copy hashed them. `verifyPack` parsed
 * the ones this pack carries; a delta's kept ones were parsed when their version came. A file that fails now
 * was changed on disk since, and the switch fails rather than index half of it.
 */
function storedPageTexts(dataDir: string): PageTextSource {
  return (hash) => {
    const parsed = parsePageText(readFileSync(contentPath(dataDir, hash)));
    if (!parsed.ok) throw new Error(`page text ${hash} in the store ${parsed.problem}`);
    return parsed.pages;
  };
}

function failed(error: unknown): { ok: false } & ImportFailure {
  return { ok: false, ...importFailure(error) };
}

const worker: ImportWorker = {
  async prepare(request) {
    try {
      // A damaged keys/ folder is left for verifyPack to report; only statements that count are written.
      const carried = await readPackStatements(request.packDir).catch(() => []);
      await rememberRevocations(request.trust, carried, request.keysDir);
      const writer = (catalog ??= new CatalogWriter(request.catalogPath));
      storeDir = request.dataDir;
      const { dir, manifest } = await admitPack(request.packDir, {
        trust: request.trust,
        now: new Date(request.now),
        claims: { installed: request.installed, itemOwners: (ids) => writer.itemOwners(ids) },
      });
      // A WAL an earlier switch left large (killed before its checkpoint) is room this import may need.
      checkpointQuietly(writer);
      record = packRecordOf(manifest, manifest.kind === 'delta' ? writer.packRecord(manifest.id) : undefined);
      const needed = new Map<string, { sha256: string; size: number }>();
      for (const { sha256, size } of [...(record.files ?? []), ...manifest.files]) needed.set(sha256, { sha256, size });
      return {
        ok: true,
        value: {
          packDir: dir,
          packId: manifest.id,
          channel: manifest.channel,
          version: manifest.version,
          kind: manifest.kind,
          needed: [...needed.values()],
          carried: manifest.files.map((file) => file.sha256),
          // Page text is written into the catalog too, as text and as index.
          recordBytes: Buffer.byteLength(JSON.stringify(record)) + pageTextBytes(record, needed),
          garbageOwed: catalog.garbageOwed(),
        },
      };
    } catch (error) {
      return failed(error);
    }
  },
  copy: copyIntoStore,
  install(now) {
    if (!catalog || !record || storeDir === undefined)
      return { ok: false, code: 'catalog-failed', detail: 'install before prepare' };
    try {
      catalog.installPack(record, now, storedPageTexts(storeDir));
    } catch (error) {
      return { ok: false, code: 'catalog-failed', detail: error instanceof Error ? error.message : String(error) };
    }
    checkpointQuietly(catalog);
    return { ok: true, value: null };
  },
  garbageCollected() {
    if (!catalog) return { ok: false, code: 'catalog-failed', detail: 'garbage collected before prepare' };
    try {
      catalog.garbageCollected();
      return { ok: true, value: null };
    } catch (error) {
      return { ok: false, code: 'catalog-failed', detail: error instanceof Error ? error.message : String(error) };
    }
  },
  remove({ catalogPath, packId }) {
    try {
      catalog ??= new CatalogWriter(catalogPath);
      const removed = catalog.removePack(packId);
      checkpointQuietly(catalog);
      return { ok: true, value: removed };
    } catch (error) {
      return { ok: false, code: 'catalog-failed', detail: error instanceof Error ? error.message : String(error) };
    }
  },
  dispose() {
    catalog?.close();
    catalog = undefined;
  },
};

/** The bytes of the page-text files the record's items use. */
function pageTextBytes(pack: PackRecord, files: ReadonlyMap<string, { size: number }>): number {
  const hashes = new Set(
    pack.items.flatMap((item) =>
      (item.files ?? []).filter((file) => file.role === 'page-text').map((file) => file.hash),
    ),
  );
  return [...hashes].reduce((sum, hash) => sum + (files.get(hash)?.size ?? 0), 0);
}

/**
 * A checkpoint only gives room back; one that fails (a reader held a snapshot past the busy timeout, the
 * disk is too full to grow the catalog file) leaves the WAL for the next import's, and fails nothing.
 */
function checkpointQuietly(writer: CatalogWriter): void {
  try {
    writer.checkpoint();
  } catch {
    // See above.
  }
}

/**
 * An import yields the CPU to the visitor's screen: on Linux a thread's own id can be given a lower
 * priority (`/proc/thread-self` names it), so the copy takes what the kiosk leaves idle. Ten steps below
 * the kiosk's own, whatever that is, so a kiosk already started at a lower priority still comes first.
 */
function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(path.basename(readlinkSync('/proc/thread-self')));
    os.setPriority(threadId, Math.min(19, os.getPriority() + 10));
  } catch {
    // Without /proc or the right to renice, the import runs at normal priority.
  }
}

lowerThisThreadsPriority();
serveInWorker(worker, parentPort!);
