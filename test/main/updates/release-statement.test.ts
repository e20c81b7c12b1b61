import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../../main/app-paths.ts';
import {
  introduceKey,
  manifestSignatureText,
  PrivateKeyFile,
  publicEntry,
  revokeKey,
} from '../../../main/packs/signing-keys.ts';
import { demoTrustStore, trustStoreFrom, type TrustStore } from '../../../main/packs/trust-store.ts';
import { ReleaseError, type ReleaseErrorCode } from '../../../main/updates/release-error.ts';
import {
  checkArtifact,
  compareVersions,
  releaseStatementText,
  signReleaseStatement,
  verifyReleaseStatement,
  type ReleaseStatement,
} from '../../../main/updates/release-statement.ts';
import { trustOnly } from '../packs/pack-fixtures.ts';
import { installerBytes, installerName, now, releaseKey, sha512, statement } from './release-fixtures.ts';

function refusal(run: () => unknown): ReleaseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReleaseError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function verify(
  signed: { text: string; signature: string },
  trust: TrustStore,
  runningVersion = '1.4.2',
): ReleaseStatement {
  return verifyReleaseStatement(signed.text, signed.signature, { trust, runningVersion, now });
}

/** Signs any text, even one the publisher would not write, to show what the kiosk refuses despite a good signature. */
function signedText(text: string, key: PrivateKeyFile): string {
  return manifestSignatureText(Buffer.from(text, 'utf8'), key);
}

function expectRefused(run: () => unknown, code: ReleaseErrorCode): ReleaseError {
  const error = refusal(run);
  expect(error.code).toBe(code);
  expect(error.staffMessage.length).toBeGreaterThan(20);
  return error;
}

