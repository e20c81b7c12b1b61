/**
 * The static page shown once the kiosk page keeps crashing: no script, one hashed style, the
 * message in every interface language at once (nobody is there to pick one). Its texts come from
 * the renderer's i18n message files, read as data when the app starts.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface CrashText {
  locale: string;
  title: string;
  body: string;
}

export const crashPageLocales = ['en', 'ko', 'zh-Hans', 'mn-Cyrl', 'mn-Mong'] as const;

/** Read one by one in `crashPageLocales` order, so a missing or incomplete file is always reported by the same name. */
export async function readCrashTexts(messagesDir: string): Promise<CrashText[]> {
  const texts: CrashText[] = [];
  for (const locale of crashPageLocales) {
    const file = path.join(messagesDir, `${locale}.json`);
    const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const title = messages['crash.title'];
    const body = messages['crash.body'];
    if (typeof title !== 'string' || typeof body !== 'string') {
      throw new Error(`${file} lacks crash.title or crash.body; add both keys to every message file.`);
    }
    texts.push({ locale, title, body });
  }
  return texts;
}

const style = [
  'html,body{margin:0;height:100%;background:#f6f3ec;color:#222;font-family:"Noto Sans","Noto Sans KR","Noto Sans SC","Noto Sans Mongolian",sans-serif}',
  'body{display:flex;flex-wrap:wrap;align-content:center;justify-content:center;gap:2rem;padding:2rem;box-sizing:border-box}',
  'section{max-width:28rem}',
  'section[lang=mn-Mong]{writing-mode:vertical-lr;max-height:22rem}',
  'h1{font-size:1.6rem;margin:0 0 .5rem}',
  'p{font-size:1.1rem;margin:0}',
].join('');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function crashPageHtml(texts: readonly CrashText[]): string {
  const styleHash = createHash('sha256').update(style).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`;
  const sections = texts
    .map(
      ({ locale, title, body }) =>
        `<section lang="${escapeHtml(locale)}"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></section>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>${escapeHtml(texts[0]?.title ?? '')}</title>`,
    `<style>${style}</style>`,
    '</head><body>',
    sections,
    '</body></html>',
  ].join('\n');
}

/** A data: URL, so showing the page needs neither the renderer build nor the app scheme. */
export function crashPageUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}
