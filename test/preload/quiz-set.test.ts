/**
 * The quiz set format: each question type parses, and each way languages can disagree with each other or
 * with the answer key is refused with a message that names the place.
 */
import { describe, expect, test } from 'vitest';
import {
  QuizSet,
  questionWords,
  quizImages,
  quizLanguages,
  type QuizSetSource,
} from '../../preload/contract/quiz-set.ts';

type Question = QuizSetSource['questions'][number];
const base = { difficulty: 2, subject: 'energy' } as const;

const everyType: Question[] = [
  {
    ...base,
    id: 'single',
    type: 'single',
    choices: [{ weight: 100 }, { weight: 50 }, { weight: 0 }],
    texts: {
      en: { prompt: 'Which?', choices: [{ text: 'a', feedback: 'yes' }, { text: 'b' }, { text: 'c' }] },
      ko: { prompt: '어느?', explanation: '설명', choices: [{ text: '가' }, { text: '나' }, { text: '다' }] },
    },
  },
  {
    ...base,
    id: 'multiple',
    type: 'multiple',
    choices: [{ weight: 50 }, { weight: 50 }, { weight: -100 }],
    texts: { en: { prompt: 'Which two?', choices: [{ text: 'a' }, { text: 'b' }, { text: 'c' }] } },
  },
  {
    ...base,
    id: 'picture',
    type: 'image-choice',
    choices: [
      { weight: 100, image: 'images/a.png' },
      { weight: 0, image: 'images/b.png' },
    ],
    texts: { zh: { prompt: '哪个？', choices: [{ text: '甲' }, { text: '' }] } },
  },
  {
    ...base,
    id: 'true-false',
    type: 'true-false',
    answer: false,
    texts: { en: { prompt: 'The sun is cold.', feedbackWrong: 'It is hot.' } },
  },
  {
    ...base,
    id: 'short',
    type: 'short',
    texts: {
      en: {
        prompt: 'Name the gas.',
        accepted: [
          { text: 'oxygen', weight: 100 },
          { text: 'O2', weight: 50 },
        ],
      },
    },
  },
  {
    ...base,
    id: 'numeric',
    type: 'numeric',
    answers: [
      { kind: 'exact', value: 3.14, tolerance: 0.01, weight: 100 },
      { kind: 'range', min: 3, max: 4, weight: 50 },
    ],
    texts: { en: { prompt: 'Pi?', feedback: ['', 'close'] } },
  },
  {
    ...base,
    id: 'matching',
    type: 'matching',
    texts: {
      en: {
        prompt: 'Match.',
        pairs: [
          { left: 'cow', right: 'milk' },
          { left: 'hen', right: 'egg' },
        ],
      },
      'mn-Mong': {
        prompt: 'ᠬᠣᠯᠪᠣ',
        pairs: [
          { left: 'ᠦᠨᠢᠶ᠎ᠡ', right: 'ᠰᠦ' },
          { left: 'ᠲᠠᠬᠢᠶ᠎ᠠ', right: 'ᠥᠨᠳᠡᠭᠡ' },
        ],
      },
    },
  },
  {
    ...base,
    id: 'ordering',
    type: 'ordering',
    texts: { en: { prompt: 'Order the steps.', items: ['dig', 'sow', 'water'] } },
  },
];

