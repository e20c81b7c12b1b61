import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['renderer/screens/Probe.tsx', "import { readFile } from 'node:fs';\nexport const probe = readFile;\n"],
    ['renderer/screens/Probe.tsx', "import { ipcRenderer } from 'electron';\nexport const probe = ipcRenderer;\n"],
    [
      'renderer/screens/Probe.tsx',
      "import { dispatch } from '../../main/api/dispatch.ts';\nexport const probe = dispatch;\n",
    ],
    ['preload/contract/probe.ts', "import os from 'node:os';\nexport const probe = os;\n"],
    ['main/catalog/probe.ts', "import { app } from 'electron';\nexport const probe = app;\n"],
    ['main/api/probe.ts', "import { App } from '../../renderer/App.tsx';\nexport const probe = App;\n"],
  ])('%s may not import what it imports here', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    [
      'renderer/screens/Probe.tsx',
      "import { calls } from '../../preload/contract/contract.ts';\nexport const probe = calls;\n",
    ],
    ['main/host/electron/probe.ts', "import { app } from 'electron';\nexport const probe = app;\n"],
    ['main/catalog/probe.ts', "import path from 'node:path';\nexport const probe = path;\n"],
  ])('%s may import what it imports here', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
