/**
 * electron-builder `afterPack` hook: burns the kiosk's Electron fuses into the packaged binary,
 * so the shipped app cannot be turned into a Node shell or debugged from the command line, and
 * loads its code only from the (integrity-checked) asar archive.
 */
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * Every fuse @electron/fuses knows is set on purpose. A fuse added by a later Electron keeps its
 * default (the wire check below would otherwise stop every build until this file is updated).
 */
export const kioskFuses = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would make the kiosk binary a general Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone at a shell inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The kiosk never loads file:// pages.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseV1Config;

/** The parts of electron-builder's AfterPackContext this hook reads. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

/** Where electron-builder put the Electron binary (the same rule its own fuse support uses). */
export function electronBinaryPath({ appOutDir, electronPlatformName, packager }: PackedApp): string {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
  }
}

export default async function afterPack(context: PackedApp): Promise<void> {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping fuses breaks macOS's ad-hoc signature; re-sign so an unsigned build still starts.
  await flipFuses(electronBinaryPath(context), { ...kioskFuses, resetAdHocDarwinSignature: isMac });
}
