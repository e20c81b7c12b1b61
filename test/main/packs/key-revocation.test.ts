import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPackError } from '../../../main/packs/pack-error.ts';
import {
  PrivateKeyFile,
  introduceKey,
  publicEntry,
  revokeKey,
  type KeyStatementFile,
} from '../../../main/packs/signing-keys.ts';
import { DEMO_MANIFEST_SHA256 } from '../../../main/demo/demo-manifest.ts';
import {
  DEMO_CHANNEL,
  demoTrustStore,
  loadTrustStore,
  rememberRevocations,
  resolveKey,
  type StatementSource,
  type TrustStore,
} from '../../../main/packs/trust-store.ts';
import { readPackStatements, verifyPack } from '../../../main/packs/verify-pack.ts';
import { buildTestPack, newKey, tempDir, trustOnly } from './pack-fixtures.ts';

function source(file: KeyStatementFile, origin = 'test'): StatementSource {
  return { file, origin };
}

async function writeStatement(dir: string, name: string, statement: KeyStatementFile): Promise<string> {
  const file = path.join(dir, `${name}.statement.json`);
  await writeFile(file, JSON.stringify(statement));
  return file;
}

function refusal(trust: TrustStore, keyId: string, statements: StatementSource[]): unknown {
  try {
    resolveKey(trust, keyId, statements);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('key revocation', () => {
  const root = newKey('centre-root');
  const leaked = newKey('centre-2026');
  const introduction = source(introduceKey(root, publicEntry(leaked)), 'keys/centre-2026.statement.json');

  it('honours a revocation signed by a root key', () => {
    const error = refusal(trustOnly(root), 'centre-2026', [introduction, source(revokeKey(root, 'centre-2026'))]);
    expect(isPackError(error, 'key-revoked')).toBe(true);
    expect((error as { detail: string }).detail).toContain('revoked by "centre-root"');
  });

  it('honours a revocation signed by the key that introduced the revoked key', () => {
    const child = newKey('venue-2026', ['venue']);
    const statements = [introduction, source(introduceKey(leaked, publicEntry(child)))];
    expect(resolveKey(trustOnly(root), 'venue-2026', statements).keyId).toBe('venue-2026');
    const error = refusal(trustOnly(root), 'venue-2026', [...statements, source(revokeKey(leaked, 'venue-2026'))]);
    expect(isPackError(error, 'key-revoked')).toBe(true);
  });

  it('honours a key revoking itself', () => {
    const error = refusal(trustOnly(root), 'centre-2026', [introduction, source(revokeKey(leaked, 'centre-2026'))]);
    expect(isPackError(error, 'key-revoked')).toBe(true);
  });

  it('ignores a revocation signed by a key the kiosk does not trust', () => {
    const stranger = newKey('stranger');
    const statements = [introduction, source(revokeKey(stranger, 'centre-2026'))];
    expect(resolveKey(trustOnly(root), 'centre-2026', statements).keyId).toBe('centre-2026');
  });

  it('ignores a revocation by a key whose channels do not cover the revoked key', () => {
    const narrowRoot = newKey('health-root', ['health']);
    const statements = [introduction, source(revokeKey(narrowRoot, 'centre-2026'))];
    expect(resolveKey(trustOnly(root, narrowRoot), 'centre-2026', statements).keyId).toBe('centre-2026');
  });

  it('ignores a revocation by a trusted key that is neither root, introducer nor the key itself', () => {
    const sibling = newKey('centre-2027');
    const statements = [
      introduction,
      source(introduceKey(root, publicEntry(sibling))),
      source(revokeKey(sibling, 'centre-2026')),
      source(revokeKey(leaked, 'centre-root')),
    ];
    expect(resolveKey(trustOnly(root), 'centre-2026', statements).keyId).toBe('centre-2026');
    expect(resolveKey(trustOnly(root), 'centre-root', statements).keyId).toBe('centre-root');
  });

  it('ignores a tampered revocation', () => {
    const tampered = revokeKey(root, 'centre-2027');
    tampered.statement = tampered.statement.replace('"centre-2027"', '"centre-2026"');
    expect(resolveKey(trustOnly(root), 'centre-2026', [introduction, source(tampered)]).keyId).toBe('centre-2026');
  });

  it('refuses keys introduced only by a revoked key, but not those a trusted key also introduced', () => {
    const onlyLeaked = newKey('venue-a');
    const both = newKey('venue-b');
    const statements = [
      introduction,
      source(introduceKey(leaked, publicEntry(onlyLeaked))),
      source(introduceKey(leaked, publicEntry(both))),
      source(introduceKey(root, publicEntry(both))),
      source(revokeKey(root, 'centre-2026')),
    ];
    const error = refusal(trustOnly(root), 'venue-a', statements);
    expect(isPackError(error, 'key-revoked')).toBe(true);
    expect((error as { detail: string }).detail).toContain('only through revoked keys (centre-2026)');
    expect(resolveKey(trustOnly(root), 'venue-b', statements).origin).toContain('introduced by centre-root');
  });

  it('refuses a pack signed by a revoked key that carries its own revocation', async () => {
    const dir = await tempDir();
    const statementFiles = [
      await writeStatement(dir, 'centre-2026', introduction.file),
      await writeStatement(dir, 'revoke-centre-2026', revokeKey(leaked, 'centre-2026')),
    ];
    const pack = await buildTestPack({ key: leaked, statementFiles });
    const error = await verifyPack(pack.dir, { trust: trustOnly(root) }).catch((e: unknown) => e);
    expect(isPackError(error, 'key-revoked')).toBe(true);
  });

  it('revokes the committed demo key', async () => {
    const demoKeyFile = path.resolve(import.meta.dirname, '../../../resources/demo-source/demo-key.private.json');
    const demoKey = PrivateKeyFile.parse(JSON.parse(await readFile(demoKeyFile, 'utf8')));
    const trust = demoTrustStore(DEMO_MANIFEST_SHA256);
    expect(resolveKey(trust, demoKey.keyId).channels).toEqual([DEMO_CHANNEL]);
    const error = refusal(trust, demoKey.keyId, [source(revokeKey(demoKey, demoKey.keyId))]);
    expect(isPackError(error, 'key-revoked')).toBe(true);
  });

  it('remembers a revocation in the data folder, so a later pack without it is still refused', async () => {
    const dataKeys = path.join(await tempDir(), 'keys');
    const rootKeysFile = path.join(dataKeys, '..', 'root-keys.json');
    await writeFile(rootKeysFile, JSON.stringify({ format: 1, keys: [publicEntry(root)] }));
    const child = newKey('venue-2026', ['venue']);
    const dir = await tempDir();
    const introductions = [
      await writeStatement(dir, 'centre-2026', introduction.file),
      await writeStatement(dir, 'venue-2026', introduceKey(leaked, publicEntry(child))),
    ];
    const carrier = await buildTestPack({
      key: child,
      channel: 'venue',
      statementFiles: [...introductions, await writeStatement(dir, 'revoke', revokeKey(leaked, 'venue-2026'))],
    });
    const before = await loadTrustStore({ rootKeysFile, dataKeysDir: dataKeys });
    const written = await rememberRevocations(before, await readPackStatements(carrier.dir), dataKeys);
    expect(written.length).toBeGreaterThan(0);
    expect(await rememberRevocations(before, await readPackStatements(carrier.dir), dataKeys)).toEqual([]);

    const later = await buildTestPack({ key: child, channel: 'venue', version: 2, statementFiles: introductions });
    const after = await loadTrustStore({ rootKeysFile, dataKeysDir: dataKeys });
    expect(after.problems).toEqual([]);
    const error = await verifyPack(later.dir, { trust: after }).catch((e: unknown) => e);
    expect(isPackError(error, 'key-revoked')).toBe(true);
    await expect(verifyPack(later.dir, { trust: before })).resolves.toBeTruthy();
  });

  it('remembers nothing from a pack whose revocations do not count', async () => {
    const dataKeys = path.join(await tempDir(), 'keys');
    await mkdir(dataKeys);
    const stranger = newKey('stranger');
    const written = await rememberRevocations(
      trustOnly(root),
      [introduction, source(revokeKey(stranger, 'centre-2026'))],
      dataKeys,
    );
    expect(written).toEqual([]);
    expect(await readdir(dataKeys)).toEqual([]);
  });
});
