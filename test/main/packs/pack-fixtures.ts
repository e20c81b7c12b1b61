/**
 * Packs for tests, made the way the publisher makes them: a source folder with a YAML sheet, built and
 * signed by the publisher's own functions into a fresh temporary folder.
 */
import { chmod, mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  generateKey,
  publicEntry,
  manifestSignatureText,
  type KeyChannels,
  type PrivateKeyFile,
} from '../../../main/packs/signing-keys.ts';
import { trustStoreFrom, type TrustStore } from '../../../main/packs/trust-store.ts';
import { buildPack } from '../../../tools/publish/build-pack.ts';

export async function tempDir(prefix = 'pack-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export function trustOnly(...keys: PrivateKeyFile[]): TrustStore {
  return trustStoreFrom([{ set: { format: 1, keys: keys.map(publicEntry) }, origin: 'test keys' }]);
}

export interface TestSource {
  dir: string;
  sheetFile: string;
}

/**
 * Two articles with text files and one extra attachment; `title` lets a test put markup in a title,
 * `featured` names the items the sheet features.
 */
export async function writeSource(
  options: { title?: string; extraItem?: boolean; featured?: string[] } = {},
): Promise<TestSource> {
  const feature = (id: string) => (options.featured?.includes(id) ? '    featured: true\n' : '');
  const dir = await tempDir('pack-source-');
  await mkdir(path.join(dir, 'texts'));
  await writeFile(path.join(dir, 'texts', 'soil.en.md'), 'Compost feeds the worms that loosen the soil.\n');
  await writeFile(path.join(dir, 'texts', 'soil.ko.md'), '퇴비는 흙을 부드럽게 하는 지렁이를 먹입니다.\n');
  await writeFile(path.join(dir, 'texts', 'water.en.md'), 'Boil water for one minute to make it safe.\n');
  await writeFile(path.join(dir, 'texts', 'sun.en.md'), 'A solar panel turns sunlight into electricity.\n');
  const sheet = `# Test collection
subjects:
  - id: agriculture
    names: { en: Agriculture, ko: 농업 }
  - id: health
    names: { en: Health }
items:
  - id: healthy-soil
    kind: article
    addedAt: 2026-11-01
${feature('healthy-soil')}    subjects: [agriculture]
    texts:
      en:
        title: ${JSON.stringify(options.title ?? 'Healthy soil')}
        summary: Compost and worms.
        bodyFile: texts/soil.en.md
      ko:
        title: 건강한 흙
        summary: 퇴비와 지렁이.
        bodyFile: texts/soil.ko.md
    files:
      - { role: main, path: texts/soil.en.md, language: en }
      - { role: main, path: texts/soil.ko.md, language: ko }
  - id: clean-water
    kind: article
    addedAt: 2026-10-01
${feature('clean-water')}    subjects: [health]
    texts:
      en: { title: Clean water, summary: Boil it., bodyFile: texts/water.en.md }
    files:
      - { role: main, path: texts/water.en.md }
${
  options.extraItem
    ? `  - id: solar
    kind: article
    addedAt: 2026-11-20
    subjects: [agriculture]
    texts:
      en: { title: Solar power, summary: Sunlight to power., bodyFile: texts/sun.en.md }
    files:
      - { role: main, path: texts/sun.en.md }
`
    : ''
}`;
  const sheetFile = path.join(dir, 'sheet.yaml');
  await writeFile(sheetFile, sheet);
  return { dir, sheetFile };
}

export async function writeKey(dir: string, key: PrivateKeyFile): Promise<string> {
  const file = path.join(dir, `${key.keyId}.private.json`);
  await writeFile(file, JSON.stringify(key));
  return file;
}

/**
 * A system key folder as root keeps it on a real kiosk (`SYSTEM_KEYS_DIR`: mode 0755, a key set file 0644, owned
 * by root, which the tests run as), trusting `keys`; returns the folder.
 */
export async function writeSystemKeys(dir: string, ...keys: PrivateKeyFile[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
  await writeFile(path.join(dir, 'centre.keys.json'), JSON.stringify({ format: 1, keys: keys.map(publicEntry) }), {
    mode: 0o644,
  });
  return dir;
}

export interface BuiltPack {
  dir: string;
  key: PrivateKeyFile;
  source: TestSource;
}

export async function buildTestPack(
  options: {
    key?: PrivateKeyFile;
    channel?: string;
    version?: number;
    title?: string;
    extraItem?: boolean;
    featured?: string[];
    now?: Date;
    statementFiles?: string[];
  } = {},
): Promise<BuiltPack> {
  const key = options.key ?? generateKey('centre-test', ['*']);
  const source = await writeSource({
    ...(options.title ? { title: options.title } : {}),
    extraItem: options.extraItem ?? false,
    ...(options.featured ? { featured: options.featured } : {}),
  });
  const dir = path.join(await tempDir(), 'pack');
  await buildPack({
    sourceDir: source.dir,
    sheetFile: source.sheetFile,
    keyFile: await writeKey(source.dir, key),
    id: 'test-collection',
    channel: options.channel ?? 'main',
    version: options.version ?? 1,
    outDir: dir,
    statementFiles: options.statementFiles ?? [],
    ...(options.now ? { now: options.now } : {}),
  });
  return { dir, key, source };
}

/** Rewrites a pack's manifest through `edit` and signs the result again, as a malicious publisher could. */
export async function resign(
  packDir: string,
  key: PrivateKeyFile,
  edit: (manifest: Record<string, unknown>) => void,
): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(packDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeSigned(packDir, key, Buffer.from(JSON.stringify(manifest)));
}

/** Writes `bytes` as a pack's manifest, exactly as given, and signs them. */
export async function writeSigned(packDir: string, key: PrivateKeyFile, bytes: Buffer): Promise<void> {
  await writeFile(path.join(packDir, 'manifest.json'), bytes);
  await writeFile(path.join(packDir, 'manifest.sig'), manifestSignatureText(bytes, key));
}

export function newKey(keyId: string, channels: KeyChannels = ['*']): PrivateKeyFile {
  return generateKey(keyId, channels);
}
