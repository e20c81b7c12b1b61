/**
 * The electron-updater wiring against a fake `autoUpdater` (Electron cannot run here) and real statements,
 * real keys and a real downloaded file: what is downloaded, what is installed, and what is refused.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../../../main/clock.ts';
import { createAppUpdater, type UpdaterLike } from '../../../../main/host/electron/app-updater.ts';
import type { LogInput } from '../../../../main/log/kiosk-log.ts';
import { signReleaseStatement, type ReleaseStatement } from '../../../../main/updates/release-statement.ts';
import type { AppUpdate } from '../../../../preload/contract/updates.ts';
import { tempDir, trustOnly } from '../../packs/pack-fixtures.ts';
import { installerBytes, installerName, now, releaseKey, sha512, statement } from '../../updates/release-fixtures.ts';

const key = releaseKey();

async function setUp(options: { overrides?: Partial<ReleaseStatement>; downloadedBytes?: Buffer } = {}) {
  const signed = statement(key, options.overrides);
  let release = signReleaseStatement(signed, key);
  const file = path.join(await tempDir('app-update-'), installerName);
  await writeFile(file, options.downloadedBytes ?? installerBytes);
  const calls: string[] = [];
  const entries: LogInput[] = [];
  const reports: (AppUpdate | null)[] = [];
  const conditions = { idleSeconds: 600, importRunning: false };
  const fake = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    isUserWithinRollout: () => false,
    setFeedURL: vi.fn(),
    on: vi.fn(),
    checkForUpdates: vi.fn(async () => ({
      isUpdateAvailable: true,
      updateInfo: {
        version: signed.version,
        files: [{ url: installerName, sha512: sha512(installerBytes), size: installerBytes.length }],
        path: installerName,
        sha512: sha512(installerBytes),
        releaseDate: signed.createdAt,
      },
    })),
    downloadUpdate: vi.fn(async () => {
      calls.push('download');
      return [file];
    }),
    quitAndInstall: vi.fn(() => calls.push('quitAndInstall')),
  };
  const updater = createAppUpdater({
    autoUpdater: fake as unknown as UpdaterLike,
    app: { getVersion: () => '1.4.2' },
    services: {
      feedUrl: () => 'https://centre.example/feed/feed.json',
      idleSeconds: () => 120,
      trust: async () => trustOnly(key),
      kioskId: async () => 'k-3f9a0c1b2d4e5f60',
      importRunning: () => conditions.importRunning,
      log: { write: (entry) => entries.push(entry) },
      closeForInstall: async () => {
        calls.push('close');
      },
      report: (update) => reports.push(update),
    },
    systemIdleSeconds: () => conditions.idleSeconds,
    clock: fixedClock(now),
    fetchRelease: async (folder) => {
      calls.push(`fetch ${folder}`);
      return release;
    },
  });
  const resign = (overrides: Partial<ReleaseStatement>) => {
    release = signReleaseStatement(statement(key, overrides), key);
  };
  return {
    fake,
    updater,
    calls,
    entries,
    reports,
    conditions,
    resign,
    setRelease: (next: typeof release) => (release = next),
  };
}

describe('the app updater', () => {
  it('leaves every decision to the statement', async () => {
    const { fake } = await setUp();
    expect(fake).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false });
    expect(fake.isUserWithinRollout()).toBe(true);
    expect(fake.on).toHaveBeenCalledWith('error', expect.any(Function));
  });

  it('checks the statement before downloading and the file again before installing, after closing the services', async () => {
    const { fake, updater, calls } = await setUp();
    expect(await updater.check()).toEqual({ state: 'downloaded', version: '1.5.0' });
    expect(fake.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://centre.example/feed/app/' });
    expect(await updater.tryInstall()).toEqual({ state: 'installing', version: '1.5.0' });
    expect(calls).toEqual([
      'fetch https://centre.example/feed/app/',
      'download',
      'fetch https://centre.example/feed/app/',
      'close',
      'quitAndInstall',
    ]);
    expect(fake.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('waits for the screen to be left alone and for the import to end, and tells staff what it waits for', async () => {
    const { updater, calls, conditions, reports } = await setUp();
    await updater.check();
    conditions.idleSeconds = 100;
    expect(await updater.tryInstall()).toMatchObject({ state: 'waiting', reason: 'visitor-active' });
    conditions.idleSeconds = 151;
    conditions.importRunning = true;
    expect(await updater.tryInstall()).toMatchObject({ state: 'waiting', reason: 'import-running' });
    conditions.importRunning = false;
    expect(await updater.tryInstall()).toMatchObject({ state: 'installing' });
    expect(calls.filter((call) => call === 'quitAndInstall')).toHaveLength(1);
    expect(reports).toEqual([
      { version: '1.5.0', state: 'downloaded' },
      { version: '1.5.0', state: 'visitor-active' },
      { version: '1.5.0', state: 'import-running' },
      { version: '1.5.0', state: 'installing' },
    ]);
  });

  it('downloads nothing for a tampered statement, and says why in the log', async () => {
    const { updater, calls, entries, setRelease } = await setUp();
    const good = signReleaseStatement(statement(key), key);
    setRelease({ ...good, text: good.text.replace('"rolloutPercent": 100', '"rolloutPercent": 99') });
    expect(await updater.check()).toMatchObject({ state: 'refused', code: 'bad-signature' });
    expect(calls).not.toContain('download');
    expect(entries.at(-1)).toMatchObject({ level: 'error', area: 'updates', code: 'bad-signature' });
  });

  it('installs nothing when the downloaded file is not the signed one', async () => {
    const { updater, calls } = await setUp({ downloadedBytes: Buffer.from('a tampered installer') });
    expect(await updater.check()).toMatchObject({ state: 'refused', code: 'artifact-mismatch' });
    expect(await updater.tryInstall()).toEqual({ state: 'nothing-pending' });
    expect(calls).not.toContain('quitAndInstall');
  });

  it('stops before installing when the centre halts the rollout', async () => {
    const { updater, calls, resign } = await setUp();
    await updater.check();
    resign({ rolloutPercent: 0 });
    expect(await updater.tryInstall()).toMatchObject({ state: 'waiting', reason: 'outside-rollout' });
    expect(calls).not.toContain('close');
  });

  it('does nothing without a feed address', async () => {
    const { updater, fake } = await setUp();
    const none = createAppUpdater({
      autoUpdater: fake as unknown as UpdaterLike,
      app: { getVersion: () => '1.4.2' },
      services: {
        feedUrl: () => '',
        idleSeconds: () => 120,
        trust: async () => trustOnly(key),
        kioskId: async () => 'k-3f9a0c1b2d4e5f60',
        importRunning: () => false,
        log: { write: () => undefined },
        closeForInstall: async () => undefined,
        report: () => undefined,
      },
      systemIdleSeconds: () => 1000,
      clock: fixedClock(now),
    });
    expect(await none.check()).toEqual({ state: 'no-feed' });
    expect(await updater.tryInstall()).toEqual({ state: 'nothing-pending' });
    expect(fake.checkForUpdates).not.toHaveBeenCalled();
  });
});
