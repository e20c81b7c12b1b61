/**
 * The quiz engine runs anywhere: it compiles with no DOM and no Node types, imports only itself and the
 * contract, and reads neither the clock nor Math.random, so main-process code could run the same attempts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const engine = path.join(root, 'renderer', 'quiz', 'engine');
const contract = path.join(root, 'preload', 'contract');
const files = readdirSync(engine)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => path.join(engine, name));

test('compiles against ES2024 alone', () => {
  const program = ts.createProgram(files, {
    lib: ['lib.es2024.d.ts'],
    types: [],
    target: ts.ScriptTarget.ES2024,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  expect(problems).toEqual([]);
});

test('imports only its own modules and the contract, and takes time and chance only as arguments', () => {
  const problems: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2024, true);
    const where = (node: ts.Node) =>
      `${path.basename(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const specifier = node.moduleSpecifier.text;
        const target = path.resolve(path.dirname(file), specifier);
        const inside =
          specifier.startsWith('.') && [engine, contract].some((folder) => path.dirname(target) === folder);
        if (!inside) problems.push(`${where(node)} imports ${specifier}`);
      }
      if (ts.isIdentifier(node) && node.text === 'Date') problems.push(`${where(node)} uses Date`);
      if (ts.isPropertyAccessExpression(node) && node.getText() === 'Math.random')
        problems.push(`${where(node)} uses Math.random`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(problems).toEqual([]);
});
