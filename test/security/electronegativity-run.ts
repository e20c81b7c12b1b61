/**
 * Runs Electronegativity over one folder and writes its CSV result file, offline.
 * The tool fetches translations (and Electron's release list) over the network on every run;
 * here its HTTP client answers "offline" at once instead, because the tool's own retry of a
 * timed-out fetch crashes the process in the middle of a scan.
 *   node test/security/electronegativity-run.ts <input folder> <output.csv> <electron version>
 */
import Module, { createRequire } from 'node:module';

const [input, output, electronVersion] = process.argv.slice(2);
if (!input || !output || !electronVersion) {
  console.error('usage: electronegativity-run.ts <input folder> <output.csv> <electron version>');
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

const run = require(`${toolDir}dist/runner.js`) as (options: Record<string, unknown>) => Promise<unknown>;
await run({
  input,
  output,
  isSarif: false,
  isRelative: true,
  electronVersionOverride: electronVersion,
  // Needs Electron's release list from the network; the Electron version is kept current by the lockfile instead.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  customScan: [],
  parserPlugins: [],
});
