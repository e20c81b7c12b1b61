/** When the service answers badly, the visitor sees what happened and can go on; the screen never goes blank. */
import { expect, test } from './fixtures.ts';

test('a service that cannot answer shows a clear error with a way to try again', async ({ kioskPage: page }) => {
  await page.route('**/api/call/catalog.subjects', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"boom"}' }),
  );
  await page.getByTestId('attract').click();
  await expect(page.getByRole('alert')).toContainText('The kiosk service is not available right now');
  await page.unroute('**/api/call/catalog.subjects');
  await page.getByRole('button', { name: 'Try again' }).first().click();
  await expect(page.getByTestId('shelf-energy')).toBeVisible();
});

test('a screen that fails to render is caught, and starting again brings the kiosk back', async ({
  kioskPage: page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // An answer the contract forbids: the home screen cannot render it.
  await page.route('**/api/call/catalog.subjects', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true,"value":{"subjects":null}}' }),
  );
  await page.getByTestId('attract').click();
  await expect(page.getByRole('alert')).toContainText('The kiosk ran into a problem');
  expect(errors.join('\n')).toContain('a screen failed to render');
  await page.unroute('**/api/call/catalog.subjects');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('attract')).toBeVisible();
  await page.getByTestId('attract').click();
  await expect(page.getByTestId('shelf-energy')).toBeVisible();
});
