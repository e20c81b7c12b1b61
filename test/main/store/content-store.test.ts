/** The content store on real files: copying while hashing, refusing bad bytes, what it holds, garbage collection. */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contentPath } from '../../../main/store/content-paths.ts';
import { ContentStore, incomingDir } from '../../../main/store/content-store.ts';
import { copyIntoStore, progressSlot, progressSlots, type CopyJob } from '../../../main/store/store-writer.ts';

let work: string;
let source: string;
let dataDir: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'store-'));
  source = path.join(work, 'pack');
  dataDir = path.join(work, 'data');
  await mkdir(path.join(source, 'files'), { recursive: true });
  await writeFile(path.join(source, 'manifest.json'), '{}');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function sourceFile(bytes: Buffer, name?: string): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFile(path.join(source, 'files', name ?? sha256), bytes);
  return { sha256: name ?? sha256, size: bytes.length };
}

function job(files: { sha256: string; size: number }[], extra: Partial<CopyJob> = {}): CopyJob {
  return {
    filesDir: path.join(source, 'files'),
    sourceMarker: path.join(source, 'manifest.json'),
    dataDir,
    files,
    progress: new SharedArrayBuffer(progressSlots * 8),
    cancel: new SharedArrayBuffer(4),
    ...extra,
  };
}

describe('copyIntoStore', () => {
  test('copies each file under its hash, counting every byte read once', async () => {
    const files = [
      await sourceFile(randomBytes(20 << 20)),
      await sourceFile(randomBytes(10)),
      await sourceFile(Buffer.alloc(0)),
    ];
    const progress = new SharedArrayBuffer(progressSlots * 8);
    const outcome = copyIntoStore(job(files, { progress }));
    const total = (20 << 20) + 10;
    expect(outcome).toEqual({
      ok: true,
      filesCopied: 3,
      bytesCopied: total,
      bytesRead: total,
      filesAdopted: 0,
      bytesAdopted: 0,
    });
    expect(new Float64Array(progress)[progressSlot.filesDone]).toBe(3);
    for (const file of files) {
      const stored = await readFile(contentPath(dataDir, file.sha256));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(file.sha256);
    }
    expect(await readdir(incomingDir(dataDir))).toEqual([]);
  });

  test('bytes that do not match their hash never get a final name', async () => {
    const good = await sourceFile(randomBytes(1000));
    const liar = await sourceFile(randomBytes(1000), 'a'.repeat(64));
    const outcome = copyIntoStore(job([good, liar]));
    expect(outcome).toMatchObject({ ok: false, code: 'hash-mismatch', filesCopied: 1 });
    const store = new ContentStore(dataDir);
    expect(await store.has(good.sha256)).toBe(true);
    expect(await store.has(liar.sha256)).toBe(false);
    expect(await readdir(incomingDir(dataDir))).toEqual([]);
  });

  test('a large file with bytes that do not match its hash is refused after one read of it', async () => {
    const liar = await sourceFile(randomBytes(12 << 20), 'e'.repeat(64));
    expect(copyIntoStore(job([liar]))).toMatchObject({ ok: false, code: 'hash-mismatch', bytesRead: 12 << 20 });
    expect(await readdir(incomingDir(dataDir))).toEqual([]);
    expect(await new ContentStore(dataDir).list()).toEqual([]);
  });

  test('a file of another size than listed is refused before its bytes are copied', async () => {
    const file = await sourceFile(randomBytes(1000));
    expect(copyIntoStore(job([{ ...file, size: 999 }]))).toMatchObject({
      ok: false,
      code: 'size-mismatch',
      bytesRead: 0,
    });
  });

  test('a missing file, and a vanished source, are told apart', async () => {
    const ghost = { sha256: 'b'.repeat(64), size: 1 };
    expect(copyIntoStore(job([ghost]))).toMatchObject({ ok: false, code: 'missing-file' });
    await rm(path.join(source, 'manifest.json'));
    expect(copyIntoStore(job([ghost]))).toMatchObject({ ok: false, code: 'source-removed' });
  });

  test('a cancel stops the copy and keeps the files finished before', async () => {
    const files = [await sourceFile(randomBytes(1000)), await sourceFile(randomBytes(1000))];
    const cancel = new SharedArrayBuffer(4);
    Atomics.store(new Int32Array(cancel), 0, 1);
    expect(copyIntoStore(job(files, { cancel }))).toMatchObject({ ok: false, code: 'cancelled', filesCopied: 0 });
  });

  test('a rate cap slows the copy to about that rate', async () => {
    const file = await sourceFile(randomBytes(2 << 20));
    const started = performance.now();
    expect(copyIntoStore(job([file], { bytesPerSecond: 8 << 20 })).ok).toBe(true);
    expect(performance.now() - started).toBeGreaterThan(150);
  });
});

