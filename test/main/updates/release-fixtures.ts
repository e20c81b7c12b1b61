/**
 * Release statements for tests, signed by real Ed25519 keys made here with the publisher's own functions,
 * for an installer whose bytes the test chooses, dated by a fixed instant (never today's date).
 */
import { createHash } from 'node:crypto';
import { generateKey, type KeyChannels, type PrivateKeyFile } from '../../../main/packs/signing-keys.ts';
import { RELEASE_CHANNEL } from '../../../main/packs/trust-store.ts';
import { signReleaseStatement, type ReleaseStatement } from '../../../main/updates/release-statement.ts';
import type { ReleaseDecisionInput } from '../../../main/updates/release-decision.ts';
import { trustOnly } from '../packs/pack-fixtures.ts';

export const now = new Date('2031-03-14T10:00:00Z');

export function releaseKey(keyId = 'centre-releases', channels: KeyChannels = [RELEASE_CHANNEL]): PrivateKeyFile {
  return generateKey(keyId, channels);
}

export const installerBytes = Buffer.from('pretend this is reading-room-kiosk 1.5.0 for amd64\n');
export const installerName = 'reading-room-kiosk_1.5.0_amd64.deb';

export function sha512(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('base64');
}

export function statement(key: PrivateKeyFile, overrides: Partial<ReleaseStatement> = {}): ReleaseStatement {
  return {
    format: 1,
    type: 'app-release',
    version: '1.5.0',
    minimumVersion: '1.0.0',
    rolloutPercent: 100,
    artifacts: [{ name: installerName, sha512: sha512(installerBytes), size: installerBytes.length }],
    createdAt: '2031-03-01T09:00:00.000Z',
    keyId: key.keyId,
    ...overrides,
  };
}

/** A decision input in which everything checks out: a kiosk at 1.4.2, idle, with the installer downloaded. */
export function decisionInput(
  key: PrivateKeyFile,
  overrides: Partial<ReleaseDecisionInput> = {},
  statementOverrides: Partial<ReleaseStatement> = {},
): ReleaseDecisionInput {
  const signed = statement(key, statementOverrides);
  return {
    release: signReleaseStatement(signed, key),
    trust: trustOnly(key),
    runningVersion: '1.4.2',
    kioskId: 'k-3f9a0c1b2d4e5f60',
    offered: {
      version: signed.version,
      files: signed.artifacts.map(({ name, sha512: digest, size }) => ({ name, sha512: digest, size })),
    },
    downloaded: { name: installerName, sha512: sha512(installerBytes), size: installerBytes.length },
    visitorActive: false,
    importRunning: false,
    now,
    ...overrides,
  };
}
