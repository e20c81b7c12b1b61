/**
 * The visitor's quiz, by touch, on the demo's farm quiz (one question of each of the eight types): a practice
 * in Korean with Hangul typed on the keyboard and a number on the pad, a challenge in traditional Mongolian
 * whose every step runs in vertical columns, a language switch that keeps the progress, the idle reset that
 * leaves nothing of an attempt, "Read more" opening the reader at its page, the board with its nicknames, and
 * axe on the question, feedback and results screens.
 *
 * Questions come in a random order, so each step reads the question's type and id from the page and answers
 * by key (the quiz's own order of choices, which no shuffle changes).
 */
import { rm } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { demoDataDir, enterStaffMode, expect, kioskTestTime, startHost, test } from './fixtures.ts';

test.use({ hasTouch: true });

type Answer = 'right' | 'wrong';

/** The farm quiz's right answers by question id, in key indices. */
const farmRight = {
  'seed-store': [0],
  bees: [0, 1],
  leaf: [0],
  worms: false,
  scrub: '30',
  animals: 4,
  'bean-life': 4,
} as const;

async function startVisit(page: Page, language?: string) {
  await page.getByTestId('attract').tap();
  await expect(page.getByTestId('shelf-quizzes')).toBeVisible();
  if (language) await page.getByRole('button', { name: language, exact: true }).tap();
}

/** From home, through the Quizzes shelf and the quiz's item page, to its intro. */
async function openFarmQuiz(page: Page) {
  await page.getByTestId('shelf-quizzes').locator('[data-item-id="farm-quiz"]').tap();
  await page.getByTestId('open-item').tap();
  await expect(page.getByTestId('quiz-intro')).toBeVisible();
  await expect(page.getByTestId('quiz-count')).toHaveAttribute('data-count', '8');
}

async function tapKeys(keyboard: Locator, keys: string) {
  for (const key of keys) await keyboard.getByRole('button', { name: key, exact: true }).tap();
}

/** Switches the on-screen keyboard to Latin letters, whatever the language chose for it. */
async function latinKeys(page: Page): Promise<Locator> {
  const keyboard = page.getByTestId('keyboard');
  if ((await keyboard.getAttribute('data-method')) !== 'latin')
    await keyboard.getByRole('button', { name: 'ABC' }).tap();
  return keyboard;
}

