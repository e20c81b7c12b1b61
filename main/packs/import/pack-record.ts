/**
 * Turns a verified manifest into the complete state the catalog records: a full pack as it is,
 * a delta applied to the installed state. The catalog then switches to that state in one transaction.
 */
import type { PackFile, PackItem, PackRecord } from '../pack-record-types.ts';
import type { DeltaManifest, FullManifest, ManifestItem, PackManifest } from '../manifest.ts';
import { PackError } from '../pack-error.ts';

export function packRecordOf(manifest: PackManifest, installed: PackRecord | undefined): PackRecord {
  return manifest.kind === 'full' ? fullRecord(manifest) : applyDelta(manifest, installed);
}

function fullRecord(manifest: FullManifest): PackRecord {
  return {
    id: manifest.id,
    channel: manifest.channel,
    version: manifest.version,
    subjects: manifest.subjects,
    files: manifest.files.map(packFile),
    items: manifest.items.map(packItem),
  };
}

function applyDelta(manifest: DeltaManifest, installed: PackRecord | undefined): PackRecord {
  if (!installed || installed.version !== manifest.baseVersion) {
    const have = installed ? `v${installed.version}` : 'nothing';
    throw new PackError(
      'wrong-base',
      `update of "${manifest.id}" from v${manifest.baseVersion}, but ${have} is installed`,
    );
  }
  const { addItems, replaceItems, removeItems, removeFiles } = manifest.changes;
  const existing = new Set(installed.items.map((item) => item.id));
  for (const item of addItems) {
    if (existing.has(item.id)) throw malformed(`adds item "${item.id}", which v${installed.version} already has`);
  }
  for (const id of [...replaceItems.map((item) => item.id), ...removeItems]) {
    if (!existing.has(id)) throw malformed(`changes item "${id}", which v${installed.version} does not have`);
  }
  const dropped = new Set([...removeItems, ...replaceItems.map((item) => item.id)]);
  const items = [
    ...installed.items.filter((item) => !dropped.has(item.id)),
    ...[...addItems, ...replaceItems].map(packItem),
  ];

  const removed = new Set(removeFiles);
  const known = new Map<string, PackFile>();
  for (const file of installed.files ?? []) known.set(file.sha256, file);
  for (const file of manifest.files) known.set(file.sha256, packFile(file));
  const files = new Map<string, PackFile>();
  for (const item of items) {
    for (const { hash } of item.files ?? []) {
      if (removed.has(hash)) throw malformed(`removes file ${hash}, which item "${item.id}" still uses`);
      const file = known.get(hash);
      if (!file)
        throw new PackError(
          'missing-file',
          `item "${item.id}" uses file ${hash}, which neither the update nor v${installed.version} has`,
        );
      files.set(hash, file);
    }
  }
  return {
    id: manifest.id,
    channel: manifest.channel,
    version: manifest.version,
    subjects: manifest.subjects,
    files: [...files.values()],
    items,
  };
}

function packItem(item: ManifestItem): PackItem {
  return {
    id: item.id,
    kind: item.kind,
    addedAt: item.addedAt,
    subjects: item.subjects,
    texts: item.texts,
    files: item.files,
    ...(item.pages === undefined ? {} : { pages: item.pages }),
    ...(item.durationSeconds === undefined ? {} : { durationSeconds: item.durationSeconds }),
    ...(item.featured === true ? { featured: true } : {}),
    ...(item.documentType === undefined ? {} : { documentType: item.documentType }),
  };
}

function packFile(file: PackFile): PackFile {
  return { sha256: file.sha256, size: file.size, mediaType: file.mediaType };
}

function malformed(detail: string): PackError {
  return new PackError('malformed-manifest', `the update ${detail}`);
}
