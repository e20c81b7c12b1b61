/**
 * Reads one GIFT file, in one language, into questions of the quiz set's types: what does not depend on the
 * language (the answer key) apart from the words, so compile-gift.ts can check that the languages agree.
 * Every problem is collected with its file, line and column; a malformed question does not stop the others.
 *
 * Beyond Moodle's GIFT, pragma comments right before a question give what GIFT has no syntax for (Moodle
 * skips them as comments): `// @difficulty 1|2|3`, `// @subject SLUG`, `// @read-more ITEM [page N]`,
 * `// @time-limit SECONDS`, and `// @type ordering` (the `=` answers are the items in the right order) or
 * `// @type image-choice` (each answer is a picture, `=![caption](images/cow.png)`).
 */
import type { z } from 'zod';
import type {
  Difficulty as DifficultySchema,
  NumericAnswer,
  QuestionType,
  QuizSetSource,
  ReadMore as ReadMoreSchema,
} from '../../../preload/contract/quiz-set.ts';
import { Slug, type ContentLanguage } from '../../../preload/contract/schemas.ts';
import {
  GiftSyntaxError,
  parseQuestion,
  type AnswersNode,
  type ChoiceNode,
  type GiftFormat,
  type Position,
  type QuestionNode,
} from './gift-grammar.ts';
import { plainText } from './gift-text.ts';

export interface Where extends Position {
  file: string;
}

export const at = (where: Where): string => `${where.file}:${where.line}:${where.column}`;

export type Difficulty = z.infer<typeof DifficultySchema>;
type ReadMore = z.infer<typeof ReadMoreSchema>;
type QuestionSource = QuizSetSource['questions'][number];
export type QuestionText = NonNullable<QuestionSource['texts'][ContentLanguage]>;

/** The part of a question that is the same in every language. */
export type AnswerKey =
  | { choices: { weight: number; image?: string }[] }
  | { answer: boolean }
  | { answers: z.input<typeof NumericAnswer>[] }
  | Record<never, never>;

export interface Pragmas {
  difficulty?: Difficulty;
  subject?: string;
  readMore?: ReadMore;
  timeLimitSeconds?: number;
}
type PragmaName = keyof Pragmas | 'type';

/** How each pragma is written, for messages. */
export const pragmaSpelling: Record<keyof Pragmas, string> = {
  difficulty: '@difficulty',
  subject: '@subject',
  readMore: '@read-more',
  timeLimitSeconds: '@time-limit',
};

export interface GiftQuestion {
  /** Where the question's text starts. */
  at: Where;
  /** Its place among the file's questions, counting skipped ones, from 1. */
  ordinal: number;
  /** From its `::title::`, slugged. */
  id?: string;
  type: QuestionType;
  key: AnswerKey;
  text: QuestionText;
  pragmas: Pragmas;
  /** Where each pragma was written. */
  pragmaAt: Partial<Record<PragmaName, Where>>;
  /** The subject the last `$CATEGORY` before it names. */
  category?: { subject: string; at: Where };
}

/** GIFT question types the quiz set has no counterpart for. */
export type UnsupportedKind = 'essay' | 'description' | 'missing-word';

export interface SkippedQuestion {
  at: Where;
  id?: string;
  kind: UnsupportedKind;
}

export interface GiftFile {
  questions: GiftQuestion[];
  skipped: SkippedQuestion[];
  problems: string[];
  notes: string[];
}

const commentLine = /^\s*\/\//;
const pragmaLine = /^(\s*\/\/\s*)@([A-Za-z][\w-]*)(.*)$/;
const categoryLine = /^\s*\$CATEGORY:(.*)$/;