/** Answers the question on screen, rightly or wrongly, and returns its id once the feedback shows. */
async function answer(page: Page, how: Answer, options: { hangulShortAnswer?: boolean } = {}): Promise<string> {
  const question = page.getByTestId('quiz-question');
  await expect(question).toBeVisible();
  const id = (await question.getAttribute('data-question-id')) as keyof typeof farmRight;
  const type = await question.getAttribute('data-question-type');
  const key = (n: number) => question.locator(`.quiz-choice[data-key="${n}"]`);
  const check = () => page.getByTestId('quiz-check').tap();
  switch (type) {
    case 'single':
    case 'image-choice':
      await key(how === 'right' ? 0 : 1).tap();
      break;
    case 'multiple':
      for (const n of how === 'right' ? [0, 1] : [2]) await key(n).tap();
      await check();
      break;
    case 'true-false':
      await question.locator(`[data-value="${String(how !== 'right')}"]`).tap();
      break;
    case 'short':
      if (options.hangulShortAnswer && how === 'right') {
        const keyboard = page.getByTestId('keyboard');
        await expect(keyboard).toHaveAttribute('data-method', 'hangul');
        await tapKeys(keyboard, 'ㅇㅣㅅㅏㄴㅎㅗㅏㅌㅏㄴㅅㅗ');
        await expect(page.getByTestId('quiz-typed')).toHaveText('이산화탄소');
      } else await tapKeys(await latinKeys(page), how === 'right' ? 'co2' : 'salt');
      await check();
      break;
    case 'numeric': {
      const pad = page.getByTestId('number-pad');
      const tapPad = async (keys: string) => {
        for (const k of keys) await pad.locator(`[data-pad="${k}"]`).tap();
      };
      if (how === 'right') await tapPad(farmRight.scrub);
      else {
        // 1, 2, minus, two backspaces, 5, minus again: "5", far too short a scrub.
        await tapPad('12');
        await pad.locator('[data-pad="minus"]').tap();
        await expect(page.getByTestId('quiz-number')).toHaveText('\u221212');
        await pad.locator('[data-pad="backspace"]').tap();
        await pad.locator('[data-pad="backspace"]').tap();
        await tapPad('5');
        await expect(page.getByTestId('quiz-number')).toHaveText('\u22125');
        await pad.locator('[data-pad="minus"]').tap();
        await expect(page.getByTestId('quiz-number')).toHaveText('5');
      }
      await check();
      break;
    }
    case 'matching':
      for (let left = 0; left < 4; left++) {
        await question.locator(`.matching-left[data-key="${left}"]`).tap();
        await question.locator(`.matching-right[data-key="${how === 'right' ? left : (left + 1) % 4}"]`).tap();
      }
      await check();
      break;
    case 'ordering':
      for (const n of how === 'right' ? [0, 1, 2, 3] : [3, 2, 1, 0])
        await question.locator(`.ordering-item[data-key="${n}"]`).tap();
      await check();
      break;
    default:
      throw new Error(`unexpected question type ${type}`);
  }
  await expect(page.getByTestId('quiz-feedback')).toHaveAttribute('data-question-id', id);
  return id;
}

async function next(page: Page) {
  await page.getByTestId('quiz-next').tap();
}

const writingMode = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).writingMode);

test('a practice quiz in Korean by touch: every type, Hangul typed, a number on the pad, feedback, results and read more at its page', async ({
  kioskPage: page,
}) => {
  await startVisit(page, '한국어');
  await openFarmQuiz(page);
  await page.getByRole('button', { name: /연습/ }).tap();

  const wrongOnes = new Set(['worms', 'scrub']);
  const seen: string[] = [];
  for (let step = 1; step <= 8; step++) {
    await expect(page.getByTestId('quiz-position')).toHaveAttribute('data-position', String(step));
    await expect(page.getByTestId('quiz-position')).toContainText(`8문제 중 ${step}번`);
    const question = page.getByTestId('quiz-question');
    const id = await question.getAttribute('data-question-id');
    await expect(page.getByTestId('quiz-timer')).toHaveCount(0);
    await answer(page, wrongOnes.has(id!) ? 'wrong' : 'right', { hangulShortAnswer: true });
    const feedback = page.getByTestId('quiz-feedback');
    await expect(feedback).toHaveAttribute('data-verdict', wrongOnes.has(id!) ? 'wrong' : 'right');
    await expect(page.getByTestId('quiz-verdict')).toContainText(wrongOnes.has(id!) ? '아쉬워요' : '정답!');
    await expect(page.getByTestId('quiz-reveal')).toBeVisible();
    if (id === 'scrub') await expect(page.getByTestId('quiz-reveal')).toContainText('20–60');
    if (id === 'worms') await expect(page.getByTestId('quiz-reveal')).toContainText('아니다');
    seen.push(id!);
    await next(page);
  }
  expect(new Set(seen)).toEqual(new Set(Object.keys(farmRight).concat('plant-gas')));

  const results = page.getByTestId('quiz-results');
  await expect(results).toBeVisible();
  await expect(page.getByTestId('quiz-score')).toContainText('6/8');
  await expect(page.getByTestId('quiz-score')).toContainText('8문제 중 6문제 정답');
  await expect(page.getByTestId('quiz-score')).toContainText('75%');
  const missed = page.getByTestId('quiz-missed').locator('li');
  await expect(missed).toHaveCount(2);
  const scrub = page.getByTestId('quiz-missed').locator('[data-question-id="scrub"]');
  await expect(scrub).toContainText('비누로 손을');

  // Read more opens the hand-washing leaflet at page 2, over the results, which are there again after.
  await scrub.getByTestId('quiz-read-more').tap();
  const reader = page.getByTestId('reader');
  await expect(reader).toHaveAttribute('data-page', '2');
  await expect(page.getByTestId('reader-position')).toContainText('2');
  await reader.getByRole('button', { name: '닫기' }).first().tap();
  await expect(reader).toHaveCount(0);
  await expect(page.getByTestId('quiz-score')).toContainText('6/8');

  // Play again starts afresh at the intro.
  await page.getByTestId('quiz-again').tap();
  await expect(page.getByTestId('quiz-intro')).toBeVisible();
});

