/**
 * The browser host's page lockdown in a real Chromium: the bridge cancels the shortcuts of the
 * shared table before the page's own handlers, lets typing through, and `window.open` opens nothing.
 * (Shortcuts Chromium handles before any page are for its --kiosk mode and managed policy.)
 */
import { expect, test } from './fixtures.ts';

interface Press {
  key: string;
  code: string;
  ctrlKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

const keys: [string, Press][] = [
  ['F12', { key: 'F12', code: 'F12' }],
  ['Ctrl+Shift+I', { key: 'I', code: 'KeyI', ctrlKey: true, shiftKey: true }],
  ['Ctrl+U', { key: 'u', code: 'KeyU', ctrlKey: true }],
  ['Ctrl+P', { key: 'p', code: 'KeyP', ctrlKey: true }],
  ['Ctrl+S', { key: 's', code: 'KeyS', ctrlKey: true }],
  ['Ctrl+F', { key: 'f', code: 'KeyF', ctrlKey: true }],
  ['Ctrl+J', { key: 'j', code: 'KeyJ', ctrlKey: true }],
  ['F5', { key: 'F5', code: 'F5' }],
  ['Alt+Left', { key: 'ArrowLeft', code: 'ArrowLeft', altKey: true }],
  ['Ctrl+0', { key: '0', code: 'Digit0', ctrlKey: true }],
];

test('the bridge cancels the kiosk’s blocked shortcuts and lets typing through', async ({ kioskPage: page }) => {
  const outcome = await page.evaluate(
    (cases) =>
      cases.map(([name, init]) => {
        const event = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true });
        document.body.dispatchEvent(event);
        return [name, event.defaultPrevented] as const;
      }),
    [...keys, ['a', { key: 'a', code: 'KeyA' }] as [string, Press]],
  );
  expect(Object.fromEntries(outcome)).toEqual({
    ...Object.fromEntries(keys.map(([name]) => [name, true])),
    a: false,
  });
});

test('window.open opens nothing and cannot be put back', async ({ kioskPage: page }) => {
  expect(
    await page.evaluate(() => {
      const opened = window.open('/', '_blank');
      try {
        (window as { open: unknown }).open = () => 'replaced';
      } catch {
        // Frozen: assignment throws in strict code, which is the point.
      }
      return [opened, window.open('/')];
    }),
  ).toEqual([null, null]);
  expect(page.context().pages()).toHaveLength(1);
});
