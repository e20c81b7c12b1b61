import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import afterPack, { electronBinaryPath } from '../../build/after-pack.ts';

let appOutDir: string;

/** A stand-in for the Electron binary: filler bytes around a V1 fuse wire, every fuse as Electron ships it. */
function fakeElectronBinary(): Buffer {
  const shipped = [
    FuseState.ENABLE, // RunAsNode
    FuseState.DISABLE, // EnableCookieEncryption
    FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
    FuseState.ENABLE, // EnableNodeCliInspectArguments
    FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
    FuseState.DISABLE, // OnlyLoadAppFromAsar
    FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
    FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
  ];
  return Buffer.concat([
    Buffer.alloc(4096, 0x90),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, shipped.length, ...shipped]),
    Buffer.alloc(4096, 0x90),
  ]);
}

beforeAll(async () => {
  appOutDir = await mkdtemp(path.join(os.tmpdir(), 'after-pack-'));
});
afterAll(async () => {
  await rm(appOutDir, { recursive: true, force: true });
});

describe('afterPack fuses', () => {
  it('burns the kiosk fuses into the packaged Linux binary', async () => {
    const binary = path.join(appOutDir, 'reading-room');
    const before = fakeElectronBinary();
    await writeFile(binary, before);
    await afterPack({
      appOutDir,
      electronPlatformName: 'linux',
      packager: { executableName: 'reading-room', appInfo: { productFilename: 'Reading Room' } },
    });
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    // Only the wire changed: same length, same bytes around it.
    const after = await readFile(binary);
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, 4096 + SENTINEL.length + 2)).toEqual(before.subarray(0, 4096 + SENTINEL.length + 2));
  });

  it('fails the build loudly when the binary has no fuse wire', async () => {
    const binary = path.join(appOutDir, 'not-electron');
    await writeFile(binary, Buffer.alloc(1024));
    await expect(
      afterPack({
        appOutDir,
        electronPlatformName: 'linux',
        packager: { executableName: 'not-electron', appInfo: { productFilename: 'x' } },
      }),
    ).rejects.toThrow(/sentinel/);
  });

  it.each([
    ['linux', 'reading-room'],
    ['win32', 'Reading Room.exe'],
    ['darwin', 'Reading Room.app'],
    ['mas', 'Reading Room.app'],
  ])('finds the %s binary', (platform, name) => {
    expect(
      electronBinaryPath({
        appOutDir: '/dist/unpacked',
        electronPlatformName: platform,
        packager: { executableName: 'reading-room', appInfo: { productFilename: 'Reading Room' } },
      }),
    ).toBe(path.join('/dist/unpacked', name));
  });
});