test('a challenge in traditional Mongolian by touch: vertical columns throughout, a clock, points', async ({
  kioskPage: page,
}) => {
  await startVisit(page, 'ᠮᠣᠩᠭᠣᠯ');
  await openFarmQuiz(page);
  expect(await writingMode(page.getByTestId('quiz'))).toBe('vertical-lr');
  expect(await writingMode(page.locator('.quiz-title'))).toBe('vertical-lr');
  await page.locator('[data-mode="contest"]').tap();

  for (let step = 1; step <= 8; step++) {
    const question = page.getByTestId('quiz-question');
    await expect(question).toBeVisible();
    await expect(page.getByTestId('quiz-timer')).toBeVisible();
    expect(await writingMode(question.locator('.quiz-prompt'))).toBe('vertical-lr');
    expect(await writingMode(question.locator('.quiz-position .label'))).toBe('vertical-lr');
    const type = await question.getAttribute('data-question-type');
    if (type === 'numeric') {
      // The pad's digits stand upright; its Check button's word runs down the column.
      expect(await writingMode(page.getByTestId('number-pad'))).toBe('horizontal-tb');
      expect(await writingMode(page.getByTestId('quiz-check').locator('.label'))).toBe('vertical-lr');
    }
    if (type === 'single') expect(await writingMode(question.locator('.quiz-choice-text').first())).toBe('vertical-lr');
    await answer(page, 'right');
    await expect(page.getByTestId('quiz-feedback')).toHaveAttribute('data-verdict', 'right');
    expect(await writingMode(page.locator('.quiz-verdict-words'))).toBe('vertical-lr');
    await expect(page.getByTestId('quiz-earned')).toContainText('+');
    await next(page);
  }
  await expect(page.getByTestId('quiz-results')).toBeVisible();
  expect(await writingMode(page.locator('#quiz-results-title'))).toBe('vertical-lr');
  const score = Number(await page.getByTestId('quiz-score').getAttribute('data-score'));
  // Eight right answers, each worth at least half of 1000, and the streak bonus from the second on.
  expect(score).toBeGreaterThan(8 * 500 + 2000);
  await expect(page.getByTestId('quiz-missed')).toHaveCount(0);
});

