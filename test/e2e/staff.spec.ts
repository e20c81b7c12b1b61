/**
 * Staff mode in the browser host: the hidden corner gesture, the first-run PIN, the staff screens, and
 * the main process refusing staff calls from a page without a session.
 */
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, tapsWithinTheGesture, test } from './fixtures.ts';

const pin = '482913';

/** Taps the bottom-left corner `times` times, quickly, the way staff open staff mode. */
async function tapCorner(page: Page, times = 5) {
  // The gesture is heard once the kiosk's screens are up.
  await expect(page.locator('[data-screen]')).toBeVisible();
  const height = page.viewportSize()!.height;
  await tapsWithinTheGesture(page, () => page.mouse.click(24, height - 24), times);
}

async function typePin(page: Page, digits: string) {
  const pad = page.locator('.pin-keys');
  for (const digit of digits) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: 'OK' }).click();
}

/** First run: the corner, the new PIN twice, then from the settings it leads to back to the staff home. */
async function setUpStaff(page: Page) {
  await tapCorner(page);
  await typePin(page, pin);
  await typePin(page, pin);
  await expect(page.getByText('The PIN is set.', { exact: false })).toBeVisible();
  await page.getByTestId('back').click();
  await expect(page.getByTestId('staff-home')).toBeVisible();
}

const staffPacksFromPage = (page: Page) => page.evaluate(() => window.kioskBridge.invoke('staff.packs', {}));

