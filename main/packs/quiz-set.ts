/**
 * The file a `quiz` item carries as its main file (application/json): questions with choices, the answer
 * and an explanation per content language. The publisher validates it; kiosks check it with the same schema
 * before they copy a pack (`verifyPack`), so a quiz the kiosk holds always parses.
 */
import { z } from 'zod';
import { ContentLanguage, Slug } from '../../preload/contract/schemas.ts';

/**
 * Kiosks read a quiz file whole before parsing it, at import, so it is bounded: a set at the schema's
 * limits with every character three bytes of UTF-8 stays under this, and real quizzes are a few kilobytes.
 */
export const MAX_QUIZ_BYTES = 8 * 1024 * 1024;

export const QuizQuestionText = z.strictObject({
  prompt: z.string().min(1).max(500),
  /** In the same order in every language, so `answer` indexes them all. */
  choices: z.array(z.string().min(1).max(200)).min(2).max(6),
  explanation: z.string().max(1_000),
});

export const QuizQuestion = z
  .strictObject({
    id: Slug,
    /** Index into `choices`. */
    answer: z.number().int().min(0).max(5),
    texts: z.partialRecord(ContentLanguage, QuizQuestionText),
  })
  .superRefine((question, ctx) => {
    const texts = Object.entries(question.texts);
    if (texts.length === 0) ctx.addIssue({ code: 'custom', message: 'a question needs at least one language' });
    const counts = new Set(texts.map(([, text]) => text.choices.length));
    if (counts.size > 1)
      ctx.addIssue({ code: 'custom', message: 'every language must offer the same number of choices' });
    for (const [language, text] of texts) {
      if (question.answer >= text.choices.length) {
        ctx.addIssue({
          code: 'custom',
          message: `answer ${question.answer} has no choice in ${language}`,
          path: ['answer'],
        });
      }
    }
  });
export type QuizQuestion = z.infer<typeof QuizQuestion>;

export const QuizSet = z.strictObject({
  format: z.literal(1),
  questions: z.array(QuizQuestion).min(1).max(200),
});
export type QuizSet = z.infer<typeof QuizSet>;

/** The languages every question of the set is written in. */
export function quizLanguages(quiz: QuizSet): ContentLanguage[] {
  return ContentLanguage.options.filter((language) => quiz.questions.every((question) => question.texts[language]));
}
