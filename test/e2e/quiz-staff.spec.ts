/**
 * The staff side of quizzes and the attract screen's boards: staff set up a contest on the screens, switch
 * the board on, read the quiz statistics; visitors' finished challenges (sent through the page's bridge, as
 * the quiz screens send them) move the standings and the boards live.
 */
import type { Page } from '@playwright/test';
import type { Nickname } from '../../preload/contract/quiz.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, kioskTestTime, test } from './fixtures.ts';

const pin = '482913';

/** From the attract screen into staff mode: the corner, then the PIN (chosen twice on a new kiosk). */
async function enterStaff(page: Page) {
  await expect(page.locator('[data-screen]')).toBeVisible();
  const height = page.viewportSize()!.height;
  for (let tap = 0; tap < 5; tap++) await page.mouse.click(24, height - 24);
  const pad = page.locator('.pin-keys');
  await expect(pad).toBeVisible();
  const isNew = await page.getByText('This kiosk is new.', { exact: false }).isVisible();
  for (let time = 0; time < (isNew ? 2 : 1); time++) {
    for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: 'OK' }).click();
  }
  if (isNew) {
    await expect(page.getByText('The PIN is set.', { exact: false })).toBeVisible();
    await page.getByTestId('back').click();
  }
  await expect(page.getByTestId('staff-home')).toBeVisible();
}

async function typeOn(page: Page, text: string) {
  const keyboard = page.getByTestId('keyboard');
  for (const key of text)
    await keyboard.getByRole('button', { name: key === ' ' ? 'Space' : key, exact: true }).click();
}

interface Challenge {
  /** Answer keys for the science quiz's eight questions, in its order; the rest answer `c1`. */
  answers?: string[];
  score: number;
  mode?: 'practice' | 'contest';
  nickname?: Nickname;
  team?: { contestId: string; teamId: string };
}

/** A visitor's finished attempt on the demo's science quiz, started and finished as the quiz screens report it. */
async function finishChallenge(page: Page, challenge: Challenge) {
  const outcome = await page.evaluate(async ({ answers = [], score, mode = 'contest', nickname, team }) => {
    const opened = await window.kioskBridge.invoke('quiz.open', { itemId: 'science-quiz' });
    if (!opened.ok) return opened;
    const { quiz } = opened.value as { quiz: { questions: { id: string }[] } };
    await window.kioskBridge.invoke('stats.record', {
      events: [{ kind: 'quiz-start', itemId: 'science-quiz', detail: mode }],
    });
    const questions = quiz.questions;
    const perQuestion = mode === 'contest' ? 1500 : 1;
    return window.kioskBridge.invoke('quiz.finish', {
      itemId: 'science-quiz',
      mode,
      language: 'en',
      score: (score / 100) * perQuestion * questions.length,
      maxScore: perQuestion * questions.length,
      answers: questions.map((question, index) => {
        const answer = answers[index] ?? 'c1';
        const right = answer === 'c1';
        return { questionId: question.id, answer, credit: right ? 1 : 0, right, timeMs: 4000 };
      }),
      ...(nickname ? { nickname } : {}),
      ...(team ? { team } : {}),
    });
  }, challenge);
  expect(outcome, 'quiz.finish').toMatchObject({ ok: true });
}

/** Staff calls through the page, for the set-up a test is not about. */
async function staffCall(page: Page, name: string, request: unknown) {
  const envelope = await page.evaluate(([name, request]) => window.kioskBridge.invoke(name, request), [
    name,
    request,
  ] as const);
  expect(envelope, name).toMatchObject({ ok: true });
  return (envelope as { value: unknown }).value;
}

/** A contest running at the pinned test time, for two teams, on the science quiz. */
const weekContest = {
  id: 'reading-week',
  names: { en: 'Reading week', ko: '독서 주간' },
  quizzes: ['science-quiz'],
  teams: [
    { id: 'owls', names: { en: 'Owls' } },
    { id: 'foxes', names: { en: 'Foxes' } },
  ],
  startsAt: new Date(kioskTestTime.getTime() - 3_600_000).toISOString(),
  endsAt: new Date(kioskTestTime.getTime() + 7 * 86_400_000).toISOString(),
};

