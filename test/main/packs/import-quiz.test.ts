/**
 * A quiz item's main file is checked as a quiz set before anything is copied: a pack whose quiz is not one
 * is refused with `malformed-quiz` and leaves the kiosk as it was. Real signed packs, the demo's real quiz,
 * a real catalog.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resourcesDir } from '../../../main/app-paths.ts';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import type { FullManifest, ManifestItem } from '../../../main/packs/manifest.ts';
import type { ImportProgress } from '../../../preload/contract/packs.ts';
import type { QuizSetSource } from '../../../preload/contract/quiz-set.ts';
import { fileOf, fullManifest, itemFor, testKey, writeTestPack, type FixtureFile } from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles, type Kiosk } from './import-helpers.ts';

const { key, trust } = testKey('centre', ['science']);
const now = () => new Date('2026-11-21T12:00:00Z');
let work: string;
let kiosk: Kiosk;
let quiz: QuizSetSource;
let packs = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-quiz-'));
  kiosk = openKiosk(path.join(work, 'data'), trust);
  // The quiz set the publisher compiled from the demo's GIFT files, as the demo pack carries it.
  const demoPack = path.join(resourcesDir, 'demo-pack');
  const manifest = JSON.parse(await readFile(path.join(demoPack, 'manifest.json'), 'utf8')) as FullManifest;
  const main = manifest.items.find((item) => item.id === 'science-quiz')!.files.find((file) => file.role === 'main')!;
  quiz = JSON.parse(await readFile(path.join(demoPack, 'files', main.hash), 'utf8'));
});
afterAll(async () => {
  await kiosk.catalog.close();
  await rm(work, { recursive: true, force: true });
});

const jsonFile = (value: unknown) => fileOf(Buffer.from(JSON.stringify(value)), 'application/json');

/** A pack of one quiz item whose main files are `files` (and whose files/ holds them). */
async function quizPack(files: FixtureFile[], version: number, item: Partial<ManifestItem> = {}): Promise<string> {
  const quizItem: ManifestItem = { ...itemFor('everyday-quiz', files), kind: 'quiz', ...item };
  return writeTestPack(
    path.join(work, `pack-${++packs}`),
    key,
    fullManifest(key, { version, files, items: [quizItem] }),
    files,
  );
}

async function expectRefusedBeforeCopying(dir: string, code: string, detail: RegExp): Promise<void> {
  const before = await snapshot(kiosk);
  const stored = await storedFiles(kiosk.dataDir);
  const phases = new Set<ImportProgress['phase']>();
  await expect(
    importPack(dir, kiosk.options({ now, onProgress: (progress) => phases.add(progress.phase) })),
  ).rejects.toMatchObject({ code, detail: expect.stringMatching(detail) });
  expect([...phases]).toEqual(['verifying']);
  expect(await snapshot(kiosk)).toEqual(before);
  expect(await storedFiles(kiosk.dataDir)).toEqual(stored);
}

test('the demo’s quiz set imports', async () => {
  await expect(importPack(await quizPack([jsonFile(quiz)], 1), kiosk.options({ now }))).resolves.toMatchObject({
    version: 1,
  });
});

test('a picture question whose pictures travel as the item’s attachments imports', async () => {
  const picture = fileOf(Buffer.from('a healthy leaf'), 'image/png');
  const main = jsonFile(pictureQuiz(picture.sha256));
  const files = [
    { role: 'main' as const, hash: main.sha256 },
    { role: 'attachment' as const, hash: picture.sha256 },
  ];
  await expect(
    importPack(await quizPack([main, picture], 2, { files }), kiosk.options({ now })),
  ).resolves.toMatchObject({ version: 2 });
});

/** A set of one picture question whose pictures are both `picture`. */
function pictureQuiz(picture: string): QuizSetSource {
  return {
    format: 2,
    questions: [
      {
        id: 'which-leaf',
        type: 'image-choice',
        difficulty: 2,
        subject: 'energy',
        choices: [
          { weight: 100, image: picture },
          { weight: 0, image: picture },
        ],
        texts: { en: { prompt: 'Which leaf is healthy?', choices: [{ text: 'This one' }, { text: 'That one' }] } },
      },
    ],
  };
}

describe('a quiz the kiosk refuses', () => {
  test('a language that gives fewer choices than the question has', async () => {
    const [first, ...rest] = quiz.questions;
    if (first?.type !== 'single') throw new Error('the demo quiz starts with a single-choice question');
    const en = first.texts.en!;
    const broken = {
      ...quiz,
      questions: [{ ...first, texts: { ...first.texts, en: { ...en, choices: en.choices.slice(1) } } }, ...rest],
    };
    await expectRefusedBeforeCopying(
      await quizPack([jsonFile(broken)], 3),
      'malformed-quiz',
      /texts\.en\.choices: en gives 2 choices, the question has 3/,
    );
  });

  test('a picture that is not one of the item’s attachments', async () => {
    const picture = fileOf(Buffer.from('not carried'), 'image/png');
    await expectRefusedBeforeCopying(
      await quizPack([jsonFile(pictureQuiz(picture.sha256))], 3),
      'malformed-quiz',
      new RegExp(`picture "${picture.sha256}" is not one of the item's attachments`),
    );
  });

  test('a picture that is not an image', async () => {
    const script = fileOf(Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml');
    const main = jsonFile(pictureQuiz(script.sha256));
    await expectRefusedBeforeCopying(
      await quizPack([main, script], 3, {
        files: [
          { role: 'main', hash: main.sha256 },
          { role: 'attachment', hash: script.sha256 },
        ],
      }),
      'malformed-quiz',
      /is image\/svg\+xml, not a PNG, JPEG or WebP image/,
    );
  });

  test('a file that is not JSON', async () => {
    const text = fileOf(Buffer.from('{"format": 2, "questions": ['), 'application/json');
    await expectRefusedBeforeCopying(await quizPack([text], 3), 'malformed-quiz', /not JSON/);
  });

  test('a key named twice', async () => {
    const twice = Buffer.from(JSON.stringify(quiz).replace('{"format":2,', '{"format":2,"format":2,'));
    await expectRefusedBeforeCopying(
      await quizPack([fileOf(twice, 'application/json')], 3),
      'malformed-quiz',
      /same key twice/,
    );
  });

  test('a main file that is a PDF', async () => {
    const pdf = fileOf(Buffer.from('%PDF-1.7\n'), 'application/pdf');
    await expectRefusedBeforeCopying(await quizPack([pdf], 3), 'malformed-quiz', /application\/pdf/);
  });

  test('a quiz item with no quiz file', async () => {
    const cover = jsonFile(quiz);
    await expectRefusedBeforeCopying(
      await quizPack([cover], 3, { files: [{ role: 'cover', hash: cover.sha256 }] }),
      'malformed-quiz',
      /has no quiz file/,
    );
  });
});
