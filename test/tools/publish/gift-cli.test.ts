/** `publish gift` end to end: the real CLI on GIFT files in a temporary folder, as a publisher runs it. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { QuizSet } from '../../../preload/contract/quiz-set.ts';
import { tempDir } from '../../main/packs/pack-fixtures.ts';
import { publish } from './publish-cli.ts';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir('gift-cli-');
  await writeFile(
    file('sun.en.gift'),
    `$CATEGORY: $course$/Energy

// @difficulty 1
::panel:: Which way should a solar panel face north of the equator? {=South ~North ~Straight down}

::hot:: The Sun is hot. {T}

::essay:: Describe a sunny day. {}
`,
  );
  // Written on Windows: a byte order mark and CRLF line ends.
  await writeFile(
    file('sun.ko.gift'),
    '\uFEFF::panel:: 북반구에서 태양 전지판은 어느 쪽을 향해야 할까요? {=남쪽 ~북쪽 ~바로 아래}\r\n\r\n' +
      '::hot:: 해는 뜨겁습니다. {T}\r\n\r\n::essay:: 맑은 날을 묘사하세요. {}\r\n',
  );
  await writeFile(file('broken.ko.gift'), '::panel:: 어느 쪽? {=남쪽 ~북쪽\n\n::hot:: 해는 뜨겁습니다. {T}\n');
});

test('compiles two languages into a quiz set, noting what it skipped', async () => {
  const out = file('sun.json');
  const result = await publish(
    'gift',
    '--in',
    `en=${file('sun.en.gift')}`,
    '--in',
    `ko=${file('sun.ko.gift')}`,
    '--out',
    out,
  );
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toBe(`Wrote ${out}: 2 questions in en, ko\n`);
  expect(result.stderr).toContain(
    `${file('sun.en.gift')}:1:1: $CATEGORY "$course$/Energy" gives its questions the subject "energy"`,
  );
  expect(result.stderr).toContain(`${file('sun.ko.gift')}:5:1: skipped "essay", an essay question`);
  const quiz = QuizSet.parse(JSON.parse(await readFile(out, 'utf8')));
  expect(quiz.questions.map((q) => [q.id, q.type, q.subject, q.difficulty, Object.keys(q.texts)])).toEqual([
    ['panel', 'single', 'energy', 1, ['en', 'ko']],
    ['hot', 'true-false', 'energy', 2, ['en', 'ko']],
  ]);
  expect(quiz.questions[0]!.texts.ko).toMatchObject({
    choices: [{ text: '남쪽' }, { text: '북쪽' }, { text: '바로 아래' }],
  });
});

test('--strict refuses the essay; --subject and --difficulty are the defaults', async () => {
  const strict = await publish('gift', '--in', `en=${file('sun.en.gift')}`, '--out', file('strict.json'), '--strict');
  expect(strict.code).toBe(1);
  expect(strict.stderr).toContain(
    `${file('sun.en.gift')}:8:1: "essay" is an essay question, which quiz sets do not have`,
  );

  const out = file('ko.json');
  const ko = await publish(
    'gift',
    '--in',
    `ko=${file('sun.ko.gift')}`,
    '--out',
    out,
    '--subject',
    'health',
    '--difficulty',
    '3',
  );
  expect(ko.code, ko.stderr).toBe(0);
  const quiz = QuizSet.parse(JSON.parse(await readFile(out, 'utf8')));
  expect(quiz.questions.map((q) => [q.subject, q.difficulty])).toEqual([
    ['health', 3],
    ['health', 3],
  ]);
});

test('malformed GIFT and files that disagree are named with their lines, and nothing is written', async () => {
  const out = file('broken.json');
  const result = await publish(
    'gift',
    '--in',
    `en=${file('sun.en.gift')}`,
    '--in',
    `ko=${file('broken.ko.gift')}`,
    '--out',
    out,
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`${file('broken.ko.gift')}:1:25: Expected "}"`);
  expect(result.stderr).toContain(
    `${file('sun.en.gift')}:4:1: question "panel" is missing from ${file('broken.ko.gift')}`,
  );
  await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
});

test('usage mistakes exit 2 with the usage', async () => {
  for (const [args, message] of [
    [['--out', 'x.json'], '--in LANG=FILE is required'],
    [['--in', 'fr=x.gift', '--out', 'x.json'], 'LANG one of en, ko, zh, mn-Cyrl, mn-Mong'],
    [['--in', `en=${file('sun.en.gift')}`, '--in', `en=${file('sun.en.gift')}`, '--out', 'x.json'], 'gives en twice'],
    [['--in', `en=${file('sun.en.gift')}`, '--out', 'x.json', '--difficulty', '4'], '--difficulty must be 1, 2 or 3'],
    [['--in', `en=${file('sun.en.gift')}`], '--out is required'],
  ] as const) {
    const result = await publish('gift', ...args);
    expect(result.code, message).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run publish');
  }
});
