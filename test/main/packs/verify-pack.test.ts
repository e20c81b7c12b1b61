import { createHash } from 'node:crypto';
import { appendFile, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PackErrorCode } from '../../../main/packs/pack-error.ts';
import { PackError } from '../../../main/packs/pack-error.ts';
import { DEMO_MANIFEST_SHA256 } from '../../../main/demo/demo-manifest.ts';
import { PrivateKeyFile, introduceKey, publicEntry } from '../../../main/packs/signing-keys.ts';
import { demoTrustStore, loadTrustStore } from '../../../main/packs/trust-store.ts';
import { verifyPack, verifyPackContents, type VerifyPackOptions } from '../../../main/packs/verify-pack.ts';
import { buildTestPack, newKey, resign, tempDir, trustOnly, writeSigned } from './pack-fixtures.ts';

async function refusal(promise: Promise<unknown>): Promise<PackError> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(PackError);
  return error as PackError;
}

async function expectRefused(promise: Promise<unknown>, code: PackErrorCode): Promise<PackError> {
  const error = await refusal(promise);
  expect(error.code, error.detail).toBe(code);
  expect(error.detail.length).toBeGreaterThan(0);
  return error;
}

async function firstFile(packDir: string): Promise<string> {
  const [name] = await readdir(path.join(packDir, 'files'));
  return path.join(packDir, 'files', name!);
}

