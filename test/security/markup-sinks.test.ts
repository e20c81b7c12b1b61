/** The lint rule that keeps pack text out of the page's markup: each sink is caught, plain text is not. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function markupErrors(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/screens/Probe.tsx') });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('renderer markup sinks', () => {
  it.each([
    [
      'dangerouslySetInnerHTML in JSX',
      'export const P = ({ t }: { t: string }) => <p dangerouslySetInnerHTML={{ __html: t }} />;',
    ],
    [
      'dangerouslySetInnerHTML in props',
      "import { createElement } from 'react';\nexport const p = (t: string) => createElement('p', { dangerouslySetInnerHTML: { __html: t } });",
    ],
    ['innerHTML', 'export const f = (e: HTMLElement, t: string) => { e.innerHTML = t; };'],
    ['outerHTML', 'export const f = (e: HTMLElement, t: string) => { e.outerHTML = t; };'],
    ['insertAdjacentHTML', "export const f = (e: HTMLElement, t: string) => e.insertAdjacentHTML('beforeend', t);"],
    ['document.write', 'export const f = (t: string) => document.write(t);'],
    ['createContextualFragment', 'export const f = (t: string) => document.createRange().createContextualFragment(t);'],
    ['eval', 'export const f = (t: string) => eval(t);'],
    ['new Function', "export const f = (t: string) => new Function('x', t);"],
  ])('flags %s', async (_name, code) => {
    expect(await markupErrors(code)).toHaveLength(1);
  });

  it.each([
    ['text as a child', 'export const P = ({ t }: { t: string }) => <p>{t}</p>;'],
    ['textContent', 'export const f = (e: HTMLElement, t: string) => { e.textContent = t; };'],
    ['a stream write', 'export const f = (w: WritableStreamDefaultWriter<string>, t: string) => w.write(t);'],
  ])('allows %s', async (_name, code) => {
    expect(await markupErrors(code)).toEqual([]);
  });
});