/** Lower-case ASCII letters, digits and dashes, as question ids and subjects are written. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
}

/** `text` is the file's content as read (a BOM and CRLF line ends are accepted); `file` names it in messages. */
export function readGiftFile(text: string, file: string): GiftFile {
  const result: GiftFile = { questions: [], skipped: [], problems: [], notes: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const seen = new Map<string, number>();
  let category: GiftQuestion['category'];
  let ordinal = 0;

  for (const block of blocks(lines)) {
    const pragmas: Pragmas = {};
    const pragmaAt: GiftQuestion['pragmaAt'] = {};
    let type: 'ordering' | 'image-choice' | undefined;
    let first = 0;
    for (; first < block.lines.length && commentLine.test(block.lines[first]!); first++) {
      const found = pragmaLine.exec(block.lines[first]!);
      if (!found) continue;
      const where = { file, line: block.line + first, column: found[1]!.length + 1 };
      try {
        const value = found[3]!.trim();
        const valueAt = { ...where, column: where.column + 1 + found[2]!.length + found[3]!.indexOf(value) };
        const pragma = readPragma(found[2]!, value, where, valueAt);
        if (pragma.name in pragmaAt) throw new GiftSyntaxError(`@${found[2]!} is given twice`, where);
        pragmaAt[pragma.name] = where;
        if (pragma.name === 'type') type = pragma.value;
        else Object.assign(pragmas, { [pragma.name]: pragma.value });
      } catch (error) {
        result.problems.push(problem(error, file));
      }
    }
    const firstPragma = Object.values(pragmaAt)[0];
    if (first === block.lines.length) {
      if (firstPragma) result.problems.push(`${at(firstPragma)}: a pragma must come right before its question`);
      continue;
    }
    const categoryFound = categoryLine.exec(block.lines[first]!);
    if (categoryFound) {
      const where = { file, line: block.line + first, column: 1 };
      if (firstPragma) result.problems.push(`${at(firstPragma)}: a pragma must come right before its question`);
      if (block.lines.slice(first + 1).some((line) => !commentLine.test(line)))
        result.problems.push(`${at(where)}: put a blank line between $CATEGORY and the next question`);
      category = categoryOf(categoryFound[1]!.trim(), where, result.notes);
      continue;
    }
    ordinal++;
    const start = { file, line: block.line + first, column: 1 };
    const late = block.lines.findIndex((line, index) => index > first && pragmaLine.test(line));
    if (late >= 0) {
      result.problems.push(
        `${at({ file, line: block.line + late, column: 1 })}: a pragma must come before the first line of its question`,
      );
    }
    try {
      const node = parseQuestion(block.lines.slice(first).join('\n'), start.line);
      const id = node.title ? idOf(node.title.text, { file, ...node.title.at }) : undefined;
      if (id !== undefined) {
        const previous = seen.get(id);
        if (previous !== undefined)
          throw new GiftSyntaxError(`the title "${id}" is used twice in this file (first at line ${previous})`, start);
        seen.set(id, start.line);
      }
      const unsupported = unsupportedKind(node);
      if (unsupported) {
        result.skipped.push({ at: start, kind: unsupported, ...(id === undefined ? {} : { id }) });
        continue;
      }
      if (type && node.answers?.kind !== 'choices')
        throw new GiftSyntaxError(`@type ${type} needs = answers in braces`, pragmaAt.type!);
      const question = readQuestion(node, type);
      result.questions.push({
        at: start,
        ordinal,
        ...(id === undefined ? {} : { id }),
        ...question,
        pragmas,
        pragmaAt,
        ...(category ? { category } : {}),
      });
    } catch (error) {
      result.problems.push(problem(error, file));
    }
  }
  return result;
}

/** Runs of lines that are not blank, each with the number of its first line. */
function* blocks(lines: string[]): Generator<{ line: number; lines: string[] }> {
  let start = -1;
  for (let index = 0; index <= lines.length; index++) {
    const blank = index === lines.length || lines[index]!.trim() === '';
    if (!blank && start < 0) start = index;
    if (blank && start >= 0) {
      yield { line: start + 1, lines: lines.slice(start, index) };
      start = -1;
    }
  }
}

function problem(error: unknown, file: string): string {
  if (error instanceof GiftSyntaxError) return `${at({ file, ...error.at })}: ${error.message}`;
  throw error;
}

type Pragma =
  | { name: 'difficulty'; value: Difficulty }
  | { name: 'subject'; value: string }
  | { name: 'readMore'; value: ReadMore }
  | { name: 'timeLimitSeconds'; value: number }
  | { name: 'type'; value: 'ordering' | 'image-choice' };

const pragmaNames = ['@difficulty', '@subject', '@read-more', '@time-limit', '@type'].join(', ');

function readPragma(name: string, value: string, where: Where, valueAt: Where): Pragma {
  const wrong = (message: string) => new GiftSyntaxError(message, valueAt);
  switch (name) {
    case 'difficulty':
      if (value === '1' || value === '2' || value === '3') return { name, value: Number(value) as Difficulty };
      throw wrong('@difficulty is 1 (easy), 2 or 3 (hard)');
    case 'subject':
      if (Slug.safeParse(value).success) return { name, value };
      throw wrong('@subject is a subject id: lower-case letters, digits and dashes');
    case 'read-more': {
      const found = /^(\S+)(?:\s+page\s+(\d+))?$/.exec(value);
      const page = found?.[2] === undefined ? undefined : Number(found[2]);
      if (!found || !Slug.safeParse(found[1]).success || (page !== undefined && (page < 1 || page > 100_000)))
        throw wrong('@read-more names an item id, and maybe a page: // @read-more healthy-soil page 3');
      return { name: 'readMore', value: { itemId: found[1]!, ...(page === undefined ? {} : { page }) } };
    }
    case 'time-limit': {
      const seconds = /^\d+$/.test(value) ? Number(value) : NaN;
      if (seconds >= 5 && seconds <= 600) return { name: 'timeLimitSeconds', value: seconds };
      throw wrong('@time-limit is a whole number of seconds from 5 to 600');
    }
    case 'type':
      if (value === 'ordering' || value === 'image-choice') return { name, value };
      throw wrong('@type is ordering or image-choice (GIFT itself tells the other types apart)');
    default:
      throw new GiftSyntaxError(`unknown pragma @${name} (known: ${pragmaNames})`, where);
  }
}

function categoryOf(path: string, where: Where, notes: string[]): GiftQuestion['category'] {
  // `$course$/top/Soil`: the last part of the path is the most specific.
  const name = path
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^\$\w+\$$/.test(part))
    .at(-1);
  const subject = name === undefined ? '' : slugify(name);
  if (subject === '') {
    notes.push(`${at(where)}: $CATEGORY "${path}" gives no subject id; its questions need another subject`);
    return undefined;
  }
  notes.push(`${at(where)}: $CATEGORY "${path}" gives its questions the subject "${subject}"`);
  return { subject, at: where };
}

