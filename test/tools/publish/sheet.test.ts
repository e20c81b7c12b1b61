import { describe, expect, it } from 'vitest';
import { SheetError, parseSheet } from '../../../tools/publish/sheet.ts';

function problems(text: string): string[] {
  try {
    parseSheet(text, 'sheet.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(SheetError);
    return (error as SheetError).problems;
  }
  throw new Error('the sheet was accepted');
}

const good = `subjects:
  - id: health
    names: { en: Health }
items:
  - id: hand-washing
    kind: pdf
    addedAt: 2026-11-10
    subjects: [health]
    texts:
      en: { title: Why hand washing works, summary: Soap and water. }
    files:
      - { role: main, path: leaflets/hand-washing.en.pdf, language: en }
`;

describe('parseSheet', () => {
  it('reads a sheet and completes dates', () => {
    const sheet = parseSheet(good);
    expect(sheet.items[0]!.addedAt).toBe('2026-11-10T00:00:00Z');
  });

  it('names the line of a YAML syntax error', () => {
    const broken = good.replace('    subjects: [health]', '    subjects: [health\n    oops: ]');
    const [problem] = problems(broken);
    expect(problem).toMatch(/^sheet\.yaml line \d+: /);
  });

  it('names the line and field of a wrong value', () => {
    const [problem] = problems(good.replace('kind: pdf', 'kind: podcast'));
    expect(problem).toContain('sheet.yaml line 6, items[0].kind:');
  });

  it('names the object that lacks a field', () => {
    const [problem] = problems(good.replace('    addedAt: 2026-11-10\n', ''));
    expect(problem).toMatch(/line 5, items\[0\]\.addedAt/);
  });

  it('reads featured: true or false, and leaves it out when the sheet does', () => {
    expect(parseSheet(good).items[0]!.featured).toBeUndefined();
    const featured = (value: string) => good.replace('    kind: pdf\n', `    kind: pdf\n    featured: ${value}\n`);
    expect(parseSheet(featured('true')).items[0]!.featured).toBe(true);
    expect(parseSheet(featured('false')).items[0]!.featured).toBe(false);
  });

  it('refuses a featured value that is not true or false, naming its line', () => {
    const featured = (value: string) => good.replace('    kind: pdf\n', `    kind: pdf\n    featured: ${value}\n`);
    for (const [value, shown] of [
      ['yes', '"yes"'],
      ['"true"', '"true"'],
      ['1', '1'],
    ]) {
      const [problem] = problems(featured(value!));
      expect(problem).toBe(
        `sheet.yaml line 7, items[0].featured: must be true or false (without quotes), not ${shown}`,
      );
    }
  });

  it('refuses a file path leaving the source folder', () => {
    const [problem] = problems(good.replace('leaflets/hand-washing.en.pdf', '../../etc/passwd'));
    expect(problem).toContain('items[0].files[0].path');
    expect(problem).toContain('..');
  });
});
