/**
 * Quiz sets for the engine's tests, written as a publisher would and parsed by the contract's schema, so the
 * engine only ever sees what a kiosk can hold.
 */
import {
  QuizSet,
  type QuestionType,
  type QuizQuestion,
  type QuizSetSource,
} from '../../../../preload/contract/quiz-set.ts';
import type { ContentLanguage } from '../../../../preload/contract/schemas.ts';
import type { GivenAnswer, QuestionOf } from '../../../../renderer/quiz/engine/answers.ts';
import { everyText, questionText } from '../../../../renderer/quiz/engine/question-text.ts';

export type SourceQuestion = QuizSetSource['questions'][number];
const base = { difficulty: 2, subject: 'science' } as const;

export const single = {
  ...base,
  id: 'planet',
  type: 'single',
  readMore: { itemId: 'solar-system', page: 4 },
  choices: [{ weight: 0 }, { weight: 100 }, { weight: 50 }, { weight: -50 }],
  texts: {
    en: {
      prompt: 'Which planet is largest?',
      explanation: 'Jupiter is over a thousand Earths.',
      choices: [
        { text: 'Mars', feedback: 'Mars is small.' },
        { text: 'Jupiter', feedback: 'Yes.' },
        { text: 'Saturn', feedback: 'Close.' },
        { text: 'The Moon', feedback: 'Not a planet.' },
      ],
    },
    ko: {
      prompt: '가장 큰 행성은?',
      explanation: '목성은 지구 천 개보다 큽니다.',
      choices: [{ text: '화성' }, { text: '목성', feedback: '맞아요.' }, { text: '토성' }, { text: '달' }],
    },
    'mn-Cyrl': {
      prompt: 'Хамгийн том гараг аль вэ?',
      choices: [{ text: 'Ангараг' }, { text: 'Бархасбадь' }, { text: 'Санчир' }, { text: 'Сар' }],
    },
  },
} satisfies SourceQuestion;

export const multiple = {
  ...base,
  id: 'gases',
  type: 'multiple',
  choices: [{ weight: 50 }, { weight: -100 }, { weight: 50 }, { weight: 0 }, { weight: -25 }],
  texts: {
    en: {
      prompt: 'Which are gases at room temperature?',
      choices: [
        { text: 'Oxygen', feedback: 'Right, a gas.' },
        { text: 'Iron', feedback: 'Iron is a metal.' },
        { text: 'Nitrogen' },
        { text: 'Water' },
        { text: 'Salt' },
      ],
    },
    ko: {
      prompt: '실온에서 기체인 것은?',
      choices: [{ text: '산소' }, { text: '철' }, { text: '질소' }, { text: '물' }, { text: '소금' }],
    },
  },
} satisfies SourceQuestion;

export const thirds = {
  ...base,
  id: 'primary-colours',
  type: 'multiple',
  choices: [{ weight: 33.33 }, { weight: 33.33 }, { weight: 33.33 }, { weight: -100 }],
  texts: {
    en: {
      prompt: 'Primary colours of light?',
      choices: [{ text: 'Red' }, { text: 'Green' }, { text: 'Blue' }, { text: 'Brown' }],
    },
  },
} satisfies SourceQuestion;

export const imageChoice = {
  ...base,
  id: 'leaf',
  type: 'image-choice',
  choices: [
    { weight: 0, image: 'a'.repeat(64) },
    { weight: 100, image: 'b'.repeat(64) },
  ],
  texts: { en: { prompt: 'Which is an oak leaf?', choices: [{ text: 'Maple' }, { text: 'Oak' }] } },
} satisfies SourceQuestion;

export const trueFalse = {
  ...base,
  id: 'sun-cold',
  type: 'true-false',
  answer: false,
  texts: {
    en: { prompt: 'The Sun is cold.', feedbackWrong: 'It is very hot.', feedbackRight: 'Indeed, it is hot.' },
    ko: { prompt: '태양은 차갑다.', feedbackWrong: '아주 뜨거워요.' },
  },
} satisfies SourceQuestion;

export const short = {
  ...base,
  id: 'gas-we-breathe',
  type: 'short',
  texts: {
    en: {
      prompt: 'Which gas do we need to breathe?',
      accepted: [
        { text: 'Oxygen', weight: 100, feedback: 'Yes, oxygen.' },
        { text: 'O2', weight: 100 },
        { text: 'Air', weight: 50, feedback: 'Air holds it.' },
        { text: 'Nitrogen', weight: 0, feedback: 'We breathe it out again unused.' },
      ],
    },
    ko: {
      prompt: '숨 쉴 때 필요한 기체는?',
      accepted: [
        { text: '산소', weight: 100, feedback: '맞아요, 산소.' },
        { text: 'Air', weight: 100 },
      ],
    },
    'mn-Cyrl': { prompt: 'Амьсгалахад ямар хий хэрэгтэй вэ?', accepted: [{ text: 'Хүчилтөрөгч', weight: 100 }] },
    'mn-Mong': { prompt: 'ᠠᠮᠢᠰᠬᠤᠯ', accepted: [{ text: 'ᠬᠦᠴᠢᠯᠲᠦᠷᠦᠭᠴᠢ', weight: 100 }] },
  },
} satisfies SourceQuestion;

