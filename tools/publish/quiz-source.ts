/**
 * A quiz item's main file as its pack carries it: one quiz set made from the sheet's sources (one `.json`
 * quiz set, or one `.gift` file per language), each picture's path turned into the SHA-256 of the
 * attachment that carries it, as kiosks require.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { QuizSet } from '../../preload/contract/quiz-set.ts';
import { GiftError, compileGift, type GiftInput } from './gift/compile-gift.ts';
import type { SheetItem } from './sheet.ts';
import type { SourceFile, SourceFiles } from './source-files.ts';

/** A file the publisher makes rather than copies. */
export interface MadeFile {
  sha256: string;
  size: number;
  mediaType: string;
  bytes: Buffer;
}

export interface BuiltQuiz {
  quiz: QuizSet;
  main: MadeFile;
  /** Every picture the quiz shows, each to carry as an attachment of the item. */
  pictures: SourceFile[];
  /** What the publisher should know (questions skipped, subjects taken from `$CATEGORY`). */
  notes: string[];
}

const pictureTypes = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** `where` names the item in messages; `subjects` are the sheet's, which every question's subject must be. */
export async function buildQuiz(
  item: SheetItem,
  where: string,
  sources: SourceFiles,
  subjects: ReadonlySet<string>,
): Promise<BuiltQuiz> {
  const mains = [...item.files.entries()].filter(([, file]) => file.role === 'main');
  const gift = mains.filter(([, file]) => path.extname(file.path).toLowerCase() === '.gift');
  let quiz: QuizSet;
  let notes: string[] = [];
  if (gift.length > 0 && gift.length === mains.length) {
    const inputs: GiftInput[] = [];
    for (const [index, file] of gift) {
      const field = `${where} files[${index}]`;
      if (!file.language) throw new Error(`${field}: a GIFT file needs its language: { …, language: en }`);
      if (inputs.some((input) => input.language === file.language))
        throw new Error(`${field}: a second GIFT file in ${file.language}: one file per language`);
      inputs.push({
        language: file.language,
        file: file.path,
        text: await sources.readText(file.path, `${field}.path`),
      });
    }
    try {
      ({ quiz, notes } = compileGift(inputs, { subject: item.subjects[0]! }));
    } catch (error) {
      if (error instanceof GiftError) throw new Error(`${where}: ${error.message}`, { cause: error });
      throw error;
    }
  } else if (mains.length === 1 && gift.length === 0) {
    const [index, file] = mains[0]!;
    const parsed = QuizSet.safeParse(JSON.parse(await sources.readText(file.path, `${where} files[${index}].path`)));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(
        `${where}: quiz file "${file.path}" at ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
      );
    }
    quiz = parsed.data;
  } else {
    throw new Error(`${where}: a quiz's main files are one .json quiz set, or one .gift file per language`);
  }

  for (const question of quiz.questions) {
    if (!subjects.has(question.subject))
      throw new Error(
        `${where}: question "${question.id}" is about "${question.subject}", which the sheet's subjects lack`,
      );
  }
  const pictures = new Map<string, SourceFile>();
  for (const question of quiz.questions) {
    if (!('choices' in question)) continue;
    for (const choice of question.choices) {
      if (choice.image === undefined) continue;
      const picture = await sources.get(choice.image, `${where} question "${question.id}"`);
      if (!pictureTypes.has(picture.mediaType))
        throw new Error(`${where} question "${question.id}": "${choice.image}" is not a PNG, JPEG or WebP picture`);
      pictures.set(picture.sha256, picture);
      choice.image = picture.sha256;
    }
  }
  const bytes = Buffer.from(JSON.stringify(quiz));
  const main = {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    mediaType: 'application/json',
    bytes,
  };
  return { quiz, main, pictures: [...pictures.values()], notes };
}
