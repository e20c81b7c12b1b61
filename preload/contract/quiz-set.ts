/**
 * The file a `quiz` item carries as its main file (application/json): a set of questions, each in one or
 * more content languages. The publisher writes it (by hand or from GIFT); kiosks check it with this schema
 * before they copy a pack, and the renderer receives it through the contract, so a quiz the kiosk holds
 * always parses.
 *
 * What does not depend on the language (the kind of question, which choices are right and by how much, the
 * numbers a numeric answer accepts) is given once; each language gives the words, in the same order, so an
 * answer given in one language stays right after the visitor switches language.
 */
import { z } from 'zod';
import { ContentLanguage, Slug } from './schemas.ts';

/**
 * Kiosks read a quiz file whole before parsing it, at import, so it is bounded: a set at the schema's
 * limits with every character three bytes of UTF-8 stays under this, and real quizzes are a few hundred kilobytes.
 */
export const MAX_QUIZ_BYTES = 16 * 1024 * 1024;
export const MAX_QUESTIONS = 2_000;
export const MAX_CHOICES = 10;
export const MAX_PAIRS = 10;
export const MAX_ACCEPTED = 20;

/** Credit in percent, as GIFT writes it (`%50%`, `%-25%`): negative weights take points away. */
export const Weight = z.number().min(-100).max(100);
const Prompt = z.string().min(1).max(2_000);
const Explanation = z.string().max(2_000);
const Feedback = z.string().max(1_000);
const Label = z.string().min(1).max(300);

/**
 * A picture the question shows: in a pack, the SHA-256 of one of the item's `attachment` files; in a
 * publisher's source file, a path relative to the source folder, which `publish build` turns into that hash.
 */
export const ImageRef = z.string().min(1).max(500);

/** 1 easy, 2 middling, 3 hard: what the staff's "difficult questions" chart compares against. */
export const Difficulty = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** "Read more": the reader opens this catalog item, at this page when one is given. */
export const ReadMore = z.strictObject({
  itemId: Slug,
  page: z.number().int().min(1).max(100_000).optional(),
});

const common = {
  id: Slug,
  difficulty: Difficulty,
  subject: Slug,
  readMore: ReadMore.optional(),
  /** Seconds to answer in a timed attempt (contests); the quiz's own default when absent. */
  timeLimitSeconds: z.number().int().min(5).max(600).optional(),
};

/** The words every question has in each of its languages. */
const textCommon = {
  prompt: Prompt,
  /** GIFT's general feedback (`####`): shown after any answer. */
  explanation: Explanation.default(''),
};

const ChoiceText = z.strictObject({ text: z.string().max(300), feedback: Feedback.default('') });

/** One choice: its credit and, for image choice, its picture. */
const Choice = z.strictObject({ weight: Weight, image: ImageRef.optional() });

/** One right answer wins, the rest may give part credit (GIFT `=`, `~%50%`). */
const SingleChoice = z.strictObject({
  ...common,
  type: z.literal('single'),
  choices: z.array(Choice).min(2).max(MAX_CHOICES),
  texts: z.partialRecord(ContentLanguage, z.strictObject({ ...textCommon, choices: z.array(ChoiceText) })),
});

/** Several choices to tick; their weights add up (GIFT `~%50%a ~%50%b ~%-100%c`). */
const MultipleChoice = z.strictObject({
  ...common,
  type: z.literal('multiple'),
  choices: z.array(Choice).min(2).max(MAX_CHOICES),
  texts: z.partialRecord(ContentLanguage, z.strictObject({ ...textCommon, choices: z.array(ChoiceText) })),
});

/** One picture is right; each choice's text is its caption, read aloud and shown under it. */
const ImageChoice = z.strictObject({
  ...common,
  type: z.literal('image-choice'),
  choices: z
    .array(z.strictObject({ weight: Weight, image: ImageRef }))
    .min(2)
    .max(MAX_CHOICES),
  texts: z.partialRecord(ContentLanguage, z.strictObject({ ...textCommon, choices: z.array(ChoiceText) })),
});

