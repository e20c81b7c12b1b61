/**
 * Which language a question is shown in: the visitor's when the question has it, else the nearest one it has,
 * so a quiz written in fewer languages than the kiosk offers still shows every question.
 */
import type { QuizQuestion } from '../../../preload/contract/quiz-set.ts';
import { ContentLanguage } from '../../../preload/contract/schemas.ts';

/**
 * The languages tried for `language`, in order: itself; for Mongolian the other script (the same language);
 * English, which most quizzes have; then the rest in the contract's order.
 */
export function fallbackLanguages(language: ContentLanguage): ContentLanguage[] {
  const otherScript: ContentLanguage[] =
    language === 'mn-Cyrl' ? ['mn-Mong'] : language === 'mn-Mong' ? ['mn-Cyrl'] : [];
  return [...new Set<ContentLanguage>([language, ...otherScript, 'en', ...ContentLanguage.options])];
}

/** A question's words in one language. */
export type QuestionTexts<Q extends QuizQuestion> = NonNullable<Q['texts'][ContentLanguage]>;

/** The question's words in `language` or its nearest fallback, and which language that is. */
export function questionText<Q extends QuizQuestion>(
  question: Q,
  language: ContentLanguage,
): { language: ContentLanguage; text: QuestionTexts<Q> } {
  for (const candidate of fallbackLanguages(language)) {
    const text = question.texts[candidate];
    if (text) return { language: candidate, text: text as QuestionTexts<Q> };
  }
  // The schema refuses a question without a language, so a parsed quiz never gets here.
  throw new Error(`question "${question.id}" has no text in any language`);
}

/** The question's words in every language it has, for what must agree across languages. */
export function everyText<Q extends QuizQuestion>(question: Q): QuestionTexts<Q>[] {
  return Object.values(question.texts).filter((text) => text !== undefined) as QuestionTexts<Q>[];
}
