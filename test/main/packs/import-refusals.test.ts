/**
 * Every kind of bad pack goes through the whole pipeline and is refused with its own code, leaving the
 * catalog and the store exactly as they were. The packs are real, signed, then damaged the way they
 * could be in the wild.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportFailureCode } from '../../../preload/contract/packs.ts';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { PrivateKeyFile, manifestSignatureText, publicEntry } from '../../../main/packs/signing-keys.ts';
import { trustStoreFrom } from '../../../main/packs/trust-store.ts';
import { incomingDir } from '../../../main/store/content-store.ts';
import { newSince } from '../catalog/catalog-fixtures.ts';
import { openKiosk, snapshot, storedFiles, type Kiosk } from './import-helpers.ts';
import {
  deltaManifest,
  fullManifest,
  itemFor,
  randomFile,
  testKey,
  writeTestPack,
  type FixtureFile,
} from './import-fixtures.ts';

const { key, trust } = testKey('centre', ['science']);
const other = testKey('stranger', ['science']);
const now = () => new Date('2026-11-21T12:00:00Z');
let work: string;
let kiosk: Kiosk;
let packs = 0;
const installed = [randomFile(5000), randomFile(6000)];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-refusals-'));
  kiosk = openKiosk(path.join(work, 'data'), trust);
  const v1 = await writeTestPack(path.join(work, 'v1'), key, fullManifest(key, { files: installed }), installed);
  await importPack(v1, kiosk.options({ now }));
});
afterAll(async () => {
  await kiosk.catalog.close();
  await rm(work, { recursive: true, force: true });
});

/** A fresh v2 pack folder, signed by `signer`, for a test to damage. */
async function v2(files: FixtureFile[] = [randomFile(4000)], signer = key, spec = {}): Promise<string> {
  return writeTestPack(
    path.join(work, `pack-${++packs}`),
    signer,
    fullManifest(signer, { version: 2, files, ...spec }),
    files,
  );
}

/** Replaces the manifest with `text`, signed by `signer` as a publisher would sign it. */
async function resign(pack: string, text: string, signer: PrivateKeyFile = key): Promise<void> {
  await writeFile(path.join(pack, 'manifest.json'), text);
  await writeFile(path.join(pack, 'manifest.sig'), manifestSignatureText(Buffer.from(text), signer));
}

/**
 * Refused with `code`; the catalog unchanged; the store lost nothing and holds only whole files under
 * final names (files verified before the bad one are kept for a later attempt), nothing half-copied.
 */
async function expectRefused(pack: string, code: ImportFailureCode): Promise<void> {
  const before = await snapshot(kiosk);
  const storedBefore = await storedFiles(kiosk.dataDir);
  await expect(importPack(pack, kiosk.options({ now }))).rejects.toMatchObject({ code });
  expect(await snapshot(kiosk)).toEqual(before);
  const storedAfter = await storedFiles(kiosk.dataDir);
  for (const hash of storedBefore.keys()) expect(storedAfter.has(hash)).toBe(true);
  expect([...storedAfter.values()].every(Boolean)).toBe(true);
  expect(await readdir(incomingDir(kiosk.dataDir)).catch(() => [])).toEqual([]);
}

