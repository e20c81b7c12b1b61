/**
 * The GIFT compiler: every GIFT construct that maps onto a quiz set's types, every escape, the pragmas of our
 * extension, CRLF and BOM, malformed input named by line and column, unsupported types skipped or refused,
 * and questions matched across languages by their titles.
 */
import { describe, expect, test } from 'vitest';
import { QuizSet, type QuizQuestion } from '../../../preload/contract/quiz-set.ts';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import { GiftError, compileGift, type GiftOptions } from '../../../tools/publish/gift/compile-gift.ts';

const defaults: GiftOptions = { subject: 'energy' };

function compile(text: string, options: GiftOptions = defaults) {
  return compileGift([{ language: 'en', file: 'quiz.en.gift', text }], options);
}

/** The one question `text` holds. */
function question(text: string, options?: GiftOptions): QuizQuestion {
  const { quiz } = compile(text, options);
  expect(quiz.questions).toHaveLength(1);
  return quiz.questions[0]!;
}

function problems(inputs: string | { language: ContentLanguage; file: string; text: string }[], options = defaults) {
  const given = typeof inputs === 'string' ? [{ language: 'en' as const, file: 'quiz.en.gift', text: inputs }] : inputs;
  try {
    compileGift(given, options);
  } catch (error) {
    if (error instanceof GiftError) return error.problems;
    throw error;
  }
  throw new Error('expected the GIFT to be refused');
}

