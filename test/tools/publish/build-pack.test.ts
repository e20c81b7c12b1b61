import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish } from './publish-cli.ts';
import { packRecordOf } from '../../../main/packs/import/pack-record.ts';
import { PackManifest } from '../../../main/packs/manifest.ts';
import { isPackError } from '../../../main/packs/pack-error.ts';
import { generateKey, publicEntry, type PrivateKeyFile } from '../../../main/packs/signing-keys.ts';
import { parseManifest, verifyPack, verifyPackContents } from '../../../main/packs/verify-pack.ts';
import { QuizSet } from '../../../preload/contract/quiz-set.ts';
import { buildPack } from '../../../tools/publish/build-pack.ts';
import { buildDelta } from '../../../tools/publish/delta-pack.ts';
import { encodePng } from '../../../tools/publish/demo/quiz-pictures.ts';
import { compileGift } from '../../../tools/publish/gift/compile-gift.ts';
import { buildTestPack, tempDir, trustOnly, writeKey, type TestSource } from '../../main/packs/pack-fixtures.ts';

describe('buildDelta', () => {
  it('carries the changes from v1 to v2 and applies only on v1', async () => {
    const v1 = await buildTestPack({ version: 1 });
    const v2 = await buildTestPack({ version: 2, key: v1.key, extraItem: true, title: 'Healthy soil, revised' });
    const out = path.join(await tempDir(), 'delta');
    const delta = await buildDelta({
      fromDir: v1.dir,
      toDir: v2.dir,
      keyFile: await writeKey(v1.source.dir, v1.key),
      outDir: out,
    });
    expect(delta.baseVersion).toBe(1);
    expect(delta.changes.addItems.map((item) => item.id)).toEqual(['solar']);
    expect(delta.changes.replaceItems.map((item) => item.id)).toEqual(['healthy-soil']);
    expect(delta.changes.removeItems).toEqual([]);
    expect(delta.files).toHaveLength(1);

    const trust = trustOnly(v1.key);
    const verified = await verifyPack(out, { trust, installedVersion: () => 1 });
    expect(verified.manifest.kind).toBe('delta');
    await verifyPackContents(out);
    for (const [installed, code] of [
      [undefined, 'wrong-base'],
      [2, 'rollback'],
    ] as const) {
      const error = await verifyPack(out, { trust, installedVersion: () => installed }).catch((e: unknown) => e);
      expect(isPackError(error, code)).toBe(true);
    }
  });
});