test('five taps in the corner open the first-run setup; the PIN typed twice opens staff mode, and leaving ends it', async ({
  kioskPage: page,
}) => {
  await expect(page.getByTestId('attract')).toBeVisible();
  expect(await staffPacksFromPage(page)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  // Four taps are not the gesture.
  await tapCorner(page, 4);
  await page.waitForTimeout(3100);
  await tapCorner(page, 1);
  await expect(page.getByText('This kiosk is new.', { exact: false })).toBeHidden();

  await tapCorner(page);
  await expect(page.getByText('This kiosk is new.', { exact: false })).toBeVisible();
  await typePin(page, pin);
  await expect(page.getByText('Enter the same PIN again.')).toBeVisible();
  await typePin(page, pin);
  // A new kiosk goes on to its settings; back from there is the staff home.
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByTestId('back').click();
  await expect(page.getByTestId('staff-home')).toBeVisible();
  expect(await staffPacksFromPage(page)).toMatchObject({ ok: true });

  await page.getByRole('button', { name: /Load from USB/ }).click();
  await expect(page.getByRole('heading', { name: 'Load from USB' })).toBeVisible();
  await expect(page.locator('.staff-import')).toHaveAttribute('aria-busy', 'false');

  await page.getByTestId('back').click();
  await page.getByRole('button', { name: /^Log/ }).click();
  // The kiosk's own log, newest first: the sign-in, and before it the demo collection's first load.
  await expect(page.getByTestId('log-entry').first()).toContainText('The staff PIN was chosen at first-run setup');
  await expect(page.getByTestId('log-entry').filter({ hasText: /Loaded full pack demo version \d+/ })).toHaveCount(1);

  await page.getByTestId('back').click();
  await page.getByTestId('staff-leave').click();
  await expect(page.getByTestId('attract')).toBeVisible();
  expect(await staffPacksFromPage(page)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('a different second PIN starts the choice again', async ({ kioskPage: page }) => {
  await tapCorner(page);
  await typePin(page, pin);
  await typePin(page, '111111');
  await expect(page.getByTestId('pin-message')).toHaveText('The two PINs were different. Choose the PIN again.');
  await expect(page.getByText('This kiosk is new.', { exact: false })).toBeVisible();
});

test('wrong PINs say how many tries are left, then lock the pad with a countdown; finishing the visit signs staff out', async ({
  kioskPage: page,
}) => {
  await setUpStaff(page);
  await expect(page.getByTestId('staff-home')).toBeVisible();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect.poll(() => staffPacksFromPage(page)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  await tapCorner(page);
  await expect(page.getByText('Enter the staff PIN.')).toBeVisible();
  await typePin(page, '000000');
  await expect(page.getByTestId('pin-message')).toHaveText(
    'That PIN is not right. 3 more tries before the pad locks for a while.',
  );
  for (let wrong = 0; wrong < 3; wrong++) await typePin(page, '000000');
  await expect(page.getByTestId('pin-message')).toHaveText(
    'That PIN is not right. One more wrong PIN locks the pad for a while.',
  );
  await typePin(page, '000000');
  await expect(page.getByTestId('pin-message')).toHaveText(/Too many wrong PINs\. Try again in (30|29|28) seconds\./);
  await expect(page.locator('.pin-keys').getByRole('button', { name: '1', exact: true })).toBeDisabled();
  // The right PIN is no key to a locked pad, even after starting again.
  await page.reload();
  await tapCorner(page);
  await expect(page.getByTestId('pin-message')).toHaveText(/Too many wrong PINs/);
});

test('the staff screens have no serious axe violation, and in traditional Mongolian their words run in columns', async ({
  kioskPage: page,
}) => {
  await tapCorner(page);
  await expectNoSeriousViolations(page, 'staff setup');
  await typePin(page, pin);
  await typePin(page, pin);
  await expect(page.getByText('The PIN is set.', { exact: false })).toBeVisible();
  await expectNoSeriousViolations(page, 'staff settings');
  await page.getByTestId('back').click();
  await expect(page.getByTestId('staff-home')).toBeVisible();
  await expectNoSeriousViolations(page, 'staff home');
  await page.getByRole('button', { name: /Load from USB/ }).click();
  await expect(page.locator('.staff-import')).toHaveAttribute('aria-busy', 'false');
  await expectNoSeriousViolations(page, 'staff import');

  await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
  const heading = page.locator('.staff-import h1');
  await expect(heading).toHaveText('USB ᠡᠴᠡ ᠠᠴᠢᠶᠠᠯᠠᠬᠤ');
  expect(await heading.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
  await expectNoSeriousViolations(page, 'staff import in ᠮᠣᠩᠭᠣᠯ');
});

test('staff see the installed demo pack and remove it, after a question, and the shelves are empty', async ({
  kioskPage: page,
}) => {
  await setUpStaff(page);
  await page.getByRole('button', { name: /What is installed/ }).click();
  const demo = page.getByTestId('installed-pack');
  await expect(demo).toHaveCount(1);
  await expect(demo).toContainText('demo');
  await expect(demo).toContainText(/\d+ items, [\d.]+ MB/);

  await demo.getByRole('button', { name: 'Remove' }).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('Remove demo?');
  await question.getByRole('button', { name: 'Keep it' }).click();
  await expect(demo).toHaveCount(1);

  await demo.getByRole('button', { name: 'Remove' }).click();
  await page.getByTestId('confirm-remove').click();
  await expect(page.getByTestId('collection-notice')).toContainText(/demo was removed; [\d.]+ MB are free again\./);
  await expect(page.getByTestId('installed-pack')).toHaveCount(0);
  await expect(page.getByText('No packs are installed.', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByTestId('attract').click();
  await expect(page.locator('main.home')).toContainText('Nothing is installed yet.');
});

test('staff name the venue and choose Korean; the next visit starts in Korean under the venue’s name', async ({
  kioskPage: page,
}) => {
  await tapCorner(page);
  await typePin(page, pin);
  await typePin(page, pin);
  await expect(page.getByText('The PIN is set.', { exact: false })).toBeVisible();
  const keyboard = page.getByTestId('keyboard');
  for (const key of 'riverside') await keyboard.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByTestId('venue-name-entry')).toHaveText('riverside');
  await page.getByRole('group', { name: 'Language a visit starts in' }).getByRole('button', { name: '한국어' }).click();
  await page
    .getByRole('group', { name: 'End an unattended visit after' })
    .getByRole('button', { name: '5 minutes' })
    .click();
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('settings-status')).toHaveText('Saved. The next visit starts with these settings.');
  // The visit in progress keeps its language.
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByTestId('venue-name')).toHaveText('riverside');
  await page.getByTestId('attract').click();
  await expect(page.getByRole('button', { name: '마치기' })).toBeVisible();
});

test('staff hide a subject, choose a channel and a feed address, keep search words; visitors and the statistics follow', async ({
  kioskPage: page,
}) => {
  await setUpStaff(page);
  await page.getByRole('button', { name: /^Settings/ }).click();
  const subjects = page.getByTestId('shown-subjects');
  await subjects.getByRole('button', { name: 'Agriculture' }).click();
  await expect(subjects.getByRole('button', { name: 'Agriculture' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('channels').getByRole('button', { name: 'demo' }).click();
  await page
    .getByRole('group', { name: 'Searches in the statistics' })
    .getByRole('button', { name: /Also keep/ })
    .click();

  // A mistyped address is refused before anything is saved, and says what an address looks like.
  await page.getByTestId('edit-feed-url').click();
  const keyboard = page.getByTestId('keyboard').last();
  for (const key of 'feed') await keyboard.getByRole('button', { name: key, exact: true }).click();
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('settings-status')).toContainText('must start with http:// or https://');
  await keyboard.getByRole('button', { name: 'Clear' }).click();
  for (const key of 'http://127.0.0.1/feed/') await keyboard.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByTestId('feed-url-entry')).toHaveText('http://127.0.0.1/feed/');
  await page.getByRole('group', { name: 'Download updates' }).getByRole('button', { name: /22:00/ }).click();
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('settings-status')).toHaveText('Saved. The next visit starts with these settings.');
  expect(await page.evaluate(() => window.kioskBridge.invoke('staff.settings', {}))).toMatchObject({
    ok: true,
    value: {
      hiddenSubjects: ['agriculture'],
      channels: ['demo'],
      keepSearchWords: true,
      feedUrl: 'http://127.0.0.1/feed/',
      downloadWindow: { fromHour: 22, toHour: 6 },
    },
  });

  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByTestId('attract').click();
  await expect(page.locator('.shelf-title').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Health' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Agriculture' })).toHaveCount(0);
  await expect(page.locator('[data-item-id="healthy-soil"]')).toHaveCount(0);
  await page
    .getByRole('button', { name: /Search/ })
    .first()
    .click();
  for (const key of 'soap') await page.getByTestId('keyboard').getByRole('button', { name: key, exact: true }).click();
  // Finish once "soap" has its answer: a search counts when its results stand, or are left.
  await expect(page.getByTestId('search-results').locator('[data-item-id="hand-washing"]')).toBeVisible();
  await page.getByRole('button', { name: 'Finish' }).click();

  await tapCorner(page);
  await typePin(page, pin);
  await page.getByRole('button', { name: /^Statistics/ }).click();
  await expect(page.getByTestId('search-words')).toContainText('soap');
});

test('a visit that reads a leaflet shows up in the statistics, drawn as charts with no CSP violation', async ({
  kioskPage: page,
}) => {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.violatedDirective));
  });
  await page.getByTestId('attract').click();
  await page.locator('[data-item-id="solar-basics"]').first().click();
  await page.getByTestId('open-item').click();
  await expect(page.getByTestId('reader')).toBeVisible();
  await page.clock.runFor(42_000);
  await page.getByTestId('reader').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Finish' }).click();

  await setUpStaff(page);
  // A subject hidden since keeps its name in the statistics (not its id).
  await page.evaluate(async () => {
    const settings = await window.kioskBridge.invoke('staff.settings', {});
    if (!settings.ok) throw new Error('staff.settings failed');
    const saved = await window.kioskBridge.invoke('staff.saveSettings', {
      settings: { ...(settings.value as object), hiddenSubjects: ['energy'] },
    });
    if (!saved.ok) throw new Error('staff.saveSettings failed');
  });
  await page.getByRole('button', { name: /^Statistics/ }).click();
  const figures = page.locator('.staff-figure');
  await expect(figures.filter({ hasText: 'Visits' })).toContainText('1');
  await expect(figures.filter({ hasText: 'Items opened' })).toContainText('1');
  await expect(page.getByTestId('chart-per-day').locator('.recharts-bar-rectangle')).not.toHaveCount(0);
  await expect(page.getByTestId('chart-by-subject')).toContainText('Energy');
  await expect(page.getByTestId('top-items')).toContainText('Solar power basics');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^([0-9a-f]{8} ){7}[0-9a-f]{8}$/);
  await expect(page.getByTestId('export-panel')).toContainText(/This kiosk is venue k-[0-9a-f]{16}\./);
  await expectNoSeriousViolations(page, 'staff statistics');
  await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
  const heading = page.getByTestId('chart-per-day').locator('h2');
  await expect(heading).toHaveText('ᠡᠳᠦᠷ ᠪᠦᠷᠢ ᠶᠢᠨ ᠠᠶᠢᠯᠴᠢᠯᠠᠯ');
  expect(await heading.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
  await expect(page.getByTestId('chart-by-subject').locator('text[writing-mode="vertical-lr"]')).not.toHaveCount(0);
  await expectNoSeriousViolations(page, 'staff statistics in ᠮᠣᠩᠭᠣᠯ');
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