test('switching language mid-quiz keeps the question, the progress and a half-made answer', async ({
  kioskPage: page,
}) => {
  await startVisit(page);
  await openFarmQuiz(page);
  await page.getByRole('button', { name: /Practice/ }).tap();
  const question = page.getByTestId('quiz-question');
  // On to the matching question, answering what comes before it.
  let answered = 0;
  while ((await question.getAttribute('data-question-type')) !== 'matching') {
    await answer(page, 'right');
    await next(page);
    answered++;
  }
  await question.locator('.matching-left[data-key="2"]').tap();
  await question.locator('.matching-right[data-key="2"]').tap();
  const englishPrompt = await question.locator('.quiz-prompt').textContent();

  await page.getByRole('button', { name: '한국어', exact: true }).tap();
  await expect(question.locator('.quiz-prompt')).toHaveText('동물과 그 동물이 농장에 주는 것을 이으세요.');
  expect(englishPrompt).not.toContain('동물');
  await expect(question).toHaveAttribute('data-question-type', 'matching');
  await expect(page.getByTestId('quiz-position')).toHaveAttribute('data-position', String(answered + 1));
  await expect(question.locator('.matching-left[data-key="2"]')).toHaveAttribute('data-pair', /\d/);
  await expect(question.locator('.matching-left[data-key="2"] .matching-given')).toHaveText('꿀');

  // Finished in Korean, the pair made in English still counts.
  await answer(page, 'right');
  await expect(page.getByTestId('quiz-feedback')).toHaveAttribute('data-verdict', 'right');
  await next(page);
  for (let step = answered + 2; step <= 8; step++) {
    await answer(page, 'right');
    await next(page);
  }
  await expect(page.getByTestId('quiz-score')).toContainText('8/8');
});