describe('each question type', () => {
  test('single choice: = is right, ~ wrong or part right, # feedback, #### the explanation', () => {
    expect(
      question(`::Soil pH!:: Which soil suits most crops? {
  =Slightly acid#Yes: pH 6 to 7.
  ~%50%Neutral#Nearly.
  ~Very alkaline
  ####Most nutrients dissolve best between pH 6 and 7.
}`),
    ).toEqual({
      id: 'soil-ph',
      type: 'single',
      difficulty: 2,
      subject: 'energy',
      choices: [{ weight: 100 }, { weight: 50 }, { weight: 0 }],
      texts: {
        en: {
          prompt: 'Which soil suits most crops?',
          explanation: 'Most nutrients dissolve best between pH 6 and 7.',
          choices: [
            { text: 'Slightly acid', feedback: 'Yes: pH 6 to 7.' },
            { text: 'Neutral', feedback: 'Nearly.' },
            { text: 'Very alkaline', feedback: '' },
          ],
        },
      },
    });
  });

  test('multiple answers: only ~ with weights, negative ones too', () => {
    const found = question('::gases:: Which are gases? {~%50%Oxygen ~%50%Steam#Hot water vapour ~%-100%Iron}');
    expect(found).toMatchObject({
      type: 'multiple',
      choices: [{ weight: 50 }, { weight: 50 }, { weight: -100 }],
      texts: {
        en: { choices: [{ text: 'Oxygen' }, { text: 'Steam', feedback: 'Hot water vapour' }, { text: 'Iron' }] },
      },
    });
    expect(question('::w:: Which? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-50%d}').type).toBe('multiple');
  });

  test('true or false, short and long, with the wrong and right answer feedback', () => {
    expect(question('::a:: The Sun is a star. {T}')).toMatchObject({ type: 'true-false', answer: true });
    expect(question('::a:: The Sun is a star. {TRUE}')).toMatchObject({ answer: true });
    expect(question('::a:: The Moon makes its own light. {F}')).toMatchObject({ answer: false });
    expect(
      question('::a:: The Moon makes its own light. {FALSE#It only reflects sunlight.#Right: it reflects.####Look.}'),
    ).toMatchObject({
      answer: false,
      texts: {
        en: { feedbackWrong: 'It only reflects sunlight.', feedbackRight: 'Right: it reflects.', explanation: 'Look.' },
      },
    });
  });

  test('short answer: = answers only, with weights and feedback', () => {
    expect(question('::gas:: Which gas do plants give off? {=oxygen =%50%O2#Its formula: give the name.}')).toEqual({
      id: 'gas',
      type: 'short',
      difficulty: 2,
      subject: 'energy',
      texts: {
        en: {
          prompt: 'Which gas do plants give off?',
          explanation: '',
          accepted: [
            { text: 'oxygen', weight: 100, feedback: '' },
            { text: 'O2', weight: 50, feedback: 'Its formula: give the name.' },
          ],
        },
      },
    });
  });

  test('numeric: a value with a tolerance, a range, several answers with weights and feedback', () => {
    expect(question('::pi:: Pi to two places? {#3.14:0.01}')).toMatchObject({
      type: 'numeric',
      answers: [{ kind: 'exact', value: 3.14, tolerance: 0.01, weight: 100 }],
      texts: { en: { feedback: [''] } },
    });
    expect(question('::legs:: How many legs has an insect? {#6}')).toMatchObject({
      answers: [{ kind: 'exact', value: 6, tolerance: 0, weight: 100 }],
    });
    expect(question('::r:: A number from one to five? {#1..5}')).toMatchObject({
      answers: [{ kind: 'range', min: 1, max: 5, weight: 100 }],
    });
    expect(question('::cold:: Coldest? {# -5 .. -1.5 #Below zero}')).toMatchObject({
      answers: [{ kind: 'range', min: -5, max: -1.5, weight: 100 }],
      texts: { en: { feedback: ['Below zero'] } },
    });
    expect(question('::pi:: Pi? {#=%100%3.14:0.01#Well done =%50%3:1#Close ####Pi is 3.14159…}')).toMatchObject({
      answers: [
        { kind: 'exact', value: 3.14, tolerance: 0.01, weight: 100 },
        { kind: 'exact', value: 3, tolerance: 1, weight: 50 },
      ],
      texts: { en: { feedback: ['Well done', 'Close'], explanation: 'Pi is 3.14159…' } },
    });
    expect(question('::big:: Speed of light in m/s? {#3e8:1e7}')).toMatchObject({
      answers: [{ value: 300_000_000, tolerance: 10_000_000 }],
    });
  });

  test('matching: =left -> right', () => {
    expect(
      question('::m:: Match the animal and what it gives. {=cow -> milk =hen -> egg =bee -> honey}'),
    ).toMatchObject({
      type: 'matching',
      texts: {
        en: {
          pairs: [
            { left: 'cow', right: 'milk' },
            { left: 'hen', right: 'egg' },
            { left: 'bee', right: 'honey' },
          ],
        },
      },
    });
  });

  test('ordering (// @type ordering): the = answers in the right order', () => {
    expect(question('// @type ordering\n::o:: Put the steps in order. {=dig =sow =water}')).toMatchObject({
      type: 'ordering',
      texts: { en: { items: ['dig', 'sow', 'water'] } },
    });
  });

  test('image choice (// @type image-choice): each answer a picture with its caption', () => {
    const text = `// @type image-choice
::leaf:: Which leaf is healthy? {
  =![A green leaf](images/green-leaf.png)#Yes
  ~![A yellow leaf](images/yellow-leaf.png)
  ~%-50%![](images/spotted-leaf.png)
}`;
    expect(question(text)).toMatchObject({
      type: 'image-choice',
      choices: [
        { weight: 100, image: 'images/green-leaf.png' },
        { weight: 0, image: 'images/yellow-leaf.png' },
        { weight: -50, image: 'images/spotted-leaf.png' },
      ],
      texts: {
        en: { choices: [{ text: 'A green leaf', feedback: 'Yes' }, { text: 'A yellow leaf' }, { text: '' }] },
      },
    });
  });
});

