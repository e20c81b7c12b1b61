/**
 * The PDF engine a hostile PDF meets: a PDF.js release with the CVE-2024-4367 fix (arbitrary
 * JavaScript through a font's FontMatrix, fixed in 4.2.67), no code generation left in it at all,
 * and the reader's options keeping XFA and PDF scripting off.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((version) => version.split(/[.-]/).slice(0, 3).map(Number));
  for (let index = 0; index < 3; index++) {
    const difference = (pa![index] ?? 0) - (pb![index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

async function rendererSources(): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(path.join(root, 'renderer'), { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile() && /\.(ts|tsx|html)$/.test(entry.name))
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { file: path.relative(root, file), text: await readFile(file, 'utf8') };
      }),
  );
}

describe('PDF.js', () => {
  it('is a release with the CVE-2024-4367 fix (4.2.67 or later)', async () => {
    const { version } = JSON.parse(await readFile(path.join(pdfjsDir, 'package.json'), 'utf8')) as { version: string };
    expect(compareVersions(version, '4.2.67'), `pdfjs-dist ${version}`).toBeGreaterThanOrEqual(0);
  });

  it('compares versions by number, not by text', () => {
    expect(compareVersions('4.2.66', '4.2.67')).toBe(-1);
    expect(compareVersions('4.10.38', '4.2.67')).toBe(1);
    expect(compareVersions('6.5.438', '4.2.67')).toBe(1);
    expect(compareVersions('4.2.67', '4.2.67')).toBe(0);
  });

  it('generates no code: neither its main build nor its worker contains eval or new Function', async () => {
    for (const build of ['pdf.mjs', 'pdf.min.mjs', 'pdf.worker.mjs', 'pdf.worker.min.mjs']) {
      const text = await readFile(path.join(pdfjsDir, 'build', build), 'utf8');
      expect(text, build).not.toMatch(/\bnew Function\s*\(|\beval\s*\(/);
    }
  });

  it('is opened by the reader with XFA off and never with eval or scripting on', async () => {
    const options = await readFile(path.join(root, 'renderer/reader/pdf-document.ts'), 'utf8');
    expect(options).toMatch(/getDocument\(/);
    expect(options).toMatch(/enableXfa:\s*false/);
    expect(options).not.toMatch(/isEvalSupported:\s*true|enableScripting:\s*true/);
  });

  it('has no scripting sandbox, viewer scripting or annotation layer anywhere in the renderer', async () => {
    for (const { file, text } of await rendererSources()) {
      expect(text, file).not.toMatch(
        /pdf\.sandbox|pdf_viewer|PDFScriptingManager|AnnotationLayer\b|enableScripting:\s*true/,
      );
    }
  });
});
