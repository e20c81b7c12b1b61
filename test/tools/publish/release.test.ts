/** `publish release`: the real CLI writes a statement a kiosk accepts and an updater feed that agrees with it. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { appRoot } from '../../../main/app-paths.ts';
import { KeySetFile } from '../../../main/packs/signing-keys.ts';
import { trustStoreFrom } from '../../../main/packs/trust-store.ts';
import { decideRelease } from '../../../main/updates/release-decision.ts';
import { artifactFacts } from '../../../main/updates/release-artifact.ts';
import { tempDir } from '../../main/packs/pack-fixtures.ts';
import { publish } from './publish-cli.ts';

test('a release a kiosk at an older version downloads and installs; keys that may not sign the app are refused', async () => {
  const dir = await tempDir('release-cli-');
  expect((await publish('keys', 'new', '--out', dir, '--id', 'centre-app', '--channels', 'app')).code).toBe(0);
  expect((await publish('keys', 'new', '--out', dir, '--id', 'centre-health', '--channels', 'health')).code).toBe(0);
  const deb = path.join(dir, 'reading-room-kiosk_1.5.0_amd64.deb');
  const appImage = path.join(dir, 'reading-room-kiosk-1.5.0.AppImage');
  await writeFile(deb, 'a deb');
  await writeFile(appImage, 'an AppImage');
  const site = path.join(dir, 'site', 'app');
  const common = ['--version', '1.5.0', '--artifact', deb, '--artifact', appImage, '--min-version', '1.2.0'];
  const written = await publish(
    'release',
    ...common,
    '--rollout',
    '25',
    '--key',
    path.join(dir, 'centre-app.private.json'),
    '--out',
    site,
  );
  expect(written.stderr).toBe('');
  expect(written.stdout).toContain('app 1.5.0 for 25% of kiosks');

  const text = await readFile(path.join(site, 'release.json'), 'utf8');
  const signature = await readFile(path.join(site, 'release.sig'), 'utf8');
  const feed = parse(await readFile(path.join(site, 'latest-linux.yml'), 'utf8')) as {
    version: string;
    files: { url: string; sha512: string; size: number }[];
  };
  expect(feed.version).toBe('1.5.0');
  const keys = KeySetFile.parse(JSON.parse(await readFile(path.join(dir, 'centre-app.keys.json'), 'utf8')));
  const decision = decideRelease({
    release: { text, signature },
    trust: trustStoreFrom([{ set: keys, origin: 'test' }]),
    runningVersion: '1.1.0',
    kioskId: 'k-0011223344556677',
    offered: { version: feed.version, files: feed.files.map(({ url, sha512, size }) => ({ name: url, sha512, size })) },
    downloaded: await artifactFacts(path.join(site, path.basename(deb))),
    visitorActive: false,
    importRunning: false,
    now: new Date('2031-03-14T10:00:00Z'),
  });
  expect(decision.action).toBe('install');

  for (const key of [
    path.join(dir, 'centre-health.private.json'),
    path.join(appRoot, 'resources', 'demo-source', 'demo-key.private.json'),
  ]) {
    const refused = await publish('release', ...common, '--rollout', '25', '--key', key, '--out', site);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/app releases need a key|never the app/);
  }
  const badRollout = await publish('release', ...common, '--rollout', '150', '--key', deb, '--out', site);
  expect(badRollout.code).toBe(2);
});
