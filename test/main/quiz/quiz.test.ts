/**
 * The quiz capability through the real services on the demo collection: a quiz item's questions reach the
 * screen parsed, finished attempts are counted for staff (per day, per quiz, by score, per question with the
 * answers given), checked against the quiz they name, and placed on the venue's board only as staff allow.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { resourcesDir } from '../../../main/app-paths.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { createKioskServices, type KioskServices } from '../../../main/services.ts';
import { contentPath } from '../../../main/store/content-paths.ts';
import type { AnswerSummary, QuizUsage } from '../../../preload/contract/quiz.ts';
import type { QuizSet } from '../../../preload/contract/quiz-set.ts';

let work: string;
let dataDir: string;
let services: KioskServices;
// A Wednesday; the demo pack arrives at this clock's first start.
let now = Date.parse('2027-03-03T09:00:00Z');
const silent = { error: () => undefined };

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'quiz-'));
  dataDir = path.join(work, 'data');
  now = Date.parse('2027-03-03T09:00:00Z');
  services = await start();
});
afterEach(async () => {
  await services.close();
  await rm(work, { recursive: true, force: true });
});

function start() {
  return createKioskServices({
    dataDir,
    resourcesDir,
    host: 'browser',
    version: 'test',
    clock: { now: () => new Date(now) },
  });
}

const call = async (caller: string, name: string, request: unknown = {}) =>
  dispatch(services.handlers, name, request, { caller, gate: services.gate, log: silent });

async function value<T>(caller: string, name: string, request: unknown = {}): Promise<T> {
  const answer = await call(caller, name, request);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

async function asStaff() {
  const state = await value<{ setUp: boolean }>('staff', 'staff.state');
  await call('staff', state.setUp ? 'staff.signIn' : 'staff.setUp', { pin: '482913' });
}

async function openQuiz(itemId = 'science-quiz') {
  return value<{ quiz: QuizSet; board: { enabled: boolean; typedNicknames: boolean }; contests: unknown[] }>(
    'screen',
    'quiz.open',
    { itemId },
  );
}

async function saveBoard(board: { enabled: boolean; period: 'day' | 'week'; typedNicknames: boolean }) {
  await asStaff();
  const settings = await value<object>('staff', 'staff.settings');
  await value('staff', 'staff.saveSettings', { settings: { ...settings, board } });
}

/** Every question answered, the first `right` of them right with full credit. */
function answers(quiz: QuizSet, right: number): AnswerSummary[] {
  return quiz.questions.map((question, index) => ({
    questionId: question.id,
    answer: index < right ? 'right' : 'wrong',
    credit: index < right ? 1 : 0,
    right: index < right,
    timeMs: 4000,
  }));
}

function finish(quiz: QuizSet, right: number, extra: object = {}, itemId = 'science-quiz') {
  const count = quiz.questions.length;
  return call('screen', 'quiz.finish', {
    itemId,
    mode: 'practice',
    language: 'en',
    score: right,
    maxScore: count,
    answers: answers(quiz, right),
    ...extra,
  });
}

function challenge(quiz: QuizSet, points: number, extra: object = {}) {
  const count = quiz.questions.length;
  return call('screen', 'quiz.finish', {
    itemId: 'science-quiz',
    mode: 'contest',
    language: 'ko',
    score: points,
    maxScore: count * 1500,
    answers: answers(quiz, 2),
    ...extra,
  });
}

test('a quiz item opens as its parsed set of questions, with the board off and no contest', async () => {
  const opened = await openQuiz('farm-quiz');
  const types = new Set(opened.quiz.questions.map((question) => question.type));
  expect(types).toEqual(
    new Set(['single', 'multiple', 'image-choice', 'true-false', 'short', 'numeric', 'matching', 'ordering']),
  );
  expect(opened.quiz.questions.every((question) => question.texts.ko && question.texts['mn-Mong'])).toBe(true);
  expect(opened.board).toEqual({ enabled: false, typedNicknames: false });
  expect(opened.contests).toEqual([]);
});