describe('the rest of the grammar', () => {
  test('questions are separated by blank lines; // comment lines are skipped wherever they are', () => {
    const { quiz } = compile(`// A quiz about the sun.
::one:: First
// a comment inside the question
question? {
  // and inside the answers
  =yes
  ~no
}


   \t
::two:: Second? {T}
// a comment after it`);
    expect(quiz.questions.map((q) => [q.id, q.texts.en!.prompt])).toEqual([
      ['one', 'First\nquestion?'],
      ['two', 'Second?'],
    ]);
  });

  test('every escape, in titles, question text, answers and feedback', () => {
    const found = question(
      String.raw`::a\:b\::: Tilde \~ equals \= hash \# braces \{\} colon \: backslash \\ new\nline {=\~\=\#\{\}\:\\#fb \= \# \}}`,
    );
    expect(found.id).toBe('a-b');
    expect(found.texts.en).toMatchObject({
      prompt: 'Tilde ~ equals = hash # braces {} colon : backslash \\ new\nline',
      accepted: [{ text: '~=#{}:\\', feedback: 'fb = # }' }],
    });
    expect(question(String.raw`::b:: A \q stays. {=ok}`).texts.en!.prompt).toBe('A \\q stays.');
  });

  test('a title is slugged into the question id; without one the id is the question’s place', () => {
    expect(question('::Ça va? Été 2026:: Q? {T}').id).toBe('ca-va-ete-2026');
    const { quiz } = compile('First? {T}\n\nSecond? {F}\n\n::named:: Third? {T}');
    expect(quiz.questions.map((q) => q.id)).toEqual(['question-1', 'question-2', 'named']);
  });

  test('[html] and [markdown] become plain text: no tag survives, entities are decoded', () => {
    const html = question(
      '::h::[html]<p>Is <b>this</b> &amp; <i>that</i>\n&lt;safe&gt;?</p><script>alert(1)</script><p>Yes&nbsp;&#233;</p> {=<em>a</em> &euro; ~<img src\\="x.png" alt\\="b">}',
    );
    expect(html.texts.en).toMatchObject({
      prompt: 'Is this & that <safe>?\nYes\u00a0é',
      choices: [{ text: 'a €' }, { text: 'b' }],
    });
    const markdown = question(
      '::m::[markdown]**Bold** and _soft_ with a [link](https://example.org) and `code`\\n\\n- one\n- two <b>x</b> {T}',
    );
    expect(markdown.texts.en!.prompt).toBe('Bold and soft with a link and code\none\ntwo x');
  });

  test('[plain] is taken as written; [moodle], the default, lets HTML through and keeps line breaks', () => {
    expect(question('::p::[plain]Is <b>5 > 3</b> &amp; true? {T}').texts.en!.prompt).toBe(
      'Is <b>5 > 3</b> &amp; true?',
    );
    expect(question('::d::[moodle]Line <b>one</b>\nline &amp; two {T}').texts.en!.prompt).toBe('Line one\nline & two');
    expect(question('::d::Line <b>one</b>\nline &amp; two {T}').texts.en!.prompt).toBe('Line one\nline & two');
    expect(question('::d::2 × 2 = 4, 5 - 3 = 2 {T}').texts.en!.prompt).toBe('2 × 2 = 4, 5 - 3 = 2');
  });

  test('CRLF line ends and a byte order mark', () => {
    const { quiz } = compile(
      '\uFEFF// @difficulty 3\r\n::one:: First\r\nline? {\r\n=yes\r\n~no\r\n}\r\n\r\n::two:: Two? {T}\r\n',
    );
    expect(quiz.questions.map((q) => [q.id, q.difficulty, q.texts.en!.prompt])).toEqual([
      ['one', 3, 'First\nline?'],
      ['two', 2, 'Two?'],
    ]);
    expect(problems('\uFEFF::one:: Q? {=a ~b\r\n\r\n::two:: Q? {T}')).toEqual([
      'quiz.en.gift:1:18: Expected "}", ####general feedback, or answer (= or ~) but the end of the question found.',
    ]);
  });

  test('the output is a quiz set', () => {
    const { quiz } = compile('::a:: Q? {T}\n\n::b:: Q? {=x ~y}');
    expect(QuizSet.parse(JSON.parse(JSON.stringify(quiz)))).toEqual(quiz);
  });
});