export const numeric = {
  ...base,
  id: 'pi',
  type: 'numeric',
  answers: [
    { kind: 'exact', value: 3.14, tolerance: 0.01, weight: 100 },
    { kind: 'range', min: 3, max: 4, weight: 50 },
    { kind: 'exact', value: 22, weight: -50 },
  ],
  texts: {
    en: { prompt: 'Pi to two decimals?', feedback: ['Well done.', 'Close.', 'That is 22/7 without the 7.'] },
    zh: { prompt: '圆周率？', feedback: ['好。', '接近。', ''] },
  },
} satisfies SourceQuestion;

export const matching = {
  ...base,
  id: 'classes',
  type: 'matching',
  texts: {
    en: {
      prompt: 'Match each animal to its class.',
      pairs: [
        { left: 'Whale', right: 'Mammal' },
        { left: 'Eagle', right: 'Bird' },
        { left: 'Cow', right: 'Mammal' },
        { left: 'Frog', right: 'Amphibian' },
      ],
    },
    'mn-Mong': {
      prompt: 'ᠠᠮᠢᠲᠠᠨ',
      pairs: [
        { left: 'ᠠᠯᠢᠮ', right: 'ᠬᠦᠬᠡᠲᠡᠨ' },
        { left: 'ᠪᠦᠷᠭᠦᠳ', right: 'ᠰᠢᠪᠠᠭᠤ' },
        { left: 'ᠦᠨᠢᠶ᠎ᠡ', right: 'ᠬᠦᠬᠡᠲᠡᠨ' },
        { left: 'ᠮᠡᠯᠡᠬᠡᠢ', right: 'ᠬᠣᠣᠰ' },
      ],
    },
  },
} satisfies SourceQuestion;

export const ordering = {
  ...base,
  id: 'life-cycle',
  type: 'ordering',
  timeLimitSeconds: 60,
  texts: {
    en: { prompt: 'Put the life cycle in order.', items: ['Egg', 'Caterpillar', 'Pupa', 'Butterfly'] },
    ko: { prompt: '순서대로 놓으세요.', items: ['알', '애벌레', '번데기', '나비'] },
  },
} satisfies SourceQuestion;

export const everyType = [single, multiple, imageChoice, trueFalse, short, numeric, matching, ordering];

export function quizOf(questions: SourceQuestion[], timeLimitSeconds = 20): QuizSet {
  return QuizSet.parse({ format: 2, timeLimitSeconds, questions } satisfies QuizSetSource);
}

/** One question, parsed, as its type. */
export function parsed<T extends QuestionType>(type: T, source: SourceQuestion): QuestionOf<T> {
  const question = quizOf([source]).questions[0]!;
  if (question.type !== type) throw new TypeError(`${question.id} is a ${question.type} question`);
  return question as QuestionOf<T>;
}

/** A fully right answer to `question`, as a screen showing it in `language` would give it. */
export function rightAnswer(question: QuizQuestion, language: ContentLanguage): GivenAnswer {
  switch (question.type) {
    case 'single':
    case 'image-choice':
      return { type: question.type, choice: question.choices.findIndex((choice) => choice.weight === 100) };
    case 'multiple':
      return {
        type: 'multiple',
        choices: question.choices.flatMap((choice, index) => (choice.weight > 0 ? [index] : [])),
      };
    case 'true-false':
      return { type: 'true-false', value: question.answer };
    case 'short': {
      const { text } = questionText(question, language);
      return { type: 'short', text: text.accepted.find((accepted) => accepted.weight === 100)!.text };
    }
    case 'numeric': {
      const answer = question.answers.find((candidate) => candidate.weight === 100)!;
      return { type: 'numeric', value: answer.kind === 'exact' ? answer.value : answer.min };
    }
    case 'matching':
      return { type: 'matching', rights: questionText(question, language).text.pairs.map((_, index) => index) };
    case 'ordering':
      return { type: 'ordering', order: questionText(question, language).text.items.map((_, index) => index) };
  }
}

/** An answer worth nothing to `question`. */
export function wrongAnswer(question: QuizQuestion): GivenAnswer {
  switch (question.type) {
    case 'single':
    case 'image-choice':
      return { type: question.type, choice: question.choices.findIndex((choice) => choice.weight <= 0) };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'true-false':
      return { type: 'true-false', value: !question.answer };
    case 'short':
      return { type: 'short', text: 'no such answer' };
    case 'numeric':
      return { type: 'numeric', value: -1e9 };
    case 'matching':
      return { type: 'matching', rights: everyText(question)[0]!.pairs.map(() => null) };
    case 'ordering': {
      const length = everyText(question)[0]!.items.length;
      return { type: 'ordering', order: Array.from({ length }, (_, index) => (index + 1) % length) };
    }
  }
}