test('an item that is not a quiz, or none at all, is not found; a damaged quiz file is unavailable', async () => {
  expect(await call('screen', 'quiz.open', { itemId: 'solar-basics' })).toMatchObject({
    ok: false,
    error: { code: 'not-found' },
  });
  expect(await call('screen', 'quiz.open', { itemId: 'no-such-quiz' })).toMatchObject({
    ok: false,
    error: { code: 'not-found' },
  });
  const item = await value<{ files: { role: string; hash: string }[] }>('screen', 'catalog.item', {
    locale: 'en',
    id: 'workshop-quiz',
  });
  const file = contentPath(dataDir, item.files.find((candidate) => candidate.role === 'main')!.hash);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('"format":2', '"format":3'));
  const damaged = await call('screen', 'quiz.open', { itemId: 'workshop-quiz' });
  expect(damaged).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  expect(damaged.ok === false && damaged.error.message).toMatch(/import its pack again/);
});

test('finished attempts are counted per day, per quiz, by score and per question with the answers given', async () => {
  const { quiz } = await openQuiz();
  const count = quiz.questions.length;
  await value('screen', 'stats.record', {
    events: [1, 2, 3, 4].map(() => ({ kind: 'quiz-start', itemId: 'science-quiz', detail: 'practice' })),
  });
  // Three finish: everything right, half right, nothing right; the fourth walked away.
  for (const right of [count, count / 2, 0]) expect(await finish(quiz, right)).toMatchObject({ ok: true });
  await asStaff();
  const usage = await value<QuizUsage>('staff', 'staff.quizUsage', { days: 7 });
  expect(usage.days).toEqual([{ day: '2027-03-03', starts: 4, finishes: 3 }]);
  expect(usage.quizzes).toEqual([
    { itemId: 'science-quiz', title: 'Everyday science quiz', starts: 4, finishes: 3, averagePercent: 50 },
  ]);
  expect(usage.scoreBuckets).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
  // The last question was right once in three; its answers are given as keys, most often first.
  const last = quiz.questions.at(-1)!;
  const hardest = usage.difficult.find((question) => question.questionId === last.id)!;
  expect(hardest).toMatchObject({ itemId: 'science-quiz', answers: 3, prompt: last.texts.en!.prompt });
  expect(hardest.averageCredit).toBeCloseTo(1 / 3);
  expect(hardest.given).toEqual([
    { answer: 'wrong', count: 2 },
    { answer: 'right', count: 1 },
  ]);
  expect(usage.difficult[0]!.averageCredit).toBeLessThanOrEqual(usage.difficult.at(-1)!.averageCredit);
});

