/** The foundation: boot, the contract round trip, language switching, and the API's refusals. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

const demoManifest = path.join(import.meta.dirname, '../../resources/demo-pack/manifest.json');
const demoItemCount = (JSON.parse(readFileSync(demoManifest, 'utf8')) as { items: unknown[] }).items.length;

test('boots to the attract screen and a touch starts a visit with the demo pack on the shelves', async ({
  kioskPage: page,
}) => {
  await expect(page.getByTestId('attract')).toContainText('Touch the screen to start');
  await page.getByTestId('attract').click();
  const subjectShelves = page.locator(
    '[data-testid^="shelf-"]:not([data-testid="shelf-new"]):not([data-testid="shelf-latest"])',
  );
  // Every item of the demo pack sits on at least one subject shelf. Each shelf asks for its own
  // items, so the shelves fill one by one: wait for them all rather than reading the first few.
  await expect.poll(async () => new Set(await subjectShelves.locator('li').allInnerTexts()).size).toBe(demoItemCount);
  await expect(page.getByRole('main')).toContainText('Solar power basics');
});

test('switching language changes interface text and item titles', async ({ kioskPage: page }) => {
  await page.getByTestId('attract').click();
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '마치기' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('태양광 발전의 기초');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('main')).toContainText('太阳能发电基础');
  await page.getByRole('button', { name: 'Монгол', exact: true }).click();
  await expect(page.getByText('Өнөөдөр юу сурмаар байна?')).toBeVisible();
});

test('finishing a visit returns to the attract screen in the default language', async ({ kioskPage: page }) => {
  await page.getByTestId('attract').click();
  await page.getByRole('button', { name: '한국어' }).click();
  await page.getByRole('button', { name: '마치기' }).click();
  await expect(page.getByTestId('attract')).toContainText('Touch the screen to start');
});

test('a malformed contract call is rejected with a clear error', async ({ kioskPage: page }) => {
  const result = await page.evaluate(() =>
    window.kioskBridge.invoke('catalog.list', { locale: 'xx', page: { limit: 5000 } }),
  );
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toContain('locale');
    expect(result.error.message).toContain('page.limit');
  }
  const unknown = await page.evaluate(() => window.kioskBridge.invoke('catalog.dropTables', {}));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
});

test('an API call without the session cookie is refused', async ({ kiosk, request }) => {
  const response = await request.post(`${kiosk.origin}/api/call/catalog.list`, { data: { locale: 'en' } });
  expect(response.status()).toBe(401);
  expect(await response.text()).toContain('session cookie');
  const events = await request.get(`${kiosk.origin}/api/events`);
  expect(events.status()).toBe(401);
});

test('a launch link with the wrong key does not sign in', async ({ kiosk, page }) => {
  const response = await page.goto(`${kiosk.origin}/launch?key=guess`);
  expect(response?.status()).toBe(401);
  const call = await page.evaluate(
    async () => (await fetch('/api/call/app.info', { method: 'POST', body: '{}' })).status,
  );
  expect(call).toBe(401);
});