test('staff create a contest with two named teams on the screens; it runs, and its standings move with a challenge', async ({
  kioskPage: page,
}) => {
  await enterStaff(page);
  await page.getByRole('button', { name: /^Contests/ }).click();
  await expect(page.locator('.staff-contests')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByText('No contests yet.', { exact: false })).toBeVisible();
  await page.getByTestId('new-contest').click();

  // Saving too early says what is missing, one thing at a time.
  await page.getByTestId('save-contest').click();
  await expect(page.getByTestId('contest-problem')).toHaveText(
    'The contest has no name yet. Type its name in at least one language, then save.',
  );
  await typeOn(page, 'science week');
  await expect(page.getByTestId('contest-name-entry')).toHaveText('science week');
  await page.getByTestId('save-contest').click();
  await expect(page.getByTestId('contest-problem')).toContainText('No quiz is chosen.');
  await page.getByTestId('contest-quizzes').getByRole('button', { name: 'Everyday science quiz' }).click();
  await page.getByTestId('save-contest').click();
  await expect(page.getByTestId('contest-problem')).toHaveText(
    'Team 1 has no name yet. Type one on the keyboard below.',
  );
  // The keyboard now types team 1's name.
  await typeOn(page, 'owls');
  await page.getByRole('button', { name: 'Name team 2' }).click();
  await typeOn(page, 'owls');
  await page.getByTestId('save-contest').click();
  await expect(page.getByTestId('contest-problem')).toHaveText(
    'Two teams are both called “owls”. Give each team its own name.',
  );
  await page.getByTestId('keyboard').getByRole('button', { name: 'Clear' }).click();
  await typeOn(page, 'foxes');
  await expect(page.getByTestId('contest-team')).toHaveText([/Team 1\s*owls/, /Team 2\s*foxes/]);

  // A start after the end is refused: the start moved to the last day offered, past the end a week on.
  const startDays = page.getByTestId('contest-start').getByRole('group', { name: 'Day' }).getByRole('button');
  await startDays.last().click();
  await page.getByTestId('save-contest').click();
  await expect(page.getByTestId('contest-problem')).toHaveText(
    'The contest would end before it starts. Choose an end after the start.',
  );
  // Back to today at the current hour, the default start: the contest runs at once.
  await startDays.first().click();
  await expect(startDays.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('contest-start-hour')).toHaveText(
    new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(
      new Date(kioskTestTime).setMinutes(0, 0, 0),
    ),
  );
  await expectNoSeriousViolations(page, 'contest editor');
  await page.getByTestId('save-contest').click();

  await expect(page.getByTestId('contests-notice')).toHaveText('Saved science week.');
  const contest = page.getByTestId('contest');
  await expect(contest).toHaveCount(1);
  await expect(contest).toHaveAttribute('data-contest-id', 'science-week');
  await expect(contest.getByTestId('contest-state')).toHaveText('Running now');
  await expect(contest).toContainText('Quizzes: Everyday science quiz');
  await expect(contest.getByTestId('standing-team')).toHaveText([
    /owls\s*No challenges yet/,
    /foxes\s*No challenges yet/,
  ]);
  const saved = (await staffCall(page, 'staff.contests', {})) as { contests: { teams: { id: string }[] }[] };
  expect(saved.contests[0]!.teams.map((team) => team.id)).toEqual(['owls', 'foxes']);

  // A challenge for the foxes moves them up at once: the screen listens for the change.
  await finishChallenge(page, { score: 50, team: { contestId: 'science-week', teamId: 'foxes' } });
  await expect(contest.getByTestId('standing-team').first()).toHaveText(/foxes\s*50% on average · 1 challenge/);
  await expectNoSeriousViolations(page, 'contests');

  await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
  const heading = page.locator('.staff-contests h1');
  await expect(heading).toHaveText('ᠲᠡᠮᠡᠴᠡᠭᠡᠨ');
  expect(await heading.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
  expect(
    await contest
      .locator('.standing-figures')
      .first()
      .evaluate((element) => getComputedStyle(element).writingMode),
  ).toBe('vertical-lr');
  await expectNoSeriousViolations(page, 'contests in ᠮᠣᠩᠭᠣᠯ');
  await page.getByRole('button', { name: 'English' }).click();

  // Removing asks first, with keeping it the answer in focus.
  await contest.getByRole('button', { name: 'Remove' }).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('Remove science week?');
  await expect(question.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.getByTestId('confirm-remove-contest').click();
  await expect(page.getByTestId('contests-notice')).toHaveText(
    'science week was removed. Its results stay in the statistics.',
  );
  await expect(page.getByTestId('contest')).toHaveCount(0);
});

test('the board settings save: on, every day, typed nicknames allowed', async ({ kioskPage: page }) => {
  await enterStaff(page);
  await page.getByRole('button', { name: /^Settings/ }).click();
  const shown = page.getByRole('group', { name: 'Best challenges on a board' });
  await expect(shown.getByRole('button', { name: 'Off' })).toHaveAttribute('aria-pressed', 'true');
  // The board's other choices wait until it is on.
  await expect(page.getByRole('group', { name: 'The board starts afresh' })).toHaveCount(0);
  await shown.getByRole('button', { name: 'On' }).click();
  await page.getByRole('group', { name: 'The board starts afresh' }).getByRole('button', { name: 'Every day' }).click();
  await page
    .getByRole('group', { name: 'Nicknames on the board' })
    .getByRole('button', { name: 'Visitors may also type one' })
    .click();
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('settings-status')).toHaveText('Saved. The next visit starts with these settings.');
  expect(await staffCall(page, 'staff.settings', {})).toMatchObject({
    board: { enabled: true, period: 'day', typedNicknames: true },
  });
  // A visitor's quiz is told the same rules.
  expect(await page.evaluate(() => window.kioskBridge.invoke('quiz.open', { itemId: 'science-quiz' }))).toMatchObject({
    ok: true,
    value: { board: { enabled: true, typedNicknames: true } },
  });
});

test('the attract screen shows the board and the contest standings, and updates live after a challenge', async ({
  kioskPage: page,
}) => {
  // The spotlight fades each item in every few seconds; axe should see colours at rest, not mid-fade.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await enterStaff(page);
  const settings = (await staffCall(page, 'staff.settings', {})) as Record<string, unknown>;
  await staffCall(page, 'staff.saveSettings', {
    settings: { ...settings, board: { enabled: true, period: 'week', typedNicknames: false } },
  });
  await staffCall(page, 'staff.saveContest', { contest: weekContest });
  await page.getByTestId('staff-leave').click();
  await expect(page.getByTestId('attract')).toBeVisible();

  // A contest with no challenges yet already stands on the attract screen; no board has entries.
  const contest = page.getByTestId('attract-contest');
  await expect(contest).toContainText('Contest on now');
  await expect(contest).toContainText('Reading week');
  await expect(contest.getByTestId('standing-team')).toHaveText([
    /Owls\s*No challenges yet/,
    /Foxes\s*No challenges yet/,
  ]);
  await expect(page.getByTestId('attract-board')).toHaveCount(0);

  await finishChallenge(page, {
    score: 40,
    nickname: { kind: 'generated', adjective: 0, creature: 0 },
    team: { contestId: 'reading-week', teamId: 'owls' },
  });
  const board = page.getByTestId('attract-board');
  await expect(board).toContainText('Everyday science quiz');
  // The pinned day is a Monday, so this week's board started today.
  await expect(board).toContainText('Best today');
  await expect(board.getByTestId('board-entry')).toHaveText([/1\s*Curious Otter\s*4,?800 points/]);
  await expect(contest.getByTestId('standing-team').first()).toHaveText(/Owls\s*40% on average · 1 challenge/);

  // A better challenge goes above it, for the other team, without a reload.
  await finishChallenge(page, {
    score: 90,
    nickname: { kind: 'generated', adjective: 1, creature: 1 },
    team: { contestId: 'reading-week', teamId: 'foxes' },
  });
  await expect(board.getByTestId('board-entry')).toHaveText([/1\s*Bright Fox/, /2\s*Curious Otter/]);
  await expect(contest.getByTestId('standing-team')).toHaveText([
    /Foxes\s*90% on average · 1 challenge/,
    /Owls\s*40% on average · 1 challenge/,
  ]);
  await expectNoSeriousViolations(page, 'attract with boards');
  // No chart library on the visitor's screens: the bars are CSS.
  await expect(page.locator('.recharts-wrapper')).toHaveCount(0);

  // A touch on the boards starts a visit too.
  await page.getByTestId('attract-boards').click();
  await expect(page.locator('main.home')).toBeVisible();

  // In traditional Mongolian (the venue's language here) the boards' words run in columns, and a generated
  // nickname reads in Mongolian.
  await page.getByRole('button', { name: 'Finish' }).click();
  await enterStaff(page);
  const now = (await staffCall(page, 'staff.settings', {})) as Record<string, unknown>;
  await staffCall(page, 'staff.saveSettings', { settings: { ...now, defaultLocale: 'mn-Mong' } });
  await page.getByTestId('staff-leave').click();
  await expect(board.getByTestId('board-entry').last()).toContainText('ᠰᠣᠨᠢᠷᠬᠤᠭᠴᠢ ᠬᠠᠯᠢᠭᠤ');
  for (const part of [board.locator('.board-kicker'), contest.locator('.standing-name').first()])
    expect(await part.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
  await expectNoSeriousViolations(page, 'attract with boards in ᠮᠣᠩᠭᠣᠯ');
});

test('the statistics show the quizzes as charts, the hardest question with its commonest answers in words, and the contest by team', async ({
  kioskPage: page,
}) => {
  await enterStaff(page);
  await staffCall(page, 'staff.saveContest', { contest: weekContest });
  // Three challenges and a practice: all miss the first question (compost), two of them the same way.
  await finishChallenge(page, { score: 30, answers: ['c0'], team: { contestId: 'reading-week', teamId: 'owls' } });
  await finishChallenge(page, { score: 60, answers: ['c0'], team: { contestId: 'reading-week', teamId: 'owls' } });
  await finishChallenge(page, { score: 95, answers: ['c2'], team: { contestId: 'reading-week', teamId: 'foxes' } });
  await finishChallenge(page, { score: 85, answers: ['timeout'], mode: 'practice' });
  // A start that never finished (the visitor walked away).
  await page.evaluate(() =>
    window.kioskBridge.invoke('stats.record', {
      events: [{ kind: 'quiz-start', itemId: 'science-quiz', detail: 'practice' }],
    }),
  );

  await page.getByRole('button', { name: /^Statistics/ }).click();
  const quizzes = page.getByTestId('quiz-stats');
  await expect(quizzes).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('chart-quiz-per-day').locator('.recharts-bar-rectangle')).toHaveCount(2);
  // 30 %, 60 %, 85 % and 95 %: four bars in the score chart.
  await expect(page.getByTestId('chart-quiz-scores').locator('.recharts-bar-rectangle')).toHaveCount(4);
  await expect(page.getByTestId('quiz-table').locator('tbody tr')).toHaveText([/Everyday science quiz\s*5\s*4\s*68%/]);

  // Only compost was missed; the questions all got right are left out.
  const hardest = page.getByTestId('difficult-questions').locator('> li');
  await expect(hardest).toHaveCount(1);
  await expect(hardest).toContainText('What does compost feed most?');
  await expect(hardest).toContainText('0% right on average, 4 answers');
  await expect(hardest.locator('.staff-top-items li')).toHaveText([
    /A: Only the crop, for one season\s*2 times/,
    /C: Nothing: it only keeps soil damp\s*1 time/,
    /No answer in time\s*1 time/,
  ]);
  await expect(page.getByTestId('quiz-contests').getByTestId('standing-team')).toHaveText([
    /Foxes\s*95% on average · 1 challenge/,
    /Owls\s*45% on average · 2 challenges/,
  ]);
  await expectNoSeriousViolations(page, 'statistics with quizzes');

  await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
  await expect(quizzes).toHaveAttribute('aria-busy', 'false');
  const heading = page.getByTestId('chart-quiz-scores').locator('h2');
  await expect(heading).toHaveText('ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ ᠠᠰᠠᠭᠤᠯᠲᠠ ᠣᠨᠣᠭ᠎ᠠ ᠪᠠᠷ');
  expect(await heading.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
  // The question in its own traditional Mongolian words, in a column.
  const prompt = page.getByTestId('difficult-questions').locator('.staff-difficult-prompt').first();
  await expect(prompt).toHaveAttribute('lang', 'mn-Mong');
  expect(await prompt.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
  await expectNoSeriousViolations(page, 'statistics with quizzes in ᠮᠣᠩᠭᠣᠯ');
});