const TrueFalse = z.strictObject({
  ...common,
  type: z.literal('true-false'),
  answer: z.boolean(),
  texts: z.partialRecord(
    ContentLanguage,
    z.strictObject({
      ...textCommon,
      /** GIFT `{T#wrong#right}`: shown after a wrong and after a right answer. */
      feedbackWrong: Feedback.default(''),
      feedbackRight: Feedback.default(''),
    }),
  ),
});

const Accepted = z.strictObject({ text: z.string().min(1).max(200), weight: Weight, feedback: Feedback.default('') });

/**
 * Typed on the on-screen keyboard. Accepted answers are per language (the words differ); an answer matches
 * after width, case and Unicode normalisation (NFKC, case folded, spaces collapsed).
 */
const ShortAnswer = z.strictObject({
  ...common,
  type: z.literal('short'),
  texts: z.partialRecord(
    ContentLanguage,
    z.strictObject({ ...textCommon, accepted: z.array(Accepted).min(1).max(MAX_ACCEPTED) }),
  ),
});

/** GIFT `{#3.14:0.01}` and `{#1..5}`: a value within a tolerance, or a closed range. */
export const NumericAnswer = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('exact'),
    value: z.number(),
    tolerance: z.number().min(0).default(0),
    weight: Weight,
  }),
  z.strictObject({ kind: z.literal('range'), min: z.number(), max: z.number(), weight: Weight }),
]);

const Numeric = z.strictObject({
  ...common,
  type: z.literal('numeric'),
  answers: z.array(NumericAnswer).min(1).max(MAX_ACCEPTED),
  texts: z.partialRecord(
    ContentLanguage,
    /** `feedback[i]` goes with `answers[i]`. */
    z.strictObject({ ...textCommon, feedback: z.array(Feedback) }),
  ),
});

/** Left items matched to right items; the right one for `pairs[i].left` is `pairs[i].right`. */
const Matching = z.strictObject({
  ...common,
  type: z.literal('matching'),
  texts: z.partialRecord(
    ContentLanguage,
    z.strictObject({
      ...textCommon,
      pairs: z
        .array(z.strictObject({ left: Label, right: Label }))
        .min(2)
        .max(MAX_PAIRS),
    }),
  ),
});

/** Items to put in order; `items` is the right order. */
const Ordering = z.strictObject({
  ...common,
  type: z.literal('ordering'),
  texts: z.partialRecord(
    ContentLanguage,
    z.strictObject({ ...textCommon, items: z.array(Label).min(2).max(MAX_PAIRS) }),
  ),
});

export const QuestionType = z.enum([
  'single',
  'multiple',
  'image-choice',
  'true-false',
  'short',
  'numeric',
  'matching',
  'ordering',
]);
export type QuestionType = z.infer<typeof QuestionType>;

export const QuizQuestion = z
  .discriminatedUnion('type', [
    SingleChoice,
    MultipleChoice,
    ImageChoice,
    TrueFalse,
    ShortAnswer,
    Numeric,
    Matching,
    Ordering,
  ])
  .superRefine((question, ctx) => {
    const texts = Object.entries(question.texts) as [ContentLanguage, Record<string, unknown>][];
    if (texts.length === 0) ctx.addIssue({ code: 'custom', message: 'a question needs at least one language' });
    for (const problem of structureProblems(question)) ctx.addIssue({ code: 'custom', ...problem });
  });
export type QuizQuestion = z.infer<typeof QuizQuestion>;

export const QuizSet = z
  .strictObject({
    format: z.literal(2),
    /** Seconds per question in a timed attempt, unless the question says otherwise. */
    timeLimitSeconds: z.number().int().min(5).max(600).default(30),
    questions: z.array(QuizQuestion).min(1).max(MAX_QUESTIONS),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((question, index) => {
      if (seen.has(question.id))
        ctx.addIssue({
          code: 'custom',
          message: `question id "${question.id}" is used twice`,
          path: ['questions', index, 'id'],
        });
      seen.add(question.id);
    });
  });