describe('verifyPack', () => {
  it('accepts a pack built by the publisher and lists its files', async () => {
    const pack = await buildTestPack();
    const verified = await verifyPack(pack.dir, { trust: trustOnly(pack.key), installedVersion: () => undefined });
    expect(verified.manifest.id).toBe('test-collection');
    expect(verified.key.keyId).toBe('centre-test');
    expect(verified.files.length).toBe(verified.manifest.files.length);
    expect(verified.files.length).toBeGreaterThan(0);
    await verifyPackContents(pack.dir);
  });

  it('keeps markup in a title as verbatim text', async () => {
    const title = '<script>alert("x")</script> <b>Soil</b> & water';
    const pack = await buildTestPack({ title });
    const { manifest } = await verifyPack(pack.dir, { trust: trustOnly(pack.key) });
    expect(manifest.kind === 'full' && manifest.items[0]!.texts.en!.title).toBe(title);
  });

  it('refuses a manifest with one byte changed', async () => {
    const pack = await buildTestPack();
    const file = path.join(pack.dir, 'manifest.json');
    const bytes = await readFile(file);
    const at = bytes.indexOf('Healthy soil');
    bytes[at] = 'W'.charCodeAt(0);
    await writeFile(file, bytes);
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'bad-signature');
  });

  it('refuses a manifest changed into unreadable bytes as a bad signature', async () => {
    const pack = await buildTestPack();
    const file = path.join(pack.dir, 'manifest.json');
    const bytes = await readFile(file);
    bytes[0] = 0x5b;
    await writeFile(file, bytes);
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'bad-signature');
  });

  it('refuses a pack signed by a key the kiosk does not trust', async () => {
    const pack = await buildTestPack();
    const error = await expectRefused(verifyPack(pack.dir, { trust: trustOnly(newKey('other-key')) }), 'unknown-key');
    expect(error.detail).toMatch(/no trusted key/);
  });

  it('refuses a signature made by another key under the trusted key id', async () => {
    const trusted = newKey('centre-test');
    const pack = await buildTestPack({ key: newKey('centre-test') });
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(trusted) }), 'bad-signature');
  });

  it('refuses a version older than or equal to the installed one', async () => {
    const pack = await buildTestPack({ version: 3 });
    const trust = trustOnly(pack.key);
    await expectRefused(verifyPack(pack.dir, { trust, installedVersion: () => 4 }), 'rollback');
    await expectRefused(verifyPack(pack.dir, { trust, installedVersion: () => 3 }), 'rollback');
    await expect(verifyPack(pack.dir, { trust, installedVersion: () => 2 })).resolves.toBeTruthy();
  });

  it('asks for the installed version of the pack id it verifies', async () => {
    const pack = await buildTestPack({ version: 2 });
    const asked: string[] = [];
    const options: VerifyPackOptions = {
      trust: trustOnly(pack.key),
      installedVersion: async (id) => {
        asked.push(id);
        return 1;
      },
    };
    await verifyPack(pack.dir, options);
    expect(asked).toEqual(['test-collection']);
  });

  it('refuses an expired pack', async () => {
    const pack = await buildTestPack({ now: new Date('2024-01-01T00:00:00Z') });
    await expectRefused(
      verifyPack(pack.dir, { trust: trustOnly(pack.key), now: new Date('2025-06-01T00:00:00Z') }),
      'expired',
    );
    await expect(
      verifyPack(pack.dir, { trust: trustOnly(pack.key), now: new Date('2024-06-01T00:00:00Z') }),
    ).resolves.toBeTruthy();
  });

  it('refuses a manifest that names a file with ../', async () => {
    const pack = await buildTestPack();
    await resign(pack.dir, pack.key, (manifest) => {
      (manifest['files'] as { sha256: string }[])[0]!.sha256 = '../../../etc/passwd';
    });
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'unsafe-path');
  });

  it('refuses a manifest that names a file by an absolute path', async () => {
    const pack = await buildTestPack();
    await resign(pack.dir, pack.key, (manifest) => {
      const items = manifest['items'] as { files: { hash: string }[] }[];
      items[0]!.files[0]!.hash = '/etc/passwd';
    });
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'unsafe-path');
  });

  it('refuses a symlink in files/', async () => {
    const pack = await buildTestPack();
    const file = await firstFile(pack.dir);
    await rm(file);
    await symlink('/etc/passwd', file);
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'unsafe-path');
  });

  it('refuses a symlinked manifest', async () => {
    const pack = await buildTestPack();
    const elsewhere = path.join(await tempDir(), 'manifest.json');
    await writeFile(elsewhere, await readFile(path.join(pack.dir, 'manifest.json')));
    await rm(path.join(pack.dir, 'manifest.json'));
    await symlink(elsewhere, path.join(pack.dir, 'manifest.json'));
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'unsafe-path');
  });

  it('refuses an oddly named extra file in files/ and at the top', async () => {
    const pack = await buildTestPack();
    await writeFile(path.join(pack.dir, 'files', 'notes.txt'), 'hello');
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'unexpected-file');
    await rm(path.join(pack.dir, 'files', 'notes.txt'));
    await writeFile(path.join(pack.dir, 'run-me.sh'), 'echo');
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'unexpected-file');
  });

  it('refuses a well-named file the manifest does not list', async () => {
    const pack = await buildTestPack();
    await writeFile(path.join(pack.dir, 'files', 'f'.repeat(64)), 'smuggled');
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'unexpected-file');
  });

  it('tolerates Finder droppings, which are never read', async () => {
    const pack = await buildTestPack();
    await writeFile(path.join(pack.dir, '.DS_Store'), 'x');
    await writeFile(path.join(pack.dir, 'files', `._${'a'.repeat(64)}`), 'x');
    await expect(verifyPack(pack.dir, { trust: trustOnly(pack.key) })).resolves.toBeTruthy();
  });

  it('refuses a pack with a missing file', async () => {
    const pack = await buildTestPack();
    await rm(await firstFile(pack.dir));
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'missing-file');
  });

  it('refuses a file whose size differs from the manifest', async () => {
    const pack = await buildTestPack();
    await appendFile(await firstFile(pack.dir), 'x');
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'size-mismatch');
  });

  it('finds a file whose content differs at the same size when hashing', async () => {
    const pack = await buildTestPack();
    const file = await firstFile(pack.dir);
    const bytes = await readFile(file);
    bytes[0] = bytes[0]! ^ 0xff;
    await writeFile(file, bytes);
    // The size check alone cannot see it; hashing does.
    await expect(verifyPack(pack.dir, { trust: trustOnly(pack.key) })).resolves.toBeTruthy();
    await expectRefused(verifyPackContents(pack.dir), 'hash-mismatch');
  });

  it('refuses an oversized manifest before reading it', async () => {
    const pack = await buildTestPack();
    await expectRefused(
      verifyPack(pack.dir, { trust: trustOnly(pack.key), maxManifestBytes: 512 }),
      'manifest-too-large',
    );
  });

  it('refuses a signed manifest that breaks the schema', async () => {
    const pack = await buildTestPack();
    await resign(pack.dir, pack.key, (manifest) => {
      manifest['version'] = -1;
      manifest['surprise'] = true;
    });
    const error = await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'malformed-manifest');
    expect(error.detail).toContain('version');
  });

  it('refuses a signed manifest carrying a very long array as malformed, not as a crash', async () => {
    const pack = await buildTestPack();
    await resign(pack.dir, pack.key, (manifest) => {
      manifest['padding'] = new Array(200_000).fill(0);
    });
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'malformed-manifest');
  });

  it.each([
    ['a C1 control', 'Healthy\u0085soil'],
    ['a right-to-left override', 'Healthy \u202elios'],
    ['a bidi isolate', 'Healthy \u2066soil\u2069'],
  ])('refuses a title holding %s', async (_, title) => {
    const pack = await buildTestPack();
    await resign(pack.dir, pack.key, (manifest) => {
      (manifest['items'] as { texts: { en: { title: string } } }[])[0]!.texts.en.title = title;
    });
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'malformed-manifest');
  });

  it('refuses a signed manifest that names the same key twice', async () => {
    const pack = await buildTestPack();
    const text = (await readFile(path.join(pack.dir, 'manifest.json'), 'utf8')).trim();
    await writeSigned(pack.dir, pack.key, Buffer.from(`{"channel":"other",${text.slice(1)}`));
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'malformed-manifest');
  });

  it('accepts colons and escaped quotes inside strings', async () => {
    const title = 'Soil: a "guide" \\: part 1';
    const pack = await buildTestPack({ title });
    const { manifest } = await verifyPack(pack.dir, { trust: trustOnly(pack.key) });
    expect(manifest.kind === 'full' && manifest.items[0]!.texts.en!.title).toBe(title);
  });

  it('refuses a version so high no later version could follow it', async () => {
    const pack = await buildTestPack();
    await resign(pack.dir, pack.key, (manifest) => {
      manifest['version'] = 2 ** 31;
    });
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'malformed-manifest');
  });

  it.each([
    ['trailing junk', (text: string) => `${text}junk`],
    ['a second line', (text: string) => `${text}${text}`],
    ['a repeated key', (text: string) => text.replace('{', '{"keyId":"other-key",')],
    ['a bare signature', (text: string) => `${(JSON.parse(text) as { signature: string }).signature}\n`],
  ])('refuses a signature file with %s', async (_, edit) => {
    const pack = await buildTestPack();
    const file = path.join(pack.dir, 'manifest.sig');
    await writeFile(file, edit(await readFile(file, 'utf8')));
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'bad-signature');
  });

  it('checks the signature before parsing anything of the manifest', async () => {
    const pack = await buildTestPack();
    const bytes = Buffer.alloc(4 * 1024 * 1024, '[],');
    bytes.write('[]]', bytes.length - 3);
    await writeFile(path.join(pack.dir, 'manifest.json'), bytes);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'bad-signature');
      expect(parse.mock.calls.filter(([text]) => text.length > 1024)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses a signed manifest naming another key than the one that signed it', async () => {
    const pack = await buildTestPack();
    await resign(pack.dir, pack.key, (manifest) => {
      manifest['keyId'] = 'someone-else';
    });
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'malformed-manifest');
  });

  it('refuses a pack without its signature', async () => {
    const pack = await buildTestPack();
    await rm(path.join(pack.dir, 'manifest.sig'));
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(pack.key) }), 'missing-signature');
  });

  it('refuses a key signing for a channel it was not given', async () => {
    const key = newKey('agri-key', ['agriculture']);
    const pack = await buildTestPack({ key: newKey('agri-key', ['*']) });
    await expectRefused(
      verifyPack(pack.dir, { trust: trustOnly({ ...pack.key, channels: key.channels }) }),
      'channel-not-allowed',
    );
  });
});

