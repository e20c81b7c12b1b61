/**
 * Writes a signed pack folder: the manifest's exact bytes, their detached signature with its key id, the files under their
 * SHA-256 and any key statements. Used by the publisher; kiosks only read packs.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PackManifest } from './manifest.ts';
import { FILES_DIR, KEYS_DIR, MANIFEST_FILE, SIGNATURE_FILE, packFilePath } from './pack-layout.ts';
import { manifestSignatureText, type KeyStatementFile, type PrivateKeyFile } from './signing-keys.ts';

export interface PackToWrite {
  manifest: PackManifest;
  key: PrivateKeyFile;
  /**
   * Each listed file by SHA-256 (the caller has hashed it): the path to copy it from, or its bytes when the
   * publisher made it (a quiz set compiled from GIFT).
   */
  sources: ReadonlyMap<string, string | Uint8Array>;
  /** Rotation statements to ship, e.g. the centre's root key introducing this signing key. */
  statements?: readonly { name: string; file: KeyStatementFile }[];
}

/** Validates the manifest, signs it and writes the pack into `outDir`, which must be empty or absent. */
export async function writePack(outDir: string, pack: PackToWrite): Promise<Buffer> {
  const manifest = PackManifest.parse(pack.manifest);
  if (manifest.keyId !== pack.key.keyId) {
    throw new Error(`the manifest names key "${manifest.keyId}" but is signed with "${pack.key.keyId}"`);
  }
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length > 0) throw new Error(`${outDir} is not empty; give an empty or new folder`);
  await mkdir(path.join(outDir, FILES_DIR));
  for (const file of manifest.files) {
    const source = pack.sources.get(file.sha256);
    if (!source) throw new Error(`no source for file ${file.sha256}`);
    const target = packFilePath(outDir, file.sha256);
    await (typeof source === 'string' ? copyFile(source, target) : writeFile(target, source));
  }
  if (pack.statements?.length) {
    await mkdir(path.join(outDir, KEYS_DIR));
    for (const { name, file } of pack.statements) {
      await writeFile(path.join(outDir, KEYS_DIR, `${name}.statement.json`), JSON.stringify(file, null, 2) + '\n');
    }
  }
  const bytes = Buffer.from(JSON.stringify(manifest, null, 1) + '\n', 'utf8');
  await writeFile(path.join(outDir, MANIFEST_FILE), bytes);
  await writeFile(path.join(outDir, SIGNATURE_FILE), manifestSignatureText(bytes, pack.key));
  return bytes;
}
