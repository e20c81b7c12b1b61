/** Runs the real publisher CLI as admins do, and reports its exit code and output. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const cli = path.resolve(import.meta.dirname, '../../../tools/publish/cli.ts');
const run = promisify(execFile);

export function publish(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [cli, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}
