import { chmod, chown, mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPackError } from '../../../main/packs/pack-error.ts';
import { introduceKey, publicEntry } from '../../../main/packs/signing-keys.ts';
import { loadTrustStore, resolveKey } from '../../../main/packs/trust-store.ts';
import { verifyPack } from '../../../main/packs/verify-pack.ts';
import { buildTestPack, newKey, tempDir, trustOnly } from './pack-fixtures.ts';

async function writeStatement(dir: string, name: string, statement: unknown): Promise<string> {
  const file = path.join(dir, `${name}.statement.json`);
  await writeFile(file, JSON.stringify(statement));
  return file;
}

describe('key rotation', () => {
  it('accepts a pack signed by a new key that a trusted key introduced in the pack', async () => {
    const root = newKey('centre-2025');
    const next = newKey('centre-2026');
    const statement = await writeStatement(await tempDir(), 'centre-2026', introduceKey(root, publicEntry(next)));
    const pack = await buildTestPack({ key: next, statementFiles: [statement] });
    const verified = await verifyPack(pack.dir, { trust: trustOnly(root) });
    expect(verified.key.keyId).toBe('centre-2026');
    expect(verified.key.origin).toContain('introduced by centre-2025');
  });

  it('follows a chain of introductions', async () => {
    const [a, b, c] = [newKey('key-a'), newKey('key-b'), newKey('key-c')];
    const dir = await tempDir();
    const statements = [
      await writeStatement(dir, 'b', introduceKey(a, publicEntry(b))),
      await writeStatement(dir, 'c', introduceKey(b, publicEntry(c))),
    ];
    const pack = await buildTestPack({ key: c, statementFiles: statements });
    await expect(verifyPack(pack.dir, { trust: trustOnly(a) })).resolves.toBeTruthy();
  });

  it('takes statements from the data folder but never a key set', async () => {
    const root = newKey('centre-2025');
    const next = newKey('centre-2026');
    const planted = newKey('planted-key');
    const dataKeys = path.join(await tempDir(), 'keys');
    await mkdir(dataKeys);
    await writeStatement(dataKeys, 'rotation', introduceKey(root, publicEntry(next)));
    await writeFile(
      path.join(dataKeys, 'planted.keys.json'),
      JSON.stringify({ format: 1, keys: [publicEntry(planted)] }),
    );
    await writeFile(path.join(dataKeys, 'broken.statement.json'), '{ not json');
    const rootKeysFile = path.join(dataKeys, '..', 'root-keys.json');
    await writeFile(rootKeysFile, JSON.stringify({ format: 1, keys: [publicEntry(root)] }));
    const trust = await loadTrustStore({ rootKeysFile, dataKeysDir: dataKeys });
    expect(trust.problems).toHaveLength(2);
    expect(trust.problems.join('\n')).toContain('planted.keys.json');
    expect(resolveKey(trust, 'centre-2026').channels).toEqual(['*']);
    expect(() => resolveKey(trust, 'planted-key')).toThrow(/planted-key/);
  });

  describe('key sets in the system folder', () => {
    async function systemFolder(): Promise<{ rootKeysFile: string; systemKeysDir: string; file: string }> {
      const work = await tempDir();
      const rootKeysFile = path.join(work, 'root-keys.json');
      await writeFile(rootKeysFile, JSON.stringify({ format: 1, keys: [publicEntry(newKey('centre-2025'))] }));
      const systemKeysDir = path.join(work, 'etc-keys');
      await mkdir(systemKeysDir, { mode: 0o755 });
      await chmod(systemKeysDir, 0o755);
      const file = path.join(systemKeysDir, 'venue.keys.json');
      await writeFile(file, JSON.stringify({ format: 1, keys: [publicEntry(newKey('venue-key', ['venue']))] }));
      await chmod(file, 0o644);
      return { rootKeysFile, systemKeysDir, file };
    }

    it.runIf(process.getuid?.() === 0)('are trusted while root alone can write them', async () => {
      const folder = await systemFolder();
      const trust = await loadTrustStore(folder);
      expect(trust.problems).toEqual([]);
      expect(resolveKey(trust, 'venue-key').channels).toEqual(['venue']);
    });

    it.each([
      [
        'the folder is writable by others',
        ({ systemKeysDir }: { systemKeysDir: string }) => chmod(systemKeysDir, 0o777),
      ],
      ['the file is writable by its group', ({ file }: { file: string }) => chmod(file, 0o664)],
      [
        'the file belongs to another user',
        async ({ file }: { file: string }) => {
          if (process.getuid?.() === 0) await chown(file, 1000, 1000);
        },
      ],
      [
        'the file is a link',
        async ({ file }: { file: string }) => {
          await rename(file, `${file}.real`);
          await symlink(`${file}.real`, file);
        },
      ],
    ])('are ignored when %s', async (_, loosen) => {
      const folder = await systemFolder();
      await loosen(folder);
      const trust = await loadTrustStore(folder);
      expect(trust.problems).toHaveLength(1);
      expect(() => resolveKey(trust, 'venue-key')).toThrow(/venue-key/);
    });
  });

  it('refuses an introduction signed by a key the kiosk does not trust', async () => {
    const stranger = newKey('stranger');
    const next = newKey('centre-2026');
    const statement = await writeStatement(await tempDir(), 'x', introduceKey(stranger, publicEntry(next)));
    const pack = await buildTestPack({ key: next, statementFiles: [statement] });
    const error = await verifyPack(pack.dir, { trust: trustOnly(newKey('centre-2025')) }).catch((e: unknown) => e);
    expect(isPackError(error, 'unknown-key')).toBe(true);
  });

  it('refuses a tampered introduction', async () => {
    const root = newKey('centre-2025');
    const next = newKey('centre-2026');
    const statement = introduceKey(root, publicEntry(next));
    statement.statement = statement.statement.replace('"centre-2026"', '"centre-2027"');
    const file = await writeStatement(await tempDir(), 'x', statement);
    const pack = await buildTestPack({ key: { ...next, keyId: 'centre-2027' }, statementFiles: [file] });
    const error = await verifyPack(pack.dir, { trust: trustOnly(root) }).catch((e: unknown) => e);
    expect(isPackError(error, 'bad-key-statement')).toBe(true);
  });

  it('refuses an introduction granting channels its signer lacks', async () => {
    const root = newKey('health-root', ['health']);
    const next = newKey('health-2026', ['*']);
    const file = await writeStatement(await tempDir(), 'x', introduceKey(root, publicEntry(next)));
    const pack = await buildTestPack({ key: next, statementFiles: [file] });
    const error = await verifyPack(pack.dir, { trust: trustOnly(root) }).catch((e: unknown) => e);
    expect(isPackError(error, 'bad-key-statement')).toBe(true);
  });
});