const set = (questions: Question[]): QuizSetSource => ({ format: 2, questions });
const problem = (questions: Question[]) => {
  const parsed = QuizSet.safeParse(set(questions));
  return parsed.success ? 'parsed' : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

test('every question type parses, with defaults filled in', () => {
  const quiz = QuizSet.parse(set(everyType));
  expect(quiz.timeLimitSeconds).toBe(30);
  expect(quiz.questions.map((question) => question.type)).toEqual([
    'single',
    'multiple',
    'image-choice',
    'true-false',
    'short',
    'numeric',
    'matching',
    'ordering',
  ]);
  const single = quiz.questions[0]!;
  expect(single.texts.en).toMatchObject({ explanation: '', choices: [{ feedback: 'yes' }, { feedback: '' }, {}] });
  expect(quizImages(quiz)).toEqual(['images/a.png', 'images/b.png']);
  expect(quizLanguages(quiz)).toEqual([]);
  expect(quizLanguages(QuizSet.parse(set([everyType[0]!])))).toEqual(['en', 'ko']);
  expect(questionWords(quiz.questions[6]!, 'en')).toEqual(['Match.', 'cow', 'milk', 'hen', 'egg']);
  expect(questionWords(quiz.questions[0]!, 'zh')).toEqual([]);
});

describe('refused', () => {
  const [single, multiple, , , short, numeric, matching] = everyType as [
    Extract<Question, { type: 'single' }>,
    Extract<Question, { type: 'multiple' }>,
    Question,
    Question,
    Extract<Question, { type: 'short' }>,
    Extract<Question, { type: 'numeric' }>,
    Extract<Question, { type: 'matching' }>,
  ];

  test('a language with fewer choices than the question', () => {
    const ko = { ...single.texts.ko!, choices: single.texts.ko!.choices.slice(0, 2) };
    expect(problem([{ ...single, texts: { ...single.texts, ko } }])).toEqual([
      'questions.0.texts.ko.choices: ko gives 2 choices, the question has 3',
    ]);
  });

  test('a single choice with no fully right choice', () => {
    expect(problem([{ ...single, choices: [{ weight: 90 }, { weight: 50 }, { weight: 0 }] }])).toEqual([
      'questions.0.choices: one choice must be fully right (weight 100)',
    ]);
  });

  test('multiple answers whose right weights do not add up to 100', () => {
    expect(problem([{ ...multiple, choices: [{ weight: 50 }, { weight: 40 }, { weight: -100 }] }])).toEqual([
      "questions.0.choices: the right choices' weights add up to 90, not 100",
    ]);
  });

  test('a weight outside −100…100', () => {
    expect(problem([{ ...multiple, choices: [{ weight: 150 }, { weight: -50 }, { weight: 0 }] }])).toContain(
      'questions.0.choices.0.weight: Too big: expected number to be <=100',
    );
  });

  test('a short answer with no fully right answer in one language', () => {
    const ko = { prompt: '기체?', accepted: [{ text: '산소', weight: 50 }] };
    expect(problem([{ ...short, texts: { ...short.texts, ko } }])).toEqual([
      'questions.0.texts.ko.accepted: ko has no fully right answer (weight 100)',
    ]);
  });

  test('numeric feedback that does not follow the answers, and an empty range', () => {
    const answers = [{ kind: 'range' as const, min: 5, max: 4, weight: 100 }];
    expect(problem([{ ...numeric, answers }])).toEqual([
      'questions.0.texts.en.feedback: en gives 2 feedback, the question has 1',
      'questions.0.answers.0: range 5..4 is empty',
    ]);
  });

  test('languages that give different numbers of pairs', () => {
    const en = { ...matching.texts.en!, pairs: [...matching.texts.en!.pairs, { left: 'bee', right: 'honey' }] };
    expect(problem([{ ...matching, texts: { ...matching.texts, en } }])).toEqual([
      'questions.0.texts.mn-Mong.pairs: mn-Mong gives 2 pairs, the question has 3',
    ]);
  });

  test('a picture choice without its picture', () => {
    const picture = everyType[2] as Extract<Question, { type: 'image-choice' }>;
    const choices = [{ weight: 100, image: 'a.png' }, { weight: 0 }] as typeof picture.choices;
    expect(problem([{ ...picture, choices }])).toEqual([
      'questions.0.choices.1.image: Invalid input: expected string, received undefined',
    ]);
  });

  test('a question in no language, and an id used twice', () => {
    expect(problem([{ ...single, texts: {} }, single])).toEqual([
      'questions.0: a question needs at least one language',
      'questions.1.id: question id "single" is used twice',
    ]);
  });

  test('an unknown type', () => {
    expect(problem([{ ...single, type: 'essay' } as unknown as Question])).toEqual([
      "questions.0.type: Invalid discriminator value. Expected 'single' | 'multiple' | 'image-choice' | 'true-false' | 'short' | 'numeric' | 'matching' | 'ordering'",
    ]);
  });
});
