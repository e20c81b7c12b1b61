import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish } from './publish-cli.ts';
import { KeyStatementFile, PrivateKeyFile, RevocationStatement } from '../../../main/packs/signing-keys.ts';
import { buildTestPack, tempDir } from '../../main/packs/pack-fixtures.ts';

describe('publish keys revoke', () => {
  it('writes a revocation that makes verify refuse packs signed by the revoked key', async () => {
    const dir = await tempDir('keys-revoke-');
    const kioskKeys = path.join(dir, 'kiosk-keys');
    await mkdir(kioskKeys);
    expect((await publish('keys', 'new', '--out', dir, '--id', 'centre-root')).code).toBe(0);
    expect((await publish('keys', 'new', '--out', dir, '--id', 'centre-2026')).code).toBe(0);
    const introduction = path.join(kioskKeys, 'centre-2026.statement.json');
    const introduced = await publish(
      'keys',
      'introduce',
      '--key',
      path.join(dir, 'centre-root.private.json'),
      '--new',
      path.join(dir, 'centre-2026.keys.json'),
      '--out',
      introduction,
    );
    expect(introduced.code).toBe(0);
    const leaked = PrivateKeyFile.parse(JSON.parse(await readFile(path.join(dir, 'centre-2026.private.json'), 'utf8')));
    const pack = await buildTestPack({ key: leaked, statementFiles: [introduction] });
    const verifyArgs = ['verify', pack.dir, '--keys', path.join(dir, 'centre-root.keys.json'), '--keys-dir', kioskKeys];
    expect((await publish(...verifyArgs)).code).toBe(0);

    const out = path.join(kioskKeys, 'revoke-centre-2026.statement.json');
    const revoked = await publish(
      'keys',
      'revoke',
      '--key',
      path.join(dir, 'centre-root.private.json'),
      '--revoke',
      'centre-2026',
      '--at',
      '2026-11-20T09:00:00Z',
      '--out',
      out,
    );
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.stdout).toContain('centre-root revokes centre-2026 as of 2026-11-20T09:00:00.000Z');
    const file = KeyStatementFile.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(RevocationStatement.parse(JSON.parse(file.statement))).toMatchObject({
      signedBy: 'centre-root',
      keyId: 'centre-2026',
      revokedAt: '2026-11-20T09:00:00.000Z',
    });

    const refused = await publish(...verifyArgs);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Refused (key-revoked)');
  });

  it('explains a key id that is not one', async () => {
    const dir = await tempDir('keys-revoke-');
    await publish('keys', 'new', '--out', dir, '--id', 'centre-root');
    const result = await publish(
      'keys',
      'revoke',
      '--key',
      path.join(dir, 'centre-root.private.json'),
      '--revoke',
      'Not A Key',
      '--out',
      path.join(dir, 'x.statement.json'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--revoke must be a key id');
  });
});
