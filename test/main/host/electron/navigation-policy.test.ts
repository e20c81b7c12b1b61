import { describe, expect, it } from 'vitest';
import { isAppUrl, lockDownNavigation } from '../../../../main/host/electron/navigation-policy.ts';
import { FakeWebContents, fakeEvent } from './fake-electron.ts';

const appUrls = ['kiosk://app/index.html', 'kiosk://app/', 'kiosk://app/content/ab12?x=1#page=3'];
const foreignUrls = [
  'https://example.org/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'kiosk://evil/index.html',
  'kiosk://app.evil.example/',
  'kiosk://app@evil/',
  'kiosk://user:pw@app/',
  'kiosk://app:8080/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'mailto:someone@example.org',
  'not a url',
  '',
];

function lockedContents() {
  const contents = new FakeWebContents();
  const refusals: string[] = [];
  lockDownNavigation(contents.asElectron(), (kind, url) => refusals.push(`${kind} ${url}`));
  return { contents, refusals };
}

describe('isAppUrl', () => {
  it.each(appUrls)('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));
  it.each(foreignUrls)('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
  it('refuses a missing URL', () => expect(isAppUrl(undefined)).toBe(false));
});

describe.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s', (eventName) => {
  it.each(appUrls)('lets the page go to %s', (url) => {
    const { contents, refusals } = lockedContents();
    const event = fakeEvent({ url, isMainFrame: true });
    contents.emit(eventName, event, url);
    expect(event.defaultPrevented).toBe(false);
    expect(refusals).toEqual([]);
  });

  it.each(foreignUrls)('cancels going to %s', (url) => {
    const { contents, refusals } = lockedContents();
    const event = fakeEvent({ url, isMainFrame: false });
    contents.emit(eventName, event, url);
    expect(event.defaultPrevented).toBe(true);
    expect(refusals).toHaveLength(1);
  });
});

describe('new windows and guests', () => {
  it.each([...appUrls, ...foreignUrls])('denies window.open(%s)', (url) => {
    const { contents, refusals } = lockedContents();
    const answer = contents.windowOpenHandler!({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'no-referrer' },
    } as Parameters<NonNullable<FakeWebContents['windowOpenHandler']>>[0]);
    expect(answer).toEqual({ action: 'deny' });
    expect(refusals).toEqual([`window ${url}`]);
  });

  it.each(['kiosk://app/index.html', 'https://example.org/'])('refuses a <webview> for %s', (src) => {
    const { contents } = lockedContents();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('history', () => {
  it('is emptied after every load, so back and forward lead nowhere', () => {
    const { contents } = lockedContents();
    contents.emit('did-finish-load');
    contents.emit('did-finish-load');
    expect(contents.historyCleared).toBe(2);
  });
});