describe('release statements', () => {
  it('accepts a statement signed by a key for app releases, for a newer version', () => {
    const key = releaseKey();
    const verified = verify(signReleaseStatement(statement(key), key), trustOnly(key));
    expect(verified.version).toBe('1.5.0');
    expect(verified.artifacts[0]!.name).toBe(installerName);
  });

  it('accepts a root key trusted for every channel', () => {
    const root = releaseKey('centre-root', ['*']);
    expect(verify(signReleaseStatement(statement(root), root), trustOnly(root)).keyId).toBe('centre-root');
  });

  it('refuses a statement changed after signing', () => {
    const key = releaseKey();
    const signed = signReleaseStatement(statement(key), key);
    const tampered = signed.text.replace('"rolloutPercent": 100', '"rolloutPercent": 10');
    expect(tampered).not.toBe(signed.text);
    expectRefused(() => verify({ ...signed, text: tampered }, trustOnly(key)), 'bad-signature');
  });

  it('refuses a swapped installer digest even with the rest intact', () => {
    const key = releaseKey();
    const signed = signReleaseStatement(statement(key), key);
    const other = sha512(Buffer.from('a different installer'));
    const tampered = signed.text.replace(sha512(installerBytes), other);
    expectRefused(() => verify({ ...signed, text: tampered }, trustOnly(key)), 'bad-signature');
  });

  it('refuses a signature file in any other form', () => {
    const key = releaseKey();
    const signed = signReleaseStatement(statement(key), key);
    for (const signature of [signed.signature.trim(), ` ${signed.signature}`, signed.signature + '\n', '']) {
      expectRefused(() => verify({ ...signed, signature }, trustOnly(key)), 'bad-signature');
    }
  });

  it('refuses a correctly signed text that is not in the exact form the publisher writes', () => {
    const key = releaseKey();
    const compact = JSON.stringify(statement(key)) + '\n';
    const signed = signReleaseStatement(statement(key), key);
    const resigned = { text: compact, signature: signedText(compact, key) };
    expect(resigned.text).not.toBe(signed.text);
    expectRefused(() => verify(resigned, trustOnly(key)), 'malformed-release');
  });

  it('refuses a statement naming another key than the one that signed it', () => {
    const key = releaseKey();
    const other = releaseKey('centre-other');
    const text = releaseStatementText(statement(other));
    expectRefused(() => verify({ text, signature: signedText(text, key) }, trustOnly(key, other)), 'bad-signature');
  });

  it('refuses an unknown key, and a key that may sign content but not the app', () => {
    const key = releaseKey();
    expectRefused(
      () => verify(signReleaseStatement(statement(key), key), trustOnly(releaseKey('someone'))),
      'unknown-key',
    );
    const content = releaseKey('centre-content', ['health', 'agriculture']);
    const error = expectRefused(
      () => verify(signReleaseStatement(statement(content), content), trustOnly(content)),
      'key-not-for-releases',
    );
    expect(error.detail).toContain('health, agriculture');
  });

  it('refuses a revoked key, and accepts one introduced by a trusted key until it is revoked', () => {
    const root = releaseKey('centre-root', ['*']);
    const next = releaseKey('centre-2032');
    const signed = signReleaseStatement(statement(next), next);
    const introduction = { file: introduceKey(root, publicEntry(next), now), origin: 'test' };
    const introduced = trustStoreFrom(
      [{ set: { format: 1, keys: [publicEntry(root)] }, origin: 'test keys' }],
      [introduction],
    );
    expect(verify(signed, introduced).keyId).toBe('centre-2032');
    const revocation = { file: revokeKey(root, 'centre-2032', now, now), origin: 'test' };
    const revoked = trustStoreFrom(
      [{ set: { format: 1, keys: [publicEntry(root)] }, origin: 'test keys' }],
      [introduction, revocation],
    );
    expectRefused(() => verify(signed, revoked), 'key-revoked');
  });

  it('never trusts the demo key, not even where the demo collection trusts it', async () => {
    const demo = PrivateKeyFile.parse(
      JSON.parse(await readFile(path.join(appRoot, 'resources', 'demo-source', 'demo-key.private.json'), 'utf8')),
    );
    const signed = signReleaseStatement(statement(demo), demo);
    expectRefused(() => verify(signed, trustOnly(demo)), 'unknown-key');
    expectRefused(() => verify(signed, demoTrustStore(sha512(Buffer.from(signed.text)))), 'unknown-key');
  });

  it('refuses a lower or the same version: no downgrades, no reinstalls', () => {
    const key = releaseKey();
    const signed = signReleaseStatement(statement(key), key);
    expectRefused(() => verify(signed, trustOnly(key), '1.5.0'), 'not-newer');
    expectRefused(() => verify(signed, trustOnly(key), '1.10.0'), 'not-newer');
    expectRefused(() => verify(signed, trustOnly(key), '2.0.0'), 'not-newer');
    expect(verify(signed, trustOnly(key), '1.5.0-dev').version).toBe('1.5.0');
  });

  it('refuses an expired statement, and takes one without an expiry at any date', () => {
    const key = releaseKey();
    const expiring = statement(key, { expiresAt: '2031-03-14T09:59:59.000Z' });
    expectRefused(() => verify(signReleaseStatement(expiring, key), trustOnly(key)), 'expired');
    const lasting = signReleaseStatement(statement(key), key);
    const years = new Date('2040-01-01T00:00:00Z');
    expect(
      verifyReleaseStatement(lasting.text, lasting.signature, {
        trust: trustOnly(key),
        runningVersion: '1.4.2',
        now: years,
      }),
    ).toBeTruthy();
  });

  it('refuses malformed statements before a publisher can sign them', () => {
    const key = releaseKey();
    const bad: Partial<ReleaseStatement>[] = [
      { version: '1.5' },
      { version: '1.5.0-beta.1' },
      { minimumVersion: '1.6.0' },
      { rolloutPercent: 101 },
      { rolloutPercent: 12.5 },
      { artifacts: [] },
      { artifacts: [{ name: '../evil.deb', sha512: sha512(installerBytes), size: 1 }] },
      { artifacts: [{ name: installerName, sha512: 'abc', size: 1 }] },
      { expiresAt: '2031-02-01T00:00:00.000Z' },
    ];
    for (const overrides of bad) expect(() => signReleaseStatement(statement(key, overrides), key)).toThrow();
  });

  it('checks a downloaded installer by name, digest and size', () => {
    const key = releaseKey();
    const signed = statement(key);
    const facts = { name: installerName, sha512: sha512(installerBytes), size: installerBytes.length };
    expect(checkArtifact(signed, facts).name).toBe(installerName);
    expectRefused(() => checkArtifact(signed, { ...facts, sha512: sha512(Buffer.from('evil')) }), 'artifact-mismatch');
    expectRefused(() => checkArtifact(signed, { ...facts, size: facts.size + 1 }), 'artifact-mismatch');
    expectRefused(() => checkArtifact(signed, { ...facts, name: 'other.AppImage' }), 'unknown-artifact');
  });

  it('orders versions by their numbers, a tagged build before its release', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.4.2', '1.4.2')).toBe(0);
    expect(compareVersions('1.5.0-dev', '1.5.0')).toBeLessThan(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0);
  });
});