describe('a pack the kiosk must refuse', () => {
  test('signature that does not match the manifest', async () => {
    const pack = await v2();
    await writeFile(path.join(pack, 'manifest.sig'), manifestSignatureText(Buffer.from('something else'), key));
    await expectRefused(pack, 'bad-signature');
  });

  test('manifest changed after signing', async () => {
    const pack = await v2();
    const text = await readFile(path.join(pack, 'manifest.json'), 'utf8');
    await writeFile(path.join(pack, 'manifest.json'), text.replace('"version": 2', '"version": 9'));
    await expectRefused(pack, 'bad-signature');
  });

  test('signed by a key the kiosk does not know', async () => {
    await expectRefused(await v2(undefined, other.key), 'unknown-key');
  });

  test('signed by a trusted key for another channel', async () => {
    const files = [randomFile(100)];
    await expectRefused(await v2(files, key, { channel: 'art', id: 'art' }), 'channel-not-allowed');
  });

  test('a pack id installed from one channel cannot be replaced from another', async () => {
    const wide = testKey('wide', ['science', 'art']);
    const kioskTrust = trustStoreFrom([
      { set: { format: 1, keys: [publicEntry(key), publicEntry(wide.key)] }, origin: 'test' },
    ]);
    const files = [randomFile(100)];
    const pack = await writeTestPack(
      path.join(work, `pack-${++packs}`),
      wide.key,
      fullManifest(wide.key, { id: 'science', channel: 'art', version: 7, files }),
      files,
    );
    const before = await snapshot(kiosk);
    await expect(importPack(pack, { ...kiosk.options({ now }), trust: kioskTrust })).rejects.toMatchObject({
      code: 'channel-not-allowed',
    });
    expect(await snapshot(kiosk)).toEqual(before);
  });

  test('an older or the same version (rollback)', async () => {
    const files = [randomFile(100)];
    const same = await writeTestPack(
      path.join(work, `pack-${++packs}`),
      key,
      fullManifest(key, { version: 1, files }),
      files,
    );
    await expectRefused(same, 'rollback');
  });

  test('expired', async () => {
    await expectRefused(
      await v2(undefined, key, { createdAt: '2025-01-01T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }),
      'expired',
    );
  });

  test('a file whose bytes differ from its hash (same size)', async () => {
    const files = [randomFile(300_000), randomFile(2000)];
    const pack = await v2(files);
    await writeFile(path.join(pack, 'files', files[1]!.sha256), randomBytes(2000));
    await expectRefused(pack, 'hash-mismatch');
  });

  test('a file of the wrong size', async () => {
    const files = [randomFile(2000)];
    const pack = await v2(files);
    await appendFile(path.join(pack, 'files', files[0]!.sha256), 'x');
    await expectRefused(pack, 'size-mismatch');
  });

  test('a listed file missing from the pack', async () => {
    const files = [randomFile(2000), randomFile(10)];
    const pack = await v2(files);
    await rm(path.join(pack, 'files', files[1]!.sha256));
    await expectRefused(pack, 'missing-file');
  });

  test('a file that is a link to somewhere else', async () => {
    const files = [randomFile(2000)];
    const pack = await v2(files);
    const target = path.join(work, `outside-${packs}`);
    await writeFile(target, randomBytes(2000));
    await rm(path.join(pack, 'files', files[0]!.sha256));
    await symlink(target, path.join(pack, 'files', files[0]!.sha256));
    await expectRefused(pack, 'unsafe-path');
  });

  test('a manifest that is a link', async () => {
    const pack = await v2();
    const moved = path.join(work, `manifest-${packs}.json`);
    await writeFile(moved, await readFile(path.join(pack, 'manifest.json')));
    await rm(path.join(pack, 'manifest.json'));
    await symlink(moved, path.join(pack, 'manifest.json'));
    await expectRefused(pack, 'unsafe-path');
  });

  test('a signed manifest naming a file outside the pack', async () => {
    const pack = await v2();
    const manifest = JSON.parse(await readFile(path.join(pack, 'manifest.json'), 'utf8')) as {
      files: { sha256: string }[];
    };
    manifest.files[0]!.sha256 = '../../../../etc/passwd';
    await resign(pack, JSON.stringify(manifest));
    await expectRefused(pack, 'unsafe-path');
  });

  test('a manifest far larger than any real pack', async () => {
    const pack = await v2();
    await resign(pack, JSON.stringify({ padding: 'x'.repeat(17 * 1024 * 1024) }));
    await expectRefused(pack, 'manifest-too-large');
  });

  test('signed metadata that breaks the schema', async () => {
    const pack = await v2();
    const manifest = JSON.parse(await readFile(path.join(pack, 'manifest.json'), 'utf8')) as {
      items: { kind: string }[];
    };
    manifest.items[0]!.kind = 'executable';
    await resign(pack, JSON.stringify(manifest));
    await expectRefused(pack, 'malformed-manifest');
  });

  test('a signed manifest that is not JSON', async () => {
    const pack = await v2();
    await resign(pack, '{"keyId": "centre", "items": [');
    await expectRefused(pack, 'malformed-manifest');
  });

  test('a stray file in the pack folder', async () => {
    const pack = await v2();
    await writeFile(path.join(pack, 'files', 'autorun.inf'), '[autorun]');
    await expectRefused(pack, 'unexpected-file');
  });

  test('an update for a version the kiosk does not have', async () => {
    const files = [randomFile(100)];
    const delta = deltaManifest(key, { baseVersion: 3, version: 4, files, addItems: [itemFor('late', files)] });
    await expectRefused(await writeTestPack(path.join(work, `pack-${++packs}`), key, delta, files), 'wrong-base');
  });

  test('an update using a file neither it nor the kiosk has', async () => {
    const ghost = randomFile(100);
    const delta = deltaManifest(key, { baseVersion: 1, version: 2, files: [], addItems: [itemFor('ghost', [ghost])] });
    await expectRefused(await writeTestPack(path.join(work, `pack-${++packs}`), key, delta, []), 'missing-file');
  });
});

test('markup in titles is stored as the text it is, not interpreted', async () => {
  const files = [randomFile(100)];
  const title = '<img src=x onerror="alert(1)"><script>alert(2)</script> & <b>Solar</b>';
  const manifest = fullManifest(key, { version: 3, files, items: [itemFor('markup', files, title)] });
  await importPack(
    await writeTestPack(path.join(work, `pack-${++packs}`), key, manifest, files),
    kiosk.options({ now }),
  );
  const detail = await kiosk.catalog.api.item({ locale: 'en', newSince, id: 'markup' });
  expect(detail?.title).toBe(title);
});
