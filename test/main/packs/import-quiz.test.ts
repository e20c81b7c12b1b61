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
import type { ManifestItem } from '../../../main/packs/manifest.ts';
import type { ImportProgress } from '../../../preload/contract/packs.ts';
import { fileOf, fullManifest, itemFor, testKey, writeTestPack, type FixtureFile } from './import-fixtures.ts';
import { openKiosk, snapshot, storedFiles, type Kiosk } from './import-helpers.ts';

const { key, trust } = testKey('centre', ['science']);
const now = () => new Date('2026-11-21T12:00:00Z');
let work: string;
let kiosk: Kiosk;
let quiz: { format: 1; questions: { id: string; answer: number; texts: Record<string, unknown> }[] };
let packs = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-quiz-'));
  kiosk = openKiosk(path.join(work, 'data'), trust);
  quiz = JSON.parse(await readFile(path.join(resourcesDir, 'demo-source', 'quiz', 'science-quiz.json'), 'utf8'));
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

describe('a quiz the kiosk refuses', () => {
  test('an answer with no choice', async () => {
    const [first, ...rest] = quiz.questions;
    const broken = { ...quiz, questions: [{ ...first!, answer: 5 }, ...rest] };
    await expectRefusedBeforeCopying(await quizPack([jsonFile(broken)], 2), 'malformed-quiz', /answer 5 has no choice/);
  });

  test('a file that is not JSON', async () => {
    const text = fileOf(Buffer.from('{"format": 1, "questions": ['), 'application/json');
    await expectRefusedBeforeCopying(await quizPack([text], 2), 'malformed-quiz', /not JSON/);
  });

  test('a key named twice', async () => {
    const twice = Buffer.from(JSON.stringify(quiz).replace('{"format":1,', '{"format":1,"format":1,'));
    await expectRefusedBeforeCopying(
      await quizPack([fileOf(twice, 'application/json')], 2),
      'malformed-quiz',
      /same key twice/,
    );
  });

  test('a main file that is a PDF', async () => {
    const pdf = fileOf(Buffer.from('%PDF-1.7\n'), 'application/pdf');
    await expectRefusedBeforeCopying(await quizPack([pdf], 2), 'malformed-quiz', /application\/pdf/);
  });

  test('a quiz item with no quiz file', async () => {
    const cover = jsonFile(quiz);
    await expectRefusedBeforeCopying(
      await quizPack([cover], 2, { files: [{ role: 'cover', hash: cover.sha256 }] }),
      'malformed-quiz',
      /has no quiz file/,
    );
  });
});
