import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  crashPageHtml,
  crashPageLocales,
  crashPageUrl,
  readCrashTexts,
} from '../../../../main/host/electron/crash-page.ts';

const messagesDir = path.resolve(import.meta.dirname, '../../../../renderer/i18n/messages');

describe('crash page', () => {
  it('shows the message of every interface language, read from the i18n files', async () => {
    const texts = await readCrashTexts(messagesDir);
    expect(texts.map((text) => text.locale)).toEqual([...crashPageLocales]);
    const html = crashPageHtml(texts);
    for (const { locale, title, body } of texts) {
      expect(html).toContain(`<section lang="${locale}"><h1>${title}</h1><p>${body}</p></section>`);
    }
  });

  it('runs no script: its policy allows only its own hashed style', () => {
    const html = crashPageHtml([{ locale: 'en', title: 'Stopped', body: 'Tell the staff.' }]);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    const style = /<style>(.*)<\/style>/s.exec(html)?.[1] ?? '';
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes message text as data', () => {
    const html = crashPageHtml([{ locale: 'en', title: '<img src=x onerror=alert(1)>', body: '"&' }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
  });

  it('names the message file that lacks the keys', async () => {
    await expect(readCrashTexts(path.resolve(import.meta.dirname))).rejects.toThrow(/en\.json/);
  });

  it('travels as a data: URL that decodes to the page', () => {
    const html = crashPageHtml([{ locale: 'ko', title: '멈춤', body: '직원' }]);
    const url = crashPageUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe(html);
  });
});