test('the idle reset mid-quiz leaves no trace: the next visitor starts at the intro', async ({ page }) => {
  const dataDir = await demoDataDir('kiosk-quiz-idle-');
  const { host, child } = await startHost(dataDir, ['--idle-seconds', '60']);
  try {
    // The page's clock, not the machine's, decides when the visit ends: a loaded machine cannot end it early.
    await page.clock.install({ time: kioskTestTime });
    await page.goto(host.launchUrl);
    await startVisit(page, '한국어');
    await openFarmQuiz(page);
    await page.getByRole('button', { name: /연습/ }).tap();
    await answer(page, 'right');
    await next(page);
    await expect(page.getByTestId('quiz-position')).toHaveAttribute('data-position', '2');

    // Walk away: the countdown comes and runs out.
    await page.clock.fastForward(61_000);
    await expect(page.getByTestId('idle-countdown')).toBeVisible();
    await page.clock.fastForward(60_000);
    await expect(page.getByTestId('attract')).toBeVisible();
    await expect(page.getByTestId('quiz')).toHaveCount(0);

    await startVisit(page);
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await openFarmQuiz(page);
    await expect(page.getByTestId('quiz-question')).toHaveCount(0);
    await page.getByRole('button', { name: /Practice/ }).tap();
    await expect(page.getByTestId('quiz-position')).toHaveAttribute('data-position', '1');
    await expect(page.locator('.quiz-dots li.done')).toHaveCount(0);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** Staff switch the board on, with typed nicknames, through the staff API once signed in; then the visit ends. */
async function boardOn(page: Page) {
  await enterStaffMode(page, '482913');
  const saved = await page.evaluate(async () => {
    const current = await window.kioskBridge.invoke('staff.settings', {});
    if (!current.ok) return current;
    const settings = current.value as Record<string, unknown>;
    return window.kioskBridge.invoke('staff.saveSettings', {
      settings: { ...settings, board: { enabled: true, period: 'day', typedNicknames: true } },
    });
  });
  expect(saved).toMatchObject({ ok: true });
  await page.getByRole('button', { name: 'Finish' }).click();
}

test('a challenge goes on the board: a made-up name with two re-rolls, a blocked typed name refused kindly, then the place', async ({
  kioskPage: page,
}) => {
  await boardOn(page);
  await startVisit(page);
  await openFarmQuiz(page);
  await page.locator('[data-mode="contest"]').tap();
  for (let step = 1; step <= 8; step++) {
    await answer(page, 'right');
    await next(page);
  }
  await expect(page.getByTestId('board-offer')).toBeVisible();
  await page.getByTestId('board-join').tap();

  const nickname = page.getByTestId('nickname');
  const names = [await nickname.textContent()];
  const reroll = page.getByTestId('board-reroll');
  for (const left of ['2', '1']) {
    await expect(reroll).toHaveAttribute('data-left', left);
    await reroll.tap();
    await expect(nickname).not.toHaveText(names.at(-1)!);
    names.push(await nickname.textContent());
  }
  expect(new Set(names).size).toBe(3);
  for (const name of names) expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+( [A-Z][a-z]+)?$/);
  await expect(reroll).toBeDisabled();

  await page.getByTestId('board-type').tap();
  const keyboard = await latinKeys(page);
  await tapKeys(keyboard, 'shit');
  await page.getByTestId('nickname-use').tap();
  await expect(page.getByTestId('nickname-refused')).toHaveAttribute('data-reason', 'blocked');
  await expect(page.getByTestId('nickname-refused')).toContainText("Let's pick a different name");
  await keyboard.getByRole('button', { name: 'Clear' }).tap();
  await tapKeys(keyboard, 'bora');
  await page.getByTestId('nickname-use').tap();

  const board = page.getByTestId('board');
  await expect(board).toHaveAttribute('data-place', '1');
  await expect(board).toContainText('You are number 1 on the board!');
  await expect(board.locator('.board-entry.mine')).toContainText('bora');
});

test('during a contest a challenger picks a team, and the results show how the teams stand', async ({
  kioskPage: page,
}) => {
  await enterStaffMode(page, '482913');
  const hour = 3_600_000;
  const saved = await page.evaluate((contest) => window.kioskBridge.invoke('staff.saveContest', { contest }), {
    id: 'harvest-cup',
    names: { en: 'Harvest cup' },
    quizzes: ['farm-quiz'],
    teams: [
      { id: 'north-farm', names: { en: 'North farm' } },
      { id: 'river-farm', names: { en: 'River farm' } },
    ],
    startsAt: new Date(kioskTestTime.getTime() - hour).toISOString(),
    endsAt: new Date(kioskTestTime.getTime() + 24 * hour).toISOString(),
  });
  expect(saved).toMatchObject({ ok: true });
  await page.getByRole('button', { name: 'Finish' }).click();
  await startVisit(page);
  await openFarmQuiz(page);
  await page.locator('[data-mode="contest"]').tap();
  const teams = page.getByTestId('quiz-teams');
  await expect(teams).toContainText('Which team are you playing for?');
  await teams.locator('[data-team="river-farm"]').tap();
  for (let step = 1; step <= 8; step++) {
    await answer(page, step <= 4 ? 'right' : 'wrong');
    await next(page);
  }
  const standing = page.getByTestId('quiz-standing');
  await expect(standing).toContainText('How the teams stand');
  await expect(standing.getByTestId('standing-team').first()).toContainText('River farm');
  await expect(standing.getByTestId('standing-team')).toHaveCount(2);
});

const layouts = [
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
] as const;

for (const layout of layouts) {
  test.describe(layout.name, () => {
    test.use({ viewport: layout.viewport, reducedMotion: 'reduce' });

    test('the quiz intro, a question, its feedback and the results have no serious axe violation', async ({
      kioskPage: page,
    }) => {
      // Eighteen axe passes over full pages: a few seconds each on a busy two-core machine.
      test.slow();
      await startVisit(page);
      await openFarmQuiz(page);
      await expectNoSeriousViolations(page, 'quiz intro');
      await page.getByRole('button', { name: /Practice/ }).tap();
      const checked = new Set<string>();
      for (let step = 1; step <= 8; step++) {
        const type = (await page.getByTestId('quiz-question').getAttribute('data-question-type'))!;
        // Each kind of answer input once: choices, pictures, the keyboard, the pad, pairs and places.
        if (!checked.has(type)) await expectNoSeriousViolations(page, `${type} question`);
        await answer(page, step % 3 === 0 ? 'wrong' : 'right');
        if (!checked.has(type)) await expectNoSeriousViolations(page, `${type} feedback`);
        checked.add(type);
        await next(page);
      }
      await expect(page.getByTestId('quiz-results')).toBeVisible();
      await expectNoSeriousViolations(page, 'quiz results');
    });
  });
}