function idOf(title: string, where: Where): string {
  const id = slugify(title);
  if (id === '')
    throw new GiftSyntaxError(
      `the title "${title}" gives no question id: write titles with Latin letters or digits, the same in every language`,
      where,
    );
  return id;
}

function unsupportedKind(node: QuestionNode): UnsupportedKind | undefined {
  if (!node.answers) return 'description';
  if (node.tail.trim() !== '') return 'missing-word';
  if (node.answers.kind === 'empty') return 'essay';
  return undefined;
}

function readQuestion(
  node: QuestionNode,
  type: 'ordering' | 'image-choice' | undefined,
): Pick<GiftQuestion, 'type' | 'key' | 'text'> {
  const answers = node.answers as Exclude<AnswersNode, { kind: 'empty' }>;
  const format: GiftFormat = node.format ?? 'moodle';
  const words = (text: string | null) => (text === null ? '' : plainText(text, format));
  const prompt = words(node.stem);
  if (prompt === '') throw new GiftSyntaxError('the question has no text before its answers', answers.at);
  const common = { prompt, explanation: words(answers.general) };

  switch (answers.kind) {
    case 'true-false':
      return {
        type: 'true-false',
        key: { answer: answers.answer },
        text: {
          ...common,
          feedbackWrong: words(answers.feedback[0] ?? null),
          feedbackRight: words(answers.feedback[1] ?? null),
        },
      };
    case 'numeric':
      return {
        type: 'numeric',
        key: { answers: answers.answers.map(({ value, weight }) => ({ ...value, weight: weight ?? 100 })) },
        text: { ...common, feedback: answers.answers.map((answer) => words(answer.feedback)) },
      };
    case 'choices':
      return readChoices(answers.answers, type, common, words);
  }
}

function readChoices(
  answers: ChoiceNode[],
  type: 'ordering' | 'image-choice' | undefined,
  common: { prompt: string; explanation: string },
  words: (text: string | null) => string,
): Pick<GiftQuestion, 'type' | 'key' | 'text'> {
  const refuse = (answer: ChoiceNode, message: string) => new GiftSyntaxError(message, answer.at);
  const weight = (answer: ChoiceNode) => answer.weight ?? (answer.marker === '=' ? 100 : 0);
  const feedbackOf = (answer: ChoiceNode) => words(answer.feedback);

  if (type === 'ordering') {
    for (const answer of answers)
      if (answer.marker !== '=' || answer.weight !== null || answer.feedback !== null || answer.right !== null)
        throw refuse(answer, 'an ordering question lists its items with = in the right order, nothing else');
    return { type: 'ordering', key: {}, text: { ...common, items: answers.map((answer) => words(answer.text)) } };
  }
  if (type === 'image-choice') {
    const pictures = answers.map((answer) => {
      const found = /^!\[([^\]]*)\]\(\s*([^\s)]+)\s*\)$/.exec(answer.text.trim());
      if (!found) throw refuse(answer, 'an image choice is written as a picture: =![caption](images/cow.png)');
      return { weight: weight(answer), image: found[2]!, text: words(found[1]!), feedback: feedbackOf(answer) };
    });
    return {
      type: 'image-choice',
      key: { choices: pictures.map(({ weight, image }) => ({ weight, image })) },
      text: { ...common, choices: pictures.map(({ text, feedback }) => ({ text, feedback })) },
    };
  }
  if (answers.some((answer) => answer.right !== null)) {
    for (const answer of answers)
      if (answer.marker !== '=' || answer.right === null || answer.weight !== null || answer.feedback !== null)
        throw refuse(
          answer,
          'a matching question is written =left -> right for every pair, without weights or feedback',
        );
    const pairs = answers.map((answer) => ({ left: words(answer.text), right: words(answer.right) }));
    return { type: 'matching', key: {}, text: { ...common, pairs } };
  }
  const hasWrong = answers.some((answer) => answer.marker === '~');
  if (!hasWrong) {
    const accepted = answers.map((answer) => {
      const text = words(answer.text);
      if (text === '') throw refuse(answer, 'an accepted answer cannot be empty');
      return { text, weight: weight(answer), feedback: feedbackOf(answer) };
    });
    return { type: 'short', key: {}, text: { ...common, accepted } };
  }
  // As Moodle reads it: a right answer (=) makes it single choice, only ~ answers with weights make it multiple.
  const single = answers.some((answer) => answer.marker === '=');
  return {
    type: single ? 'single' : 'multiple',
    key: { choices: answers.map((answer) => ({ weight: weight(answer) })) },
    text: { ...common, choices: answers.map((answer) => ({ text: words(answer.text), feedback: feedbackOf(answer) })) },
  };
}
