/**
 * Electronegativity (Doyensec's Electron security scanner) over the kiosk's main, preload and
 * renderer code: any finding of MEDIUM severity or above fails, unless the line carries the
 * tool's `eng-disable` annotation together with a comment that says why. The tool exits 0 whatever
 * it finds, so the result file its programmatic API's answer is written to is read; a deliberately
 * bad fixture proves it finds things.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const scannedFolders = ['main', 'preload', 'renderer'];
const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
let work: string;

interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
}

async function electronVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(root, 'node_modules/electron/package.json'), 'utf8'));
  return (manifest as { version: string }).version;
}

interface ScanResult {
  findings: Finding[];
  unparsed: { file: string; message: string }[];
}

async function scan(input: string): Promise<ScanResult> {
  const output = path.join(work, `${path.basename(input)}-${Date.now()}.json`);
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'test/security/electronegativity-run.ts'), input, output, await electronVersion()],
    { cwd: root, timeout: 120_000 },
  );
  return JSON.parse(await readFile(output, 'utf8')) as ScanResult;
}

const atLeastMedium = (finding: Finding) => severities.indexOf(finding.severity) >= severities.indexOf('MEDIUM');

/**
 * An `eng-disable` annotation must say why: in words on its own line after the check names, or in
 * a comment on the line just above. Returns the annotations that do not.
 */
function unjustifiedAnnotations(source: string): number[] {
  const lines = source.split('\n');
  const wordsOf = (comment: string) =>
    comment.split(/\s+/).filter((word) => /^[a-z]{2,}/i.test(word) && !/_CHECK$/i.test(word));
  return lines.flatMap((line, index) => {
    const annotation = /(?:\/\/|\/\*|<!--)\s*eng-disable\b(.*)$/.exec(line);
    if (!annotation) return [];
    const sameLine = wordsOf(annotation[1]!.replace(/\*\/|-->/g, ''));
    const above = /^\s*(?:\/\/|\/\*|\*|<!--)(.*)$/.exec(lines[index - 1] ?? '');
    const reasons = sameLine.length + (above ? wordsOf(above[1]!).length : 0);
    return reasons >= 4 ? [] : [index + 1];
  });
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|html)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'electronegativity-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('electronegativity', () => {
  it('finds nothing of MEDIUM severity or above in the kiosk', { timeout: 120_000 }, async () => {
    // One scan over all three folders, so its whole-app checks (navigation limits, permission handler, CSP) see the whole app.
    const app = path.join(work, 'app');
    for (const folder of scannedFolders) await cp(path.join(root, folder), path.join(app, folder), { recursive: true });
    const { findings, unparsed } = await scan(app);
    // A file the scanner cannot parse is a file it did not check.
    expect(unparsed).toEqual([]);
    expect(findings.filter(atLeastMedium)).toEqual([]);
  });

  it('finds the classic mistakes in a deliberately bad fixture', { timeout: 120_000 }, async () => {
    const fixture = path.join(work, 'bad-app');
    await cp(path.join(root, 'test/security/fixtures/bad-electron-app'), fixture, { recursive: true });
    const { findings } = await scan(fixture);
    const serious = new Set(findings.filter(atLeastMedium).map((finding) => finding.check));
    // The scanner rates nodeIntegration itself as informational and its pairing with remote content as MEDIUM.
    expect(findings.map((finding) => finding.check)).toContain('NODE_INTEGRATION_JS_CHECK');
    for (const check of [
      'HTTP_RESOURCES_WITH_NODE_INTEGRATION_GLOBAL_CHECK',
      'CSP_GLOBAL_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(serious, check).toContain(check);
    }
  });

  it('every eng-disable annotation in the kiosk says why', async () => {
    const unjustified: string[] = [];
    for (const folder of scannedFolders) {
      for (const file of await sourceFiles(folder)) {
        for (const line of unjustifiedAnnotations(await readFile(file, 'utf8'))) {
          unjustified.push(`${path.relative(root, file)}:${line}`);
        }
      }
    }
    expect(unjustified).toEqual([]);
  });

  it('tells a justified annotation from a bare one', () => {
    const bare = 'const w = new BrowserWindow(o); // eng-disable SANDBOX_JS_CHECK\n';
    const reasonAbove = '// The options come from a tested function the scanner cannot follow.\n' + bare;
    const reasonInline =
      'const w = new BrowserWindow(o); // eng-disable SANDBOX_JS_CHECK because the tested options set it\n';
    expect(unjustifiedAnnotations(bare)).toEqual([1]);
    expect(unjustifiedAnnotations(reasonAbove)).toEqual([]);
    expect(unjustifiedAnnotations(reasonInline)).toEqual([]);
  });
});
