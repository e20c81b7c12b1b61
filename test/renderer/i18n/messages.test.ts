import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { locales } from '../../../preload/contract/schemas.ts';
import { translate } from '../../../renderer/i18n/i18n.tsx';
import { messages } from '../../../renderer/messages.ts';

describe('interface messages', () => {
  const english = Object.keys(messages.en).sort();

  it.each(locales)('%s has exactly the English keys, each a valid ICU message', (locale) => {
    expect(Object.keys(messages[locale]).sort()).toEqual(english);
    for (const [key, text] of Object.entries(messages[locale])) {
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
      expect(
        () => new IntlMessageFormat(text, locale.startsWith('mn') ? 'mn' : locale),
        `${locale} ${key}`,
      ).not.toThrow();
    }
  });

  it('merges every capability’s messages', () => {
    expect(messages.en['reader.open']).toBe('Read');
    expect(messages.ko['packs.error.busy']).toMatch(/다른 자료 묶음/);
    expect(messages['mn-Mong']['crash.title']).toBeTruthy();
  });

  it('chooses plural forms by count', () => {
    expect(translate('en', 'home.itemCount', { count: 0 })).toBe('No items');
    expect(translate('en', 'home.itemCount', { count: 1 })).toBe('1 item');
    expect(translate('en', 'home.itemCount', { count: 12 })).toBe('12 items');
    expect(translate('ko', 'home.itemCount', { count: 3 })).toBe('자료 3개');
  });
});
