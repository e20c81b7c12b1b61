/**
 * Runs Electronegativity over one folder through its programmatic API and writes the findings
 * and the files it could not parse as one JSON result file, offline. (Its own CSV writer races
 * its header against its rows, so the file it writes cannot be trusted.)
 * The tool fetches translations (and Electron's release list) over the network on every run;
 * here its HTTP client answers "offline" at once instead, because the tool's own retry of a
 * timed-out fetch crashes the process in the middle of a scan.
 *   node test/security/electronegativity-run.ts <input folder> <output.json> <electron version>
 */
import { writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';

const [input, output, electronVersion] = process.argv.slice(2);
if (!input || !output || !electronVersion) {
  console.error('usage: electronegativity-run.ts <input folder> <output.json> <electron version>');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const toolDir = require.resolve('@doyensec/electronegativity/package.json').replace(/package\.json$/, '');

const offline = Object.assign(() => Promise.reject(new Error('offline: no fetching during tests')), {
  __esModule: true,
});
const gotPath = require.resolve('got', { paths: [toolDir] });
const stub = new Module(gotPath);
stub.exports = Object.assign(offline, { default: offline });
stub.loaded = true;
require.cache[gotPath] = stub;

interface Issue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
}
interface ScanError {
  file: string;
  message?: string;
}

const run = require(`${toolDir}dist/runner.js`) as (
  options: Record<string, unknown>,
) => Promise<{ issues: Issue[]; errors: ScanError[] }>;
const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  // Needs Electron's release list from the network; the Electron version is kept current by the lockfile instead.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  customScan: [],
  parserPlugins: [],
});
await writeFile(
  output,
  JSON.stringify({
    findings: result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
    })),
    unparsed: result.errors.map((error) => ({ file: error.file, message: error.message ?? '' })),
  }),
);
