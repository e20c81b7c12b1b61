/**
 * Lint rules, chiefly the import boundaries: which folder's code may import whom.
 * The TypeScript projects enforce the same split at compile time; this names the rule in the message.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads', 'url'];
const forbid = (groups: string[], message: string) => ({ group: groups, message });
const markupMessage =
  'Pack content is data, never markup: render text as React children (sanitise with DOMPurify if rich text is ever needed).';
/** Every way a string could become live markup or code in the page. */
const markupSinks = [
  "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  "Property[key.name='dangerouslySetInnerHTML']",
  'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
  'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)$/]',
  "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
  "CallExpression[callee.name='eval']",
  "NewExpression[callee.name='Function']",
].map((selector) => ({ selector, message: markupMessage }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
      // With noUncheckedIndexedAccess, `!` states a checked invariant more plainly than a dead branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', ...markupSinks],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['electron', ...nodeBuiltins], 'The renderer runs in a sandboxed page: no Node, no Electron.'),
            forbid(
              ['**/main/**', '**/preload/electron/**', '**/preload/browser/**'],
              'The renderer reaches the main process only through window.kioskBridge.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['electron', 'react', 'react-dom', ...nodeBuiltins],
              'The contract is imported by every side: it may import neither Node nor Electron nor the DOM.',
            ),
            forbid(
              ['**/main/**', '**/renderer/**', '**/preload/electron/**', '**/preload/browser/**'],
              'The contract depends on nothing of the project but itself.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['preload/electron/**/*.ts', 'preload/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [forbid(['**/main/**', '**/renderer/**'], 'A bridge depends only on the contract.')] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/host/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['electron'],
              'Only main/host/electron/ may import electron; services stay Electron-free so they are tested in Node.',
            ),
            forbid(['react', 'react-dom', '**/renderer/**'], 'Main-process code never imports renderer code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['main/host/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['react', 'react-dom', '**/renderer/**'], 'Main-process code never imports renderer code.'),
          ],
        },
      ],
    },
  },
);
