import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_MANIFEST_SHA256 } from '../../../main/demo/demo-manifest.ts';
import { demoTrustStore } from '../../../main/packs/trust-store.ts';
import { verifyPack, verifyPackContents } from '../../../main/packs/verify-pack.ts';
import { QuestionType, QuizSet, quizImages, quizLanguages } from '../../../preload/contract/quiz-set.ts';
import { ContentLanguage } from '../../../preload/contract/schemas.ts';

const resources = path.resolve(import.meta.dirname, '../../../resources');
const packDir = path.join(resources, 'demo-pack');

describe('the committed demo pack', () => {
  it('verifies with the demo trust, which pins its manifest, every file hashed', async () => {
    const trust = demoTrustStore(DEMO_MANIFEST_SHA256);
    const pack = await verifyPack(packDir, { trust });
    await verifyPackContents(packDir, pack.manifest);
    expect(pack.manifest.channel).toBe('demo');
    expect(pack.key.keyId).toBe('demo-2026');
  });

  it('holds a dozen leaflets and a quiz, with text in every content language', async () => {
    const trust = demoTrustStore(DEMO_MANIFEST_SHA256);
    const { manifest } = await verifyPack(packDir, { trust });
    if (manifest.kind !== 'full') throw new Error('the demo pack is a full pack');
    expect(manifest.items.filter((item) => item.kind === 'pdf').length).toBeGreaterThanOrEqual(12);
    expect(manifest.items.some((item) => item.kind === 'quiz')).toBe(true);
    for (const language of ContentLanguage.options) {
      expect(
        manifest.items.some((item) => item.texts[language]?.body),
        language,
      ).toBe(true);
    }
  });

  it('features a few items, one from each subject, for the attract screen', async () => {
    const trust = demoTrustStore(DEMO_MANIFEST_SHA256);
    const { manifest } = await verifyPack(packDir, { trust });
    if (manifest.kind !== 'full') throw new Error('the demo pack is a full pack');
    const featured = manifest.items.filter((item) => item.featured === true);
    expect(featured.length).toBeGreaterThanOrEqual(3);
    expect(featured.length).toBeLessThanOrEqual(4);
    expect(new Set(featured.map((item) => item.subjects[0])).size).toBe(featured.length);
  });

  it('carries the text extracted from its PDFs, Korean and Chinese included', async () => {
    const trust = demoTrustStore(DEMO_MANIFEST_SHA256);
    const { manifest } = await verifyPack(packDir, { trust });
    const soil = manifest.kind === 'full' ? manifest.items.find((item) => item.id === 'healthy-soil') : undefined;
    expect(soil?.pages).toBeGreaterThan(1);
    expect(soil?.texts.en?.body).toContain('Compost feeds the worms');
    expect(soil?.texts.ko?.body).toContain('퇴비');
    expect(soil?.texts.zh?.body).toContain('堆肥养活蚯蚓');
  });

  it('carries quizzes made from GIFT in all five languages, two of them with every question type', async () => {
    const trust = demoTrustStore(DEMO_MANIFEST_SHA256);
    const { manifest } = await verifyPack(packDir, { trust });
    if (manifest.kind !== 'full') throw new Error('the demo pack is a full pack');
    const quizzes = await Promise.all(
      manifest.items
        .filter((item) => item.kind === 'quiz')
        .map(async (item) => {
          const main = item.files.find((file) => file.role === 'main')!;
          const quiz = QuizSet.parse(JSON.parse(await readFile(path.join(packDir, 'files', main.hash), 'utf8')));
          const attachments = item.files.filter((file) => file.role === 'attachment').map((file) => file.hash);
          return { quiz, attachments };
        }),
    );
    for (const { quiz, attachments } of quizzes) {
      expect(quizLanguages(quiz)).toEqual(ContentLanguage.options);
      expect(quizImages(quiz).every((image) => attachments.includes(image))).toBe(true);
    }
    const complete = quizzes.filter(({ quiz }) =>
      QuestionType.options.every((type) => quiz.questions.some((question) => question.type === type)),
    );
    expect(complete.length).toBeGreaterThanOrEqual(2);
  });

  it('stays small', async () => {
    const files = await readdir(path.join(packDir, 'files'));
    const sizes = await Promise.all(files.map(async (name) => (await stat(path.join(packDir, 'files', name))).size));
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(8 * 1024 * 1024);
  });
});