export type QuizSet = z.infer<typeof QuizSet>;
/** What a publisher writes: defaults not yet filled in. */
export type QuizSetSource = z.input<typeof QuizSet>;

/** The languages every question of the set is written in. */
export function quizLanguages(quiz: QuizSet): ContentLanguage[] {
  return ContentLanguage.options.filter((language) => quiz.questions.every((question) => question.texts[language]));
}

/** Every picture the set shows, once each. */
export function quizImages(quiz: QuizSet): string[] {
  return [
    ...new Set(
      quiz.questions.flatMap((question) =>
        'choices' in question ? question.choices.flatMap((choice) => (choice.image ? [choice.image] : [])) : [],
      ),
    ),
  ];
}

/** The words of a question in one language, for the catalog's full-text search. */
export function questionWords(question: QuizQuestion, language: ContentLanguage): string[] {
  const text = question.texts[language];
  if (!text) return [];
  const words = [text.prompt, text.explanation];
  if ('choices' in text) words.push(...text.choices.map((choice) => choice.text));
  if ('pairs' in text) words.push(...text.pairs.flatMap((pair) => [pair.left, pair.right]));
  if ('items' in text) words.push(...text.items);
  return words.filter((word) => word.length > 0);
}

interface Problem {
  message: string;
  path: (string | number)[];
}

/** How many choices, feedbacks, pairs or items one language gives, where that must agree across languages. */
function listLength(text: object): [field: string, length: number] | undefined {
  for (const field of ['choices', 'feedback', 'pairs', 'items']) {
    const list: unknown = (text as Record<string, unknown>)[field];
    if (Array.isArray(list)) return [field, list.length];
  }
  return undefined;
}

/** What the per-type schemas cannot say alone: languages agree with each other and with the answer key. */
function structureProblems(question: QuizQuestion): Problem[] {
  const problems: Problem[] = [];
  const texts = Object.entries(question.texts) as [ContentLanguage, object][];
  const expected =
    'choices' in question ? question.choices.length : 'answers' in question ? question.answers.length : undefined;
  const lengths = texts.flatMap(([language, text]) => {
    const found = listLength(text);
    return found ? [{ language, field: found[0], length: found[1] }] : [];
  });
  const target = expected ?? lengths[0]?.length;
  for (const { language, field, length } of lengths) {
    if (length !== target)
      problems.push({
        message: `${language} gives ${length} ${field}, the question has ${target}`,
        path: ['texts', language, field],
      });
  }
  switch (question.type) {
    case 'single':
    case 'image-choice':
      if (!question.choices.some((choice) => choice.weight === 100))
        problems.push({ message: 'one choice must be fully right (weight 100)', path: ['choices'] });
      break;
    case 'multiple': {
      const positive = question.choices.reduce((sum, choice) => sum + Math.max(0, choice.weight), 0);
      if (Math.abs(positive - 100) > 0.5)
        problems.push({ message: `the right choices' weights add up to ${positive}, not 100`, path: ['choices'] });
      break;
    }
    case 'short':
      for (const [language, text] of Object.entries(question.texts)) {
        if (text && !text.accepted.some((answer) => answer.weight === 100))
          problems.push({
            message: `${language} has no fully right answer (weight 100)`,
            path: ['texts', language, 'accepted'],
          });
      }
      break;
    case 'numeric':
      if (!question.answers.some((answer) => answer.weight === 100))
        problems.push({ message: 'one answer must be fully right (weight 100)', path: ['answers'] });
      question.answers.forEach((answer, index) => {
        if (answer.kind === 'range' && answer.min > answer.max)
          problems.push({ message: `range ${answer.min}..${answer.max} is empty`, path: ['answers', index] });
      });
      break;
    case 'true-false':
    case 'matching':
    case 'ordering':
      break;
  }
  return problems;
}
