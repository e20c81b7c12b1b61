/**
 * Brings one pack form from the update site into a staging folder shaped like a pack on a stick, so the same
 * import takes it: the manifest, its signature and key statements (each checked against the sizes and hashes the
 * signed feed gives), and every file the manifest lists — linked from the content store when the kiosk holds it
 * already, downloaded otherwise, two at a time. A staging folder left by an interrupted run is taken up again:
 * finished files are kept (and re-hashed), parts are resumed.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FILES_DIR, KEYS_DIR, MANIFEST_FILE, SIGNATURE_FILE, packFilePath } from '../packs/pack-layout.ts';
import { parseManifest } from '../packs/verify-pack.ts';
import { boundedGet } from './bounded-get.ts';
import { downloadFile, type DownloadOptions } from './download-file.ts';
import { FEED_FILES_DIR, FEED_PACKS_DIR, type FeedForm } from './feed.ts';
import { FeedError } from './feed-error.ts';

export interface StageOptions {
  /** The site's base address: the folder the feed lies in, ending in `/`. */
  siteUrl: string;
  form: FeedForm;
  /** `<data>/updates/staging`. */
  stagingRoot: string;
  /** The path of a file the content store holds, or undefined. */
  stored: (sha256: string) => Promise<string | undefined>;
  download?: DownloadOptions;
  /** Downloads at once (2 unless set). */
  parallel?: number;
  /** Told, once the manifest is in, how many bytes of files are to be fetched. */
  onPlanned?: (bytes: number) => void;
}

export interface Staged {
  dir: string;
  /** Bytes fetched over the network this time. */
  fetchedBytes: number;
  /** Files the store held, linked instead of fetched. */
  filesLinked: number;
  filesFetched: number;
}

export async function stagePack(options: StageOptions): Promise<Staged> {
  const { form } = options;
  const dir = path.join(options.stagingRoot, form.manifest);
  const formUrl = (name: string) => new URL(`${FEED_PACKS_DIR}/${form.manifest}/${name}`, options.siteUrl).href;
  await mkdir(path.join(dir, FILES_DIR), { recursive: true });
  let fetchedBytes = 0;
  const small = async (name: string, size: number, sha256?: string) => {
    const target = path.join(dir, name);
    const kept = await readFile(target).catch(() => undefined);
    if (kept && kept.length === size && (sha256 === undefined || digest(kept) === sha256)) return kept;
    const { body } = await boundedGet(formUrl(name), { maxBytes: size });
    if (body.length !== size)
      throw new FeedError('size-mismatch', `${formUrl(name)} is ${body.length} bytes, the feed says ${size}`);
    if (sha256 !== undefined && digest(body) !== sha256)
      throw new FeedError('hash-mismatch', `${formUrl(name)} is not the file the feed names`);
    fetchedBytes += body.length;
    await writeFile(target, body);
    return body;
  };
  const manifestBytes = await small(MANIFEST_FILE, form.manifestSize, form.manifest);
  await small(SIGNATURE_FILE, form.signatureSize);
  if (form.statements.length > 0) await mkdir(path.join(dir, KEYS_DIR), { recursive: true });
  for (const statement of form.statements)
    await small(path.join(KEYS_DIR, statement.name), statement.size, statement.sha256);

  // The feed is signed and names the manifest's hash, so these bytes are the publisher's; the import checks the
  // manifest's own signature again, as for a stick.
  const manifest = parseManifest(manifestBytes);
  let filesLinked = 0;
  const toFetch: { sha256: string; size: number }[] = [];
  for (const file of manifest.files) {
    const held = await options.stored(file.sha256);
    if (held && (await linkOrCopy(held, packFilePath(dir, file.sha256)))) filesLinked++;
    else toFetch.push({ sha256: file.sha256, size: file.size });
  }
  options.onPlanned?.(toFetch.reduce((sum, file) => sum + file.size, 0));
  let next = 0;
  let filesFetched = 0;
  const worker = async () => {
    while (next < toFetch.length) {
      const file = toFetch[next++]!;
      const done = await downloadFile(
        {
          url: new URL(`${FEED_FILES_DIR}/${file.sha256}`, options.siteUrl).href,
          target: packFilePath(dir, file.sha256),
          sha256: file.sha256,
          size: file.size,
        },
        options.download,
      );
      fetchedBytes += done.fetchedBytes;
      filesFetched++;
    }
  };
  // Each runner stops at its first failure; the others finish the file they are on, so no part is left torn.
  const runs = await Promise.allSettled(
    Array.from({ length: Math.min(options.parallel ?? 2, toFetch.length) }, worker),
  );
  const failed = runs.find((run) => run.status === 'rejected');
  if (failed) throw failed.reason;
  return { dir, fetchedBytes, filesLinked, filesFetched };
}

/** A hard link (same disk, no copy), or a copy where links are refused; false when the stored file went away. */
async function linkOrCopy(from: string, to: string): Promise<boolean> {
  // What an interrupted run left under this name may be a torn copy: it is replaced, never trusted.
  await rm(to, { force: true });
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    await copyFile(from, to);
    return true;
  }
}

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