describe('pragmas and defaults', () => {
  test('@difficulty, @subject, @read-more and @time-limit go with the question after them', () => {
    const found = question(`// Pragmas are comments to Moodle.
// @difficulty 3
//@subject health
// @read-more hand-washing page 2
// @time-limit 45
::soap:: Soap breaks the fatty layer of many viruses. {T}`);
    expect(found).toMatchObject({
      difficulty: 3,
      subject: 'health',
      readMore: { itemId: 'hand-washing', page: 2 },
      timeLimitSeconds: 45,
    });
    expect(question('// @read-more hand-washing\n::s:: Q? {T}').readMore).toEqual({ itemId: 'hand-washing' });
  });

  test('$CATEGORY gives the subject of the questions after it, a pragma overrides it, --subject is the fallback', () => {
    const { quiz, notes } = compile(
      `::first:: Before any category? {T}

$CATEGORY: $course$/Top/Agriculture

::second:: Q? {T}

// @subject health
::third:: Q? {T}

$CATEGORY: 농업

::fourth:: Q? {T}`,
      { subject: 'energy', difficulty: 1 },
    );
    expect(quiz.questions.map((q) => [q.id, q.subject, q.difficulty])).toEqual([
      ['first', 'energy', 1],
      ['second', 'agriculture', 1],
      ['third', 'health', 1],
      ['fourth', 'energy', 1],
    ]);
    expect(notes).toEqual([
      'quiz.en.gift:3:1: $CATEGORY "$course$/Top/Agriculture" gives its questions the subject "agriculture"',
      'quiz.en.gift:10:1: $CATEGORY "농업" gives no subject id; its questions need another subject',
    ]);
  });

  test('a question with no subject from anywhere', () => {
    expect(problems('::a:: Q? {T}', {})).toEqual([
      'quiz.en.gift:1:1: "a" has no subject: add // @subject SLUG before it, a $CATEGORY, or --subject',
    ]);
  });

  test('malformed pragmas, named by line and column', () => {
    expect(
      problems(`// @difficulty 4
// @subject Soil Science
// @read-more healthy-soil page zero
// @time-limit 2
// @type essay
// @colour blue
::a:: Q? {T}

// @difficulty 1
  // @difficulty 2
::b:: Q? {T}

// @subject health

::c:: Q?
// @difficulty 1
{T}

$CATEGORY: tools
::d:: Q? {T}`),
    ).toEqual([
      'quiz.en.gift:1:16: @difficulty is 1 (easy), 2 or 3 (hard)',
      'quiz.en.gift:2:13: @subject is a subject id: lower-case letters, digits and dashes',
      'quiz.en.gift:3:15: @read-more names an item id, and maybe a page: // @read-more healthy-soil page 3',
      'quiz.en.gift:4:16: @time-limit is a whole number of seconds from 5 to 600',
      'quiz.en.gift:5:10: @type is ordering or image-choice (GIFT itself tells the other types apart)',
      'quiz.en.gift:6:4: unknown pragma @colour (known: @difficulty, @subject, @read-more, @time-limit, @type)',
      'quiz.en.gift:10:6: @difficulty is given twice',
      'quiz.en.gift:13:4: a pragma must come right before its question',
      'quiz.en.gift:16:1: a pragma must come before the first line of its question',
      'quiz.en.gift:19:1: put a blank line between $CATEGORY and the next question',
    ]);
  });

  test('@type ordering or image-choice on answers that cannot be one', () => {
    expect(
      problems(`// @type ordering
::a:: Q? {T}

// @type ordering
::b:: Q? {=one ~two}

// @type image-choice
::c:: Q? {=![ok](a.png) ~b.png}`),
    ).toEqual([
      'quiz.en.gift:1:4: @type ordering needs = answers in braces',
      'quiz.en.gift:5:16: an ordering question lists its items with = in the right order, nothing else',
      'quiz.en.gift:8:25: an image choice is written as a picture: =![caption](images/cow.png)',
    ]);
  });
});

