/**
 * Compiles GIFT files, one per content language, into one quiz set (format 2). Questions are matched across
 * the files by their `::title::`, which becomes the question's id; the answer key must be the same in each
 * language, and every disagreement is reported naming both files.
 */
import { QuizSet, type QuizSetSource } from '../../../preload/contract/quiz-set.ts';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import {
  at,
  pragmaSpelling,
  readGiftFile,
  type Difficulty,
  type GiftQuestion,
  type Pragmas,
  type SkippedQuestion,
  type Where,
} from './gift-file.ts';

export interface GiftInput {
  language: ContentLanguage;
  /** How messages name the file: the path as the publisher gave it. */
  file: string;
  text: string;
}

export interface GiftOptions {
  /** Refuse question types the quiz set does not have, instead of skipping them. */
  strict?: boolean;
  /** For questions whose subject neither a pragma nor a `$CATEGORY` gives. */
  subject?: string;
  /** For questions without `// @difficulty`; 2 when absent. */
  difficulty?: Difficulty;
}

export interface GiftResult {
  quiz: QuizSet;
  /** What the publisher should know: skipped questions, the subjects `$CATEGORY` gave. */
  notes: string[];
}

export class GiftError extends Error {
  override readonly name = 'GiftError';
  /** One line per problem, each starting with `file:line:column`. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the GIFT files:\n  ${problems.join('\n  ')}`,
    );
    this.problems = problems;
  }
}

type QuestionSource = QuizSetSource['questions'][number];

const typeNames: Record<GiftQuestion['type'] | SkippedQuestion['kind'], string> = {
  single: 'a single-choice question',
  multiple: 'a multiple-answer question',
  'image-choice': 'an image choice',
  'true-false': 'a true/false question',
  short: 'a short-answer question',
  numeric: 'a numeric question',
  matching: 'a matching question',
  ordering: 'an ordering question',
  essay: 'an essay question',
  description: 'a description (no answers)',
  'missing-word': 'a missing-word question (text after the answers)',
};

interface Found {
  language: ContentLanguage;
  question: GiftQuestion | SkippedQuestion;
}

export function compileGift(inputs: readonly GiftInput[], options: GiftOptions = {}): GiftResult {
  const problems: string[] = [];
  const notes: string[] = [];
  const several = inputs.length > 1;
  // Questions by id, in the order the first file that has each gives them.
  const byId = new Map<string, Found[]>();
  for (const input of inputs) {
    const read = readGiftFile(input.text, input.file);
    problems.push(...read.problems);
    notes.push(...read.notes);
    const all = [...read.questions, ...read.skipped].sort((a, b) => a.at.line - b.at.line);
    for (const question of all) {
      if (question.id === undefined && !('type' in question)) {
        skip(question, undefined, options, problems, notes);
        continue;
      }
      if (question.id === undefined && several) {
        problems.push(`${at(question.at)}: give the question a ::title::, which matches it across the languages`);
        continue;
      }
      const id = question.id ?? `question-${(question as GiftQuestion).ordinal}`;
      const found = byId.get(id) ?? [];
      found.push({ language: input.language, question });
      byId.set(id, found);
    }
  }

  const questions: { source: QuestionSource; at: Where }[] = [];
  for (const [id, found] of byId) {
    const merged = merge(id, found, inputs, options, problems, notes);
    if (merged) questions.push(merged);
  }
  if (problems.length > 0) throw new GiftError(problems);

  const parsed = QuizSet.safeParse({ format: 2, questions: questions.map((question) => question.source) });
  if (!parsed.success) {
    throw new GiftError(
      parsed.error.issues.map((issue) => {
        const [top, index, ...rest] = issue.path;
        const question = top === 'questions' && typeof index === 'number' ? questions[index] : undefined;
        if (!question)
          return `${inputs.map((input) => input.file).join(', ')}: ${issue.path.join('.')}: ${issue.message}`;
        return `${at(question.at)}: ${[question.source.id, ...rest].join('.')}: ${issue.message}`;
      }),
    );
  }
  return { quiz: parsed.data, notes };
}

function merge(
  id: string,
  found: Found[],
  inputs: readonly GiftInput[],
  options: GiftOptions,
  problems: string[],
  notes: string[],
): { source: QuestionSource; at: Where } | undefined {
  const [first] = found as [Found, ...Found[]];
  const where = at(first.question.at);
  const supported = found.filter((entry): entry is Found & { question: GiftQuestion } => 'type' in entry.question);
  if (supported.length === 0) {
    for (const entry of found) skip(entry.question as SkippedQuestion, id, options, problems, notes);
    return undefined;
  }
  const languages = new Set(found.map((entry) => entry.language));
  for (const input of inputs)
    if (!languages.has(input.language)) problems.push(`${where}: question "${id}" is missing from ${input.file}`);
  for (const entry of found.slice(1)) {
    if (entry.language === first.language)
      problems.push(`${at(entry.question.at)}: question "${id}" is also at ${where}`);
  }
  const [reference] = supported as [Found & { question: GiftQuestion }];
  const base = reference.question;
  for (const entry of found) {
    if (entry === reference) continue;
    const other = entry.question;
    const otherType = 'type' in other ? other.type : other.kind;
    if (otherType !== base.type) {
      problems.push(
        `${at(other.at)}: "${id}" is ${typeNames[otherType]} here but ${typeNames[base.type]} in ${at(base.at)}`,
      );
    } else if ('type' in other) {
      const difference = keyDifference(base, other);
      if (difference) problems.push(`${at(other.at)}: "${id}" ${difference} in ${at(base.at)}`);
    }
  }

  const questions = supported.map((entry) => entry.question);
  const pragma = <K extends keyof Pragmas>(name: K): Pragmas[K] => {
    const given = questions.filter((question) => question.pragmas[name] !== undefined);
    for (const question of given.slice(1)) {
      if (JSON.stringify(question.pragmas[name]) !== JSON.stringify(given[0]!.pragmas[name]))
        problems.push(
          `${at(question.pragmaAt[name]!)}: "${id}" has another ${pragmaSpelling[name]} at ${at(given[0]!.pragmaAt[name]!)}`,
        );
    }
    return given[0]?.pragmas[name];
  };
  const subject = pragma('subject') ?? categorySubject(id, questions, problems) ?? options.subject;
  if (subject === undefined)
    problems.push(`${at(base.at)}: "${id}" has no subject: add // @subject SLUG before it, a $CATEGORY, or --subject`);
  const difficulty = pragma('difficulty') ?? options.difficulty ?? 2;
  const readMore = pragma('readMore');
  const timeLimitSeconds = pragma('timeLimitSeconds');
  const texts = Object.fromEntries(
    supported.map((entry) => [entry.language, entry.question.text]),
  ) as QuestionSource['texts'];
  // The union's members differ only in the fields `key` and `texts` carry; QuizSet checks the result.
  const source = {
    id,
    type: base.type,
    difficulty,
    subject: subject ?? '',
    ...(readMore ? { readMore } : {}),
    ...(timeLimitSeconds ? { timeLimitSeconds } : {}),
    ...base.key,
    texts,
  } as QuestionSource;
  return { source, at: base.at };
}

/** `$CATEGORY` gives a default only: files whose categories name different subjects are asked to say which. */
function categorySubject(id: string, questions: GiftQuestion[], problems: string[]): string | undefined {
  const given = questions.flatMap((question) => (question.category ? [question.category] : []));
  for (const category of given.slice(1)) {
    if (category.subject !== given[0]!.subject)
      problems.push(
        `${at(category.at)}: $CATEGORY gives "${id}" the subject "${category.subject}", ${at(given[0]!.at)} gives ` +
          `"${given[0]!.subject}": add // @subject before the question`,
      );
  }
  return given[0]?.subject;
}

/** How `other`'s answer key differs from `base`'s ("has 4 choices here but 3"), or undefined. */
function keyDifference(base: GiftQuestion, other: GiftQuestion): string | undefined {
  const count = ({ key, text }: GiftQuestion): [string, number] | undefined => {
    if ('choices' in key) return ['choices', key.choices.length];
    if ('answers' in key) return ['answers', key.answers.length];
    if ('pairs' in text) return ['pairs', text.pairs.length];
    if ('items' in text) return ['items', text.items.length];
    return undefined;
  };
  const [field, baseCount] = count(base) ?? [];
  const otherCount = count(other)?.[1];
  if (field && otherCount !== baseCount) return `has ${otherCount} of its ${field} here but ${baseCount}`;
  if ('answer' in base.key && 'answer' in other.key && base.key.answer !== other.key.answer)
    return `is ${String(other.key.answer)} here but ${String(base.key.answer)}`;
  if ('choices' in base.key && 'choices' in other.key) {
    for (const [index, choice] of base.key.choices.entries()) {
      const theirs = other.key.choices[index]!;
      if (theirs.weight !== choice.weight)
        return `gives choice ${index + 1} ${theirs.weight}% here but ${choice.weight}%`;
      if (theirs.image !== choice.image)
        return `shows ${theirs.image ?? 'no picture'} as choice ${index + 1} here but ${choice.image ?? 'none'}`;
    }
  }
  if ('answers' in base.key && JSON.stringify(base.key) !== JSON.stringify(other.key))
    return 'accepts other numbers here than';
  return undefined;
}

function skip(
  question: SkippedQuestion,
  id: string | undefined,
  options: GiftOptions,
  problems: string[],
  notes: string[],
): void {
  const name = id === undefined ? 'a question' : `"${id}"`;
  const kind = typeNames[question.kind];
  if (options.strict) problems.push(`${at(question.at)}: ${name} is ${kind}, which quiz sets do not have`);
  else notes.push(`${at(question.at)}: skipped ${name}, ${kind}, which quiz sets do not have`);
}