describe('ContentStore', () => {
  test('knows what it holds, at which size, and collects what nothing references', async () => {
    const files = [
      await sourceFile(randomBytes(100)),
      await sourceFile(randomBytes(200)),
      await sourceFile(randomBytes(300)),
    ];
    copyIntoStore(job(files));
    const store = new ContentStore(dataDir);
    const absent = { sha256: 'c'.repeat(64), size: 5 };
    expect(await store.missing([...files, absent])).toEqual([absent]);
    expect(await store.missing([{ ...files[1]!, size: 201 }])).toEqual([{ ...files[1]!, size: 201 }]);
    expect((await store.list()).sort()).toEqual(files.map((file) => file.sha256).sort());
    expect(await store.collectGarbage(new Set([files[0]!.sha256]))).toEqual({ filesRemoved: 2, bytesFreed: 500 });
    expect(await store.list()).toEqual([files[0]!.sha256]);
    expect((await store.space()).freeBytes).toBeGreaterThan(0);
  });

  test('neither lists, serves as held, nor collects files behind a shard folder that is a link', async () => {
    const outside = path.join(work, 'outside');
    await mkdir(outside);
    const bytes = randomBytes(64);
    const hash = createHash('sha256').update(bytes).digest('hex');
    await writeFile(path.join(outside, hash), bytes);
    await mkdir(path.dirname(path.dirname(contentPath(dataDir, hash))), { recursive: true });
    await symlink(outside, path.dirname(contentPath(dataDir, hash)));
    const store = new ContentStore(dataDir);
    expect(await store.has(hash)).toBe(false);
    expect(await store.missing([{ sha256: hash, size: 64 }])).toEqual([{ sha256: hash, size: 64 }]);
    expect(await store.list()).toEqual([]);
    expect(await store.collectGarbage(new Set())).toEqual({ filesRemoved: 0, bytesFreed: 0 });
    expect(await readFile(path.join(outside, hash))).toEqual(bytes);
  });

  test('copying replaces a shard folder that is a link with a real one instead of writing through it', async () => {
    const outside = path.join(work, 'outside');
    await mkdir(outside);
    const file = await sourceFile(randomBytes(64));
    await mkdir(path.dirname(path.dirname(contentPath(dataDir, file.sha256))), { recursive: true });
    await symlink(outside, path.dirname(contentPath(dataDir, file.sha256)));
    copyIntoStore(job([file]));
    expect(await readdir(outside)).toEqual([]);
    expect(await new ContentStore(dataDir).has(file.sha256, file.size)).toBe(true);
  });

  test('leftovers of a killed import: a complete one is adopted by its hash, the rest recopied or deleted', async () => {
    const [complete, garbled, short] = [
      await sourceFile(randomBytes(3000)),
      await sourceFile(randomBytes(2000)),
      await sourceFile(randomBytes(1000)),
    ] as const;
    const incoming = incomingDir(dataDir);
    const part = (hash: string) => path.join(incoming, `${hash}.part`);
    await mkdir(path.join(incoming, 'stray-folder'), { recursive: true });
    await writeFile(part(complete.sha256), await readFile(path.join(source, 'files', complete.sha256)));
    // What a power cut can leave: the right size, other bytes.
    await writeFile(part(garbled.sha256), Buffer.alloc(garbled.size));
    await writeFile(part(short.sha256), randomBytes(400));
    await writeFile(part('f'.repeat(64)), randomBytes(500));
    const store = new ContentStore(dataDir);
    expect(await store.leftoverBytes()).toBe(
      3000 + 2000 + 400 + 500 + (await lstat(path.join(incoming, 'stray-folder'))).size,
    );

    await store.pruneIncoming([complete, garbled, short]);
    expect((await readdir(incoming)).sort()).toEqual([`${complete.sha256}.part`, `${garbled.sha256}.part`].sort());
    const progress = new SharedArrayBuffer(progressSlots * 8);
    expect(copyIntoStore(job([complete, garbled, short], { progress }))).toEqual({
      ok: true,
      filesCopied: 2,
      bytesCopied: 3000,
      bytesRead: 3000,
      filesAdopted: 1,
      bytesAdopted: 3000,
    });
    expect(new Float64Array(progress)[progressSlot.bytesDone]).toBe(6000);
    for (const file of [complete, garbled, short]) {
      const stored = await readFile(contentPath(dataDir, file.sha256));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(file.sha256);
    }
    expect(await readdir(incoming)).toEqual([]);
  });

  test('an incoming folder planted as a link, or as a file, is replaced by a real folder, never written through', async () => {
    const outside = path.join(work, 'outside');
    await mkdir(outside);
    const file = await sourceFile(randomBytes(5000));
    // Written through the link, the temp file would overwrite what its own planted link points at.
    const victim = path.join(outside, 'victim');
    await writeFile(victim, 'not the store’s');
    await symlink(victim, path.join(outside, `${file.sha256}.part`));
    await mkdir(path.dirname(incomingDir(dataDir)), { recursive: true });
    await symlink(outside, incomingDir(dataDir));
    const store = new ContentStore(dataDir);
    expect(await store.leftoverBytes()).toBe(0);
    expect(copyIntoStore(job([file]))).toMatchObject({ ok: true, filesCopied: 1 });
    expect(await readFile(victim, 'utf8')).toBe('not the store’s');
    expect((await readdir(outside)).sort()).toEqual([`${file.sha256}.part`, 'victim'].sort());
    expect((await lstat(incomingDir(dataDir))).isDirectory()).toBe(true);
    expect(await store.has(file.sha256, file.size)).toBe(true);

    await rm(incomingDir(dataDir), { recursive: true });
    await symlink(outside, incomingDir(dataDir));
    await store.pruneIncoming([file]);
    expect((await readdir(outside)).sort()).toEqual([`${file.sha256}.part`, 'victim'].sort());
    expect((await lstat(incomingDir(dataDir))).isDirectory()).toBe(true);

    await rm(incomingDir(dataDir), { recursive: true });
    await writeFile(incomingDir(dataDir), 'a file in its place');
    const other = await sourceFile(randomBytes(100));
    expect(copyIntoStore(job([other]))).toMatchObject({ ok: true, filesCopied: 1 });
    expect(await store.has(other.sha256, other.size)).toBe(true);
  });

  test('a leftover planted as a link to the right bytes is neither adopted nor written through', async () => {
    const outside = path.join(work, 'outside');
    await mkdir(outside);
    const file = await sourceFile(randomBytes(4000));
    const bait = path.join(outside, 'bait');
    await writeFile(bait, await readFile(path.join(source, 'files', file.sha256)));
    await mkdir(incomingDir(dataDir), { recursive: true });
    await symlink(bait, path.join(incomingDir(dataDir), `${file.sha256}.part`));
    expect(copyIntoStore(job([file]))).toMatchObject({ ok: true, filesCopied: 1, filesAdopted: 0 });
    expect((await lstat(contentPath(dataDir, file.sha256))).isFile()).toBe(true);
    expect(await readdir(outside)).toEqual(['bait']);
    expect(
      createHash('sha256')
        .update(await readFile(bait))
        .digest('hex'),
    ).toBe(file.sha256);
  });
});