describe('featured items', () => {
  const featuredIds = (items: readonly { id: string; featured?: boolean }[]) =>
    items.filter((item) => item.featured === true).map((item) => item.id);

  it('go from the sheet into the signed manifest and back unchanged, written only when true', async () => {
    const built = await buildTestPack({ featured: ['clean-water'] });
    const bytes = await readFile(path.join(built.dir, 'manifest.json'));
    const manifest = parseManifest(bytes);
    if (manifest.kind !== 'full') throw new Error('expected a full pack');
    expect(featuredIds(manifest.items)).toEqual(['clean-water']);
    expect(manifest.items.find((item) => item.id === 'healthy-soil')).not.toHaveProperty('featured');
    expect(PackManifest.parse(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
    await verifyPack(built.dir, { trust: trustOnly(built.key), installedVersion: () => undefined });

    const record = packRecordOf(manifest, undefined);
    expect(featuredIds(record.items)).toEqual(['clean-water']);
  });

  it('refuses a manifest whose featured is not a boolean', () => {
    const item = {
      id: 'a',
      kind: 'article',
      addedAt: '2026-11-01T00:00:00Z',
      subjects: ['s'],
      texts: { en: { title: 'A', summary: '', body: '' } },
      files: [],
    };
    const manifest = (featured: unknown) => ({
      format: 1,
      id: 'p',
      channel: 'main',
      version: 1,
      createdAt: '2026-11-01T00:00:00Z',
      expiresAt: '2027-11-01T00:00:00Z',
      keyId: 'k',
      subjects: [{ id: 's', names: { en: 'S' } }],
      files: [],
      kind: 'full',
      items: [{ ...item, featured }],
    });
    expect(PackManifest.safeParse(manifest(true)).success).toBe(true);
    const refused = PackManifest.safeParse(manifest('yes'));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['items', 0, 'featured']);
  });

  it('travel in a delta: featuring or unfeaturing an item replaces it, and the kiosk applies that', async () => {
    const v1 = await buildTestPack({ version: 1, featured: ['healthy-soil'] });
    const v2 = await buildTestPack({ version: 2, key: v1.key, extraItem: true, featured: ['clean-water'] });
    const delta = await buildDelta({
      fromDir: v1.dir,
      toDir: v2.dir,
      keyFile: await writeKey(v1.source.dir, v1.key),
      outDir: path.join(await tempDir(), 'delta'),
    });
    expect(delta.changes.addItems.map((item) => item.id)).toEqual(['solar']);
    expect(delta.changes.replaceItems.map((item) => [item.id, item.featured])).toEqual([
      ['healthy-soil', undefined],
      ['clean-water', true],
    ]);

    const v1Manifest = parseManifest(await readFile(path.join(v1.dir, 'manifest.json')));
    const installed = packRecordOf(v1Manifest, undefined);
    expect(featuredIds(installed.items)).toEqual(['healthy-soil']);
    const applied = packRecordOf(delta, installed);
    expect(featuredIds(applied.items)).toEqual(['clean-water']);
    expect(applied.items.map((item) => item.id).sort()).toEqual(['clean-water', 'healthy-soil', 'solar']);
  });
});

describe('publish CLI', () => {
  it('verifies a pack against the keys it is given and refuses it against the shipped ones', async () => {
    const pack = await buildTestPack();
    const keys = path.join(await tempDir(), 'keys.json');
    await writeFile(keys, JSON.stringify({ format: 1, keys: [publicEntry(pack.key)] }));
    const ok = await publish('verify', pack.dir, '--keys', keys);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('OK: test-collection v1');
    const refused = await publish('verify', pack.dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('unknown-key');
  });

  it('makes a key and builds with it, naming the line of a bad sheet', async () => {
    const dir = await tempDir();
    const made = await publish('keys', 'new', '--out', path.join(dir, 'keys'), '--id', 'centre-2026');
    expect(made.code, made.stderr).toBe(0);
    const pack = await buildTestPack();
    const sheet = await readFile(pack.source.sheetFile, 'utf8');
    await writeFile(pack.source.sheetFile, sheet.replace('kind: article', 'kind: [article'));
    const args = ['--source', pack.source.dir, '--sheet', pack.source.sheetFile, '--id', 'x', '--channel', 'main'];
    const keyArgs = ['--key', path.join(dir, 'keys', 'centre-2026.private.json'), '--version', '1'];
    const bad = await publish('build', ...args, ...keyArgs, '--out', path.join(dir, 'out'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/sheet\.yaml line \d+/);
    await writeFile(pack.source.sheetFile, sheet);
    const good = await publish('build', ...args, ...keyArgs, '--out', path.join(dir, 'out'));
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('Built x v1 (main): 2 items');
  });

  it('explains its usage when a required option is missing', async () => {
    const result = await publish('build', '--source', '.');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--sheet is required');
  });
});

describe('a quiz item made from GIFT files', () => {
  const picture = (red: number) => encodePng(8, 8, () => [red, 120, 40]);
  const en = `// @type image-choice
::earth:: Which wire is the earth wire? {=![Green and yellow](quiz/earth.png) ~![Blue](quiz/blue.png)}

::fuse:: A fuse melts when too much current flows. {T}

::essay:: Describe your workshop. {}
`;
  const ko = `// @type image-choice
::earth:: 어느 전선이 접지선일까요? {=![초록과 노랑](quiz/earth.png) ~![파랑](quiz/blue.png)}

::fuse:: 전류가 너무 많이 흐르면 퓨즈가 녹습니다. {T}
`;

  async function source(files: Record<string, string | Buffer>, quizFiles: string): Promise<TestSource> {
    const dir = await tempDir('quiz-source-');
    await mkdir(path.join(dir, 'quiz'));
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
    const sheetFile = path.join(dir, 'sheet.yaml');
    await writeFile(
      sheetFile,
      `subjects:
  - id: industry
    names: { en: Industry, ko: 산업 }
items:
  - id: wiring-quiz
    kind: quiz
    addedAt: 2026-11-01
    subjects: [industry]
    texts:
      en: { title: Wiring quiz }
      ko: { title: 배선 퀴즈 }
    files:
${quizFiles}`,
    );
    return { dir, sheetFile };
  }

  const giftFiles = `      - { role: main, path: quiz/wires.en.gift, language: en }
      - { role: main, path: quiz/wires.ko.gift, language: ko }
`;
  const pictures = { 'quiz/earth.png': picture(40), 'quiz/blue.png': picture(200) };

  async function build(built: TestSource, notes: string[] = []): Promise<{ dir: string; key: PrivateKeyFile }> {
    const key = generateKey('centre-test', ['*']);
    const dir = path.join(await tempDir(), 'pack');
    await buildPack({
      sourceDir: built.dir,
      sheetFile: built.sheetFile,
      keyFile: await writeKey(built.dir, key),
      id: 'quiz-pack',
      channel: 'main',
      version: 1,
      outDir: dir,
      onNote: (note) => notes.push(note),
    });
    return { dir, key };
  }

  it('compiles them into one quiz set whose pictures are the item’s attachments, and the pack verifies', async () => {
    const notes: string[] = [];
    const built = await source({ 'quiz/wires.en.gift': en, 'quiz/wires.ko.gift': ko, ...pictures }, giftFiles);
    const { dir, key } = await build(built, notes);
    expect(notes).toEqual([
      'sheet.yaml items[0] (wiring-quiz): quiz/wires.en.gift:6:1: skipped "essay", an essay question, which quiz sets do not have',
    ]);
    const pack = await verifyPack(dir, { trust: trustOnly(key), installedVersion: () => undefined });
    await verifyPackContents(dir, pack.manifest);
    if (pack.manifest.kind !== 'full') throw new Error('expected a full pack');
    const [item] = pack.manifest.items;
    const hashOf = async (name: string) =>
      createHash('sha256')
        .update(await readFile(path.join(built.dir, name)))
        .digest('hex');
    const [earth, blue] = [await hashOf('quiz/earth.png'), await hashOf('quiz/blue.png')];
    expect(
      item!.files.map((file) => [file.role, file.hash === earth ? 'earth' : file.hash === blue ? 'blue' : file.role]),
    ).toEqual([
      ['main', 'main'],
      ['attachment', 'earth'],
      ['attachment', 'blue'],
    ]);
    const main = item!.files[0]!.hash;
    expect(pack.manifest.files.find((file) => file.sha256 === main)?.mediaType).toBe('application/json');
    const quiz = QuizSet.parse(JSON.parse(await readFile(path.join(dir, 'files', main), 'utf8')));
    expect(quiz.questions.map((question) => [question.id, question.subject, Object.keys(question.texts)])).toEqual([
      ['earth', 'industry', ['en', 'ko']],
      ['fuse', 'industry', ['en', 'ko']],
    ]);
    expect(quiz.questions[0]).toMatchObject({
      choices: [
        { weight: 100, image: earth },
        { weight: 0, image: blue },
      ],
    });
    expect(item!.texts.ko?.body).toContain('어느 전선이 접지선일까요?');
    expect(item!.texts.en?.body).toContain('Green and yellow');
  });

  it('takes a .json quiz set too, its picture paths turned into hashes', async () => {
    const { quiz } = compileGift([{ language: 'en', file: 'wires.en.gift', text: en }], { subject: 'industry' });
    const built = await source(
      { 'quiz/wires.json': JSON.stringify(quiz), ...pictures, 'quiz/earth-too.png': picture(40) },
      '      - { role: main, path: quiz/wires.json }\n      - { role: attachment, path: quiz/earth-too.png }\n',
    );
    const { dir, key } = await build(built);
    const pack = await verifyPack(dir, { trust: trustOnly(key), installedVersion: () => undefined });
    if (pack.manifest.kind !== 'full') throw new Error('expected a full pack');
    // The sheet's own attachment is the same picture as the first choice's: carried once.
    expect(pack.manifest.items[0]!.files.map((file) => file.role)).toEqual(['main', 'attachment', 'attachment']);
  });

  it.each([
    [
      'a GIFT file without its language',
      { 'quiz/wires.en.gift': en },
      '      - { role: main, path: quiz/wires.en.gift }\n',
      'sheet.yaml items[0] (wiring-quiz) files[0]: a GIFT file needs its language: { …, language: en }',
    ],
    [
      'GIFT and JSON together',
      { 'quiz/wires.en.gift': en, 'quiz/wires.json': '{}' },
      '      - { role: main, path: quiz/wires.en.gift, language: en }\n      - { role: main, path: quiz/wires.json }\n',
      "a quiz's main files are one .json quiz set, or one .gift file per language",
    ],
    [
      'malformed GIFT, named by its line and column',
      { 'quiz/wires.en.gift': en, 'quiz/wires.ko.gift': ko.replace('{T}', '{T') },
      giftFiles,
      'quiz/wires.ko.gift:4:36: Expected "}", ####general feedback, or #feedback but the end of the question found.',
    ],
    [
      'a subject the sheet lacks',
      { 'quiz/wires.en.gift': '// @subject energy\n::fuse:: A fuse melts. {T}' },
      '      - { role: main, path: quiz/wires.en.gift, language: en }\n',
      'question "fuse" is about "energy", which the sheet\'s subjects lack',
    ],
    [
      'a picture that is not one',
      {
        'quiz/wires.en.gift': en.replace('quiz/blue.png', 'quiz/blue.txt'),
        'quiz/earth.png': picture(1),
        'quiz/blue.txt': 'blue',
      },
      '      - { role: main, path: quiz/wires.en.gift, language: en }\n',
      'question "earth": "quiz/blue.txt" is not a PNG, JPEG or WebP picture',
    ],
    [
      'a picture that is missing',
      { 'quiz/wires.en.gift': en },
      '      - { role: main, path: quiz/wires.en.gift, language: en }\n',
      'question "earth": "quiz/earth.png" does not exist in the source folder',
    ],
  ])('refuses %s', async (_name, files, quizFiles, message) => {
    const built = await source(files, quizFiles);
    await expect(build(built)).rejects.toThrow(message);
  });
});