describe('malformed GIFT, named by file, line and column', () => {
  test.each([
    [
      'an unclosed brace',
      '::a:: Q? {\n=yes\n~no',
      '3:4: Expected "}", ####general feedback, or answer (= or ~) but the end of the question found.',
    ],
    ['a closing brace in the text', '::a:: 5 } 3? {T}', '1:9: a } in the question text is written \\}'],
    ['an opening brace in an answer', '::a:: Q? {=a { b ~c}', '1:14: a { inside the answers is written \\{'],
    [
      'a weight that is not a number',
      '::a:: Q? {~%5O%a ~b}',
      '1:12: a weight is a number of percent between % signs, such as %50% or %-25%',
    ],
    ['a weight above 100', '::a:: Q? {\n  ~%150%a ~b}', '2:4: weight 150% is outside -100…100'],
    ['an empty range', '::a:: Q? {#5..4}', '1:12: range 5..4 is empty'],
    ['a negative tolerance', '::a:: Q? {#5:-1}', '1:12: a tolerance cannot be negative'],
    [
      'a numeric answer that is not a number',
      '::a:: Q? {#five}',
      '1:12: Expected number or numeric answer (=3.14:0.01) but "f" found.',
    ],
    ['a title without its closing ::', '::a Q? {T}', '1:1: the title has no closing ::'],
    [
      'two feedbacks on one answer',
      '::a:: Q? {=a#x#y ~b}',
      '1:15: Expected "}", ####general feedback, or answer (= or ~) but "#" found.',
    ],
    [
      'answers that are neither = nor ~',
      '::a:: Q? {yes}',
      '1:11: Expected #number, T, F, TRUE or FALSE, or answer (= or ~) but "y" found.',
    ],
    [
      'a matching pair without its arrow',
      '::a:: Q? {=a -> b =c}',
      '1:19: a matching question is written =left -> right for every pair, without weights or feedback',
    ],
    ['an empty short answer', '::a:: Q? {=a = }', '1:14: an accepted answer cannot be empty'],
    ['no question text', '::a:: {=a ~b}', '1:7: the question has no text before its answers'],
    [
      'a title that gives no id',
      '::흙:: Q? {T}',
      '1:1: the title "흙" gives no question id: write titles with Latin letters or digits, the same in every language',
    ],
    [
      'a title used twice',
      '::a:: Q? {T}\n\n::A:: Q? {F}',
      '3:1: the title "a" is used twice in this file (first at line 1)',
    ],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual([`quiz.en.gift:${expected}`]);
  });

  test('every malformed question is reported, and the others are still read', () => {
    expect(problems('::a:: Q? {=a\n\n::b:: Fine? {T}\n\n::c:: Q? {~%200%x ~y}')).toEqual([
      'quiz.en.gift:1:13: Expected "}", ####general feedback, or answer (= or ~) but the end of the question found.',
      'quiz.en.gift:5:12: weight 200% is outside -100…100',
    ]);
  });

  test('what only the quiz set can check is named at the question', () => {
    expect(problems('::a:: Q? {~%50%a ~%40%b ~c}')).toEqual([
      "quiz.en.gift:1:1: a.choices: the right choices' weights add up to 90, not 100",
    ]);
    expect(problems('// @type image-choice\n::p:: Q? {~![a](a.png) ~![b](b.png)}')).toEqual([
      'quiz.en.gift:2:1: p.choices: one choice must be fully right (weight 100)',
    ]);
  });
});

describe('types quiz sets do not have', () => {
  const text = `::fine:: A question? {T}

::essay:: Write about soil. {}

A description with no braces.

::gap:: Moodle costs {~lots of money =nothing ~a little} to download.`;

  test('are skipped, each named with its place', () => {
    const { quiz, notes } = compile(text);
    expect(quiz.questions.map((q) => q.id)).toEqual(['fine']);
    expect(notes).toEqual([
      'quiz.en.gift:5:1: skipped a question, a description (no answers), which quiz sets do not have',
      'quiz.en.gift:3:1: skipped "essay", an essay question, which quiz sets do not have',
      'quiz.en.gift:7:1: skipped "gap", a missing-word question (text after the answers), which quiz sets do not have',
    ]);
  });

  test('are refused with --strict', () => {
    expect(problems(text, { ...defaults, strict: true })).toEqual([
      'quiz.en.gift:5:1: a question is a description (no answers), which quiz sets do not have',
      'quiz.en.gift:3:1: "essay" is an essay question, which quiz sets do not have',
      'quiz.en.gift:7:1: "gap" is a missing-word question (text after the answers), which quiz sets do not have',
    ]);
  });

  test('a file with nothing else is no quiz', () => {
    expect(problems('::essay:: Write. {}')).toEqual([
      'quiz.en.gift: questions: Too small: expected array to have >=1 items',
    ]);
  });
});