test('an attempt is refused when it answers questions the quiz lacks, one twice, or scores beyond the possible', async () => {
  const { quiz } = await openQuiz();
  const good = answers(quiz, 1);
  const refused = async (change: object) =>
    expect(await finish(quiz, 1, change)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  await refused({ answers: [...good.slice(1), { ...good[0]!, questionId: 'not-in-this-quiz' }] });
  await refused({ answers: [good[0], good[0]] });
  await refused({ score: quiz.questions.length + 1 });
  await refused({ maxScore: quiz.questions.length * 2, score: 1 });
  await refused({ answers: [{ ...good[0]!, answer: 'typed words' }] });
  await refused({ answers: [{ ...good[0]!, credit: 2 }] });
  await asStaff();
  expect((await value<QuizUsage>('staff', 'staff.quizUsage', { days: 1 })).days).toEqual([]);
});

test('the board takes challenges with a nickname only while staff switched it on, best first', async () => {
  const { quiz } = await openQuiz();
  const otter = { kind: 'generated', adjective: 3, creature: 7 };
  expect(await challenge(quiz, 2000, { nickname: otter })).toMatchObject({
    ok: true,
    value: { place: null, board: null },
  });
  await saveBoard({ enabled: true, period: 'week', typedNicknames: false });
  expect((await openQuiz()).board).toEqual({ enabled: true, typedNicknames: false });
  const changes: string[] = [];
  services.events.subscribe((name) => changes.push(name));
  expect(await challenge(quiz, 2000, { nickname: otter })).toMatchObject({ ok: true, value: { place: 1 } });
  expect(changes).toContain('quiz.boardsChanged');
  now += 60_000;
  const better = await value<{ place: number; board: { entries: { score: number }[] } }>('screen', 'quiz.finish', {
    itemId: 'science-quiz',
    mode: 'contest',
    language: 'en',
    score: 3500,
    maxScore: quiz.questions.length * 1500,
    answers: answers(quiz, 3),
    nickname: { kind: 'generated', adjective: 0, creature: 0 },
  });
  expect(better.place).toBe(1);
  expect(better.board.entries.map((entry) => entry.score)).toEqual([3500, 2000]);
  // An equal score later ranks behind the earlier one; practice and typed names (not allowed) stay off.
  now += 60_000;
  expect(await challenge(quiz, 2000, { nickname: otter })).toMatchObject({ value: { place: 3 } });
  expect(await finish(quiz, 8, { nickname: otter })).toMatchObject({ value: { place: null } });
  expect(await challenge(quiz, 9000, { nickname: { kind: 'typed', text: 'Ace' } })).toMatchObject({
    value: { place: null },
  });
  const boards = await value<{ boards: { itemId: string; title: string; entries: unknown[] }[] }>(
    'screen',
    'quiz.boards',
    { locale: 'ko' },
  );
  expect(boards.boards).toMatchObject([{ itemId: 'science-quiz', title: '생활 과학 퀴즈' }]);
  expect(boards.boards[0]!.entries).toHaveLength(3);
});

test('a weekly board starts afresh on Monday, a daily one at midnight, and both survive a restart', async () => {
  const { quiz } = await openQuiz();
  await saveBoard({ enabled: true, period: 'week', typedNicknames: false });
  await challenge(quiz, 1000, { nickname: { kind: 'generated', adjective: 1, creature: 1 } });
  const shown = async () =>
    (await value<{ boards: { entries: unknown[] }[] }>('screen', 'quiz.boards', { locale: 'en' })).boards.length;
  // Wednesday to Sunday night: the same week.
  now = Date.parse('2027-03-07T23:00:00Z');
  await services.close();
  services = await start();
  expect(await shown()).toBe(1);
  now = Date.parse('2027-03-08T00:30:00Z');
  expect(await shown()).toBe(0);
  await challenge(quiz, 1000, { nickname: { kind: 'generated', adjective: 2, creature: 2 } });
  await saveBoard({ enabled: true, period: 'day', typedNicknames: false });
  expect(await shown()).toBe(1);
  now = Date.parse('2027-03-09T00:00:01Z');
  expect(await shown()).toBe(0);
});

test('typed nicknames are checked against every interface language’s blocklist, only where staff allow them', async () => {
  const check = (text: string) => value<{ ok: boolean; reason?: string }>('screen', 'quiz.checkNickname', { text });
  expect(await check('Ace')).toEqual({ ok: false, reason: 'not-allowed' });
  await saveBoard({ enabled: true, period: 'week', typedNicknames: true });
  for (const allowed of ['Ace', 'Glass', 'Assistant', 'Scunthorpe', '해바라기', '小蜜蜂', 'Цэцэг', 'ᠰᠠᠷᠠᠨ'])
    expect(await check(allowed), allowed).toEqual({ ok: true, text: allowed });
  for (const blocked of ['shit', 'Big S h i t', 'fuck3r', '개새끼', '操你', 'новш', 'ᠪᠠᠭᠠᠰᠤ', 'блядь'])
    expect(await check(blocked), blocked).toEqual({ ok: false, reason: 'blocked' });
  expect(await check('   ')).toEqual({ ok: false, reason: 'empty' });
  expect(await check('x'.repeat(21))).toEqual({ ok: false, reason: 'too-long' });
  const { quiz } = await openQuiz();
  expect(await challenge(quiz, 1000, { nickname: { kind: 'typed', text: 'shit' } })).toMatchObject({
    value: { place: null },
  });
  expect(await challenge(quiz, 1000, { nickname: { kind: 'typed', text: '  Ace ' } })).toMatchObject({
    value: { place: 1, board: { entries: [{ nickname: { kind: 'typed', text: 'Ace' } }] } },
  });
});

test('a contest counts challenges for the visitor’s team while it runs, and its result stays for staff', async () => {
  const contest = {
    id: 'spring-cup',
    names: { en: 'Spring cup', ko: '봄 대회' },
    quizzes: ['science-quiz'],
    teams: [
      { id: 'north-farm', names: { en: 'North farm' } },
      { id: 'mill', names: { en: 'The mill', ko: '제분소' } },
    ],
    startsAt: '2027-03-03T10:00:00.000Z',
    endsAt: '2027-03-05T18:00:00.000Z',
  };
  await asStaff();
  expect(await call('staff', 'staff.saveContest', { contest: { ...contest, endsAt: contest.startsAt } })).toMatchObject(
    { ok: false, error: { code: 'bad-request' } },
  );
  expect(await call('screen', 'staff.saveContest', { contest })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  await value('staff', 'staff.saveContest', { contest });
  const { quiz } = await openQuiz();
  expect((await openQuiz()).contests).toEqual([]);
  const max = quiz.questions.length * 1500;
  now = Date.parse('2027-03-04T12:00:00Z');
  expect((await openQuiz()).contests).toMatchObject([{ id: 'spring-cup' }]);
  const team = (teamId: string) => ({ team: { contestId: 'spring-cup', teamId } });
  await challenge(quiz, max / 2, team('mill'));
  await challenge(quiz, max / 4, team('mill'));
  const last = await value<{ standing: { state: string; teams: object[] } }>('screen', 'quiz.finish', {
    itemId: 'science-quiz',
    mode: 'contest',
    language: 'en',
    score: max / 5,
    maxScore: max,
    answers: answers(quiz, 1),
    ...team('north-farm'),
  });
  expect(last.standing.state).toBe('running');
  expect(last.standing.teams).toEqual([
    { teamId: 'mill', names: contest.teams[1]!.names, attempts: 2, averagePercent: 37.5 },
    { teamId: 'north-farm', names: contest.teams[0]!.names, attempts: 1, averagePercent: 20 },
  ]);
  expect(await challenge(quiz, 1, team('nobody'))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  // Practice never counts for a team, nor does a challenge after the end.
  expect(await finish(quiz, 8, team('north-farm'))).toMatchObject({ value: { standing: null } });
  now = Date.parse('2027-03-06T09:00:00Z');
  expect(await challenge(quiz, max, team('north-farm'))).toMatchObject({ value: { standing: null } });
  const boards = await value<{ contests: { state: string; teams: { attempts: number }[] }[] }>(
    'screen',
    'quiz.boards',
    { locale: 'en' },
  );
  expect(boards.contests).toMatchObject([{ contestId: 'spring-cup', state: 'ended' }]);
  now = Date.parse('2027-03-13T09:00:00Z');
  expect((await value<{ contests: unknown[] }>('screen', 'quiz.boards', { locale: 'en' })).contests).toEqual([]);
  await asStaff();
  const usage = await value<QuizUsage>('staff', 'staff.quizUsage', { days: 30 });
  expect(usage.contests[0]!.teams.map((standing) => standing.attempts)).toEqual([2, 1]);
  // Removing the contest keeps what it counted in the statistics.
  await value('staff', 'staff.removeContest', { id: 'spring-cup' });
  expect(await value('staff', 'staff.contests')).toEqual({ contests: [] });
  await services.close();
  const { StatsStore } = await import('../../../main/stats/stats-store.ts');
  const store = new StatsStore(path.join(dataDir, 'stats.sqlite'));
  const entries = store.dailyRows('2027-03-01', '2027-03-31').filter((row) => row.kind === 'contest-entry');
  store.close();
  services = await start();
  expect(entries).toEqual([
    {
      day: '2027-03-04',
      kind: 'contest-entry',
      itemId: 'spring-cup/mill',
      itemTitle: 'Spring cup — The mill',
      subject: '',
      count: 2,
      amount: 75,
    },
    {
      day: '2027-03-04',
      kind: 'contest-entry',
      itemId: 'spring-cup/north-farm',
      itemTitle: 'Spring cup — North farm',
      subject: '',
      count: 1,
      amount: 20,
    },
  ]);
});