describe('the demo key', () => {
  const rootKeysFile = path.resolve(import.meta.dirname, '../../../resources/keys/root-keys.json');
  const demoKeyFile = path.resolve(import.meta.dirname, '../../../resources/demo-source/demo-key.private.json');
  const demoKey = async () => PrivateKeyFile.parse(JSON.parse(await readFile(demoKeyFile, 'utf8')));
  const manifestDigest = async (dir: string) =>
    createHash('sha256')
      .update(await readFile(path.join(dir, 'manifest.json')))
      .digest('hex');

  it('is trusted by no key set, whatever channels a key file grants it', async () => {
    const key = await demoKey();
    const pack = await buildTestPack({ key, channel: 'demo' });
    await expectRefused(verifyPack(pack.dir, { trust: await loadTrustStore({ rootKeysFile }) }), 'unknown-key');
    const generous = trustOnly({ ...key, channels: ['*'] });
    expect(generous.problems.join('\n')).toMatch(/demo key "demo-2026"/);
    await expectRefused(verifyPack(pack.dir, { trust: generous }), 'unknown-key');
  });

  it('is not trusted through an introduction by a trusted key', async () => {
    const root = newKey('centre-root');
    const dir = await tempDir();
    const statement = path.join(dir, 'demo-2026.statement.json');
    await writeFile(statement, JSON.stringify(introduceKey(root, publicEntry(await demoKey()))));
    const pack = await buildTestPack({ key: await demoKey(), channel: 'demo', statementFiles: [statement] });
    await expectRefused(verifyPack(pack.dir, { trust: trustOnly(root) }), 'unknown-key');
  });

  it('signs, under the demo trust, the one manifest it pins and no other', async () => {
    const pack = await buildTestPack({ key: await demoKey(), channel: 'demo' });
    await expectRefused(verifyPack(pack.dir, { trust: demoTrustStore(DEMO_MANIFEST_SHA256) }), 'unknown-key');
    await expect(verifyPack(pack.dir, { trust: demoTrustStore(await manifestDigest(pack.dir)) })).resolves.toBeTruthy();
    const elsewhere = await buildTestPack({ key: { ...(await demoKey()), channels: ['*'] }, channel: 'main' });
    await expectRefused(
      verifyPack(elsewhere.dir, { trust: demoTrustStore(await manifestDigest(elsewhere.dir)) }),
      'channel-not-allowed',
    );
  });
});