describe('several languages', () => {
  const en = `// @difficulty 1
::compost:: What does compost feed? {=The soil's life#Yes ~Only the crop ####Worms and fungi.}

::sun:: The Sun is a star. {T}

// @type ordering
::steps:: Put the steps in order. {=dig =sow =water}`;
  const ko = `::sun:: 해는 별입니다. {T}

::compost:: 퇴비는 무엇을 먹일까요? {=흙 속 생물#네 ~작물만 ####지렁이와 곰팡이.}

// @type ordering
::steps:: 순서대로 놓으세요. {=땅 파기 =씨 뿌리기 =물 주기}`;
  const files = (koText: string, enText = en) => [
    { language: 'en' as const, file: 'soil.en.gift', text: enText },
    { language: 'ko' as const, file: 'soil.ko.gift', text: koText },
  ];

  test('questions are matched by title, in the first file’s order; a pragma in one file serves all', () => {
    const { quiz } = compileGift(files(ko), defaults);
    expect(quiz.questions.map((q) => [q.id, q.difficulty, Object.keys(q.texts)])).toEqual([
      ['compost', 1, ['en', 'ko']],
      ['sun', 2, ['en', 'ko']],
      ['steps', 2, ['en', 'ko']],
    ]);
    expect(quiz.questions[0]!.texts.ko).toMatchObject({
      prompt: '퇴비는 무엇을 먹일까요?',
      explanation: '지렁이와 곰팡이.',
      choices: [{ text: '흙 속 생물', feedback: '네' }, { text: '작물만' }],
    });
  });

  test('a question without a title, or missing from one file', () => {
    expect(problems(files(ko.replace('::sun:: ', '').replace('::steps::', '::order::')))).toEqual([
      'soil.ko.gift:1:1: give the question a ::title::, which matches it across the languages',
      'soil.en.gift:4:1: question "sun" is missing from soil.ko.gift',
      'soil.en.gift:7:1: question "steps" is missing from soil.ko.gift',
      'soil.ko.gift:6:1: question "order" is missing from soil.en.gift',
    ]);
  });

  test('answer keys that disagree, named in both files', () => {
    const other = `::compost:: Q? {=a ~b ~c}

::sun:: Q? {F}

::steps:: Q? {=a ~b}`;
    expect(problems(files(other))).toEqual([
      'soil.ko.gift:1:1: "compost" has 3 of its choices here but 2 in soil.en.gift:2:1',
      'soil.ko.gift:3:1: "sun" is false here but true in soil.en.gift:4:1',
      'soil.ko.gift:5:1: "steps" is a single-choice question here but an ordering question in soil.en.gift:7:1',
    ]);
    expect(
      problems(files('::compost:: Q? {~a =b}\n\n::sun:: Q? {T}\n\n// @type ordering\n::steps:: Q? {=a =b}')),
    ).toEqual([
      'soil.ko.gift:1:1: "compost" gives choice 1 0% here but 100% in soil.en.gift:2:1',
      'soil.ko.gift:6:1: "steps" has 2 of its items here but 3 in soil.en.gift:7:1',
    ]);
  });

  test('pictures, numbers and pragmas that disagree', () => {
    const picture = (file: string) => `// @type image-choice\n::p:: Q? {=![a](${file}) ~![b](b.png)}`;
    expect(problems(files(picture('c.png'), picture('a.png')))).toEqual([
      'soil.ko.gift:2:1: "p" shows c.png as choice 1 here but a.png in soil.en.gift:2:1',
    ]);
    expect(problems(files('::n:: Q? {#3:1}', '::n:: Q? {#3:0.5}'))).toEqual([
      'soil.ko.gift:1:1: "n" accepts other numbers here than in soil.en.gift:1:1',
    ]);
    expect(problems(files('// @difficulty 3\n::n:: Q? {T}', '// @difficulty 1\n::n:: Q? {T}'))).toEqual([
      'soil.ko.gift:1:4: "n" has another @difficulty at soil.en.gift:1:4',
    ]);
    expect(problems(files('// @read-more a\n::n:: Q? {T}', '// @read-more b\n::n:: Q? {T}'))).toEqual([
      'soil.ko.gift:1:4: "n" has another @read-more at soil.en.gift:1:4',
    ]);
    expect(problems(files('$CATEGORY: health\n\n::n:: Q? {T}', '$CATEGORY: energy\n\n::n:: Q? {T}'), {})).toEqual([
      'soil.ko.gift:1:1: $CATEGORY gives "n" the subject "health", soil.en.gift:1:1 gives "energy": add // @subject before the question',
    ]);
  });

  test('a type skipped in one language and not in the other', () => {
    expect(
      problems(files('::sun:: 해는? {}\n\n::compost:: Q? {=a ~b}\n\n// @type ordering\n::steps:: Q? {=a =b =c}')),
    ).toEqual(['soil.ko.gift:1:1: "sun" is an essay question here but a true/false question in soil.en.gift:4:1']);
  });
});
