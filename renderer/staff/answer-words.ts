/**
 * Which answer a statistics key stands for (docs/stats-format.md: `c2`, `c0+c3`, `none`, `true`, `a-ko-1`,
 * `n0`, `other`, `right`, `wrong`, `timeout`), in what the staff screen can put into words: the choice's
 * letter and text, the accepted answer as the publisher wrote it, the number. Without the quiz (removed
 * since, or not read) a key still reads as "choice B" or "accepted answer 2".
 */
import type { QuizQuestion } from '../../preload/contract/quiz-set.ts';
import { ContentLanguage } from '../../preload/contract/schemas.ts';
import { questionText } from '../quiz/engine/question-text.ts';

export type AnswerWords =
  /** Choices by their key index; `texts` when the question is at hand. */
  | { kind: 'choices'; letters: string[]; texts?: string[] }
  | { kind: 'accepted'; language: ContentLanguage; number: number; text?: string }
  | { kind: 'number'; number: number; value?: string }
  | { kind: 'none' | 'true' | 'false' | 'other' | 'right' | 'wrong' | 'timeout' }
  /** A key this screen does not know (a newer kiosk's): shown as it is. */
  | { kind: 'unknown'; key: string };

const letter = (index: number) => String.fromCharCode(65 + index);

export function answerWords(key: string, question: QuizQuestion | undefined, language: ContentLanguage): AnswerWords {
  if (/^c\d+(\+c\d+)*$/.test(key)) {
    const indices = key.split('+').map((part) => Number(part.slice(1)));
    const letters = indices.map(letter);
    if (question && 'choices' in question) {
      const { text } = questionText(question, language);
      const texts = indices.map((index) => text.choices[index]?.text);
      if (texts.every((entry) => entry !== undefined && entry !== ''))
        return { kind: 'choices', letters, texts: texts as string[] };
    }
    return { kind: 'choices', letters };
  }
  const accepted = /^a-(.+)-(\d+)$/.exec(key);
  if (accepted && ContentLanguage.safeParse(accepted[1]).success) {
    const answerLanguage = accepted[1] as ContentLanguage;
    const index = Number(accepted[2]);
    // The key names the list it matched in: that language's accepted answer, whatever the staff read in.
    const text = question?.type === 'short' ? question.texts[answerLanguage]?.accepted[index]?.text : undefined;
    return { kind: 'accepted', language: answerLanguage, number: index + 1, ...(text ? { text } : {}) };
  }
  const numeric = /^n(\d+)$/.exec(key);
  if (numeric) {
    const index = Number(numeric[1]);
    const answer = question?.type === 'numeric' ? question.answers[index] : undefined;
    const value =
      answer === undefined
        ? undefined
        : answer.kind === 'range'
          ? `${answer.min}–${answer.max}`
          : answer.tolerance > 0
            ? `${answer.value} ± ${answer.tolerance}`
            : `${answer.value}`;
    return { kind: 'number', number: index + 1, ...(value ? { value } : {}) };
  }
  switch (key) {
    case 'none':
    case 'true':
    case 'false':
    case 'other':
    case 'right':
    case 'wrong':
    case 'timeout':
      return { kind: key };
    default:
      return { kind: 'unknown', key };
  }
}
