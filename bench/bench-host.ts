/**
 * The browser host the browser benchmarks drive: started from `root` (this checkout, or a baseline's) on
 * `dataDir`, with a long idle limit so no visit ends between measured steps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export async function startBenchHost(
  root: string,
  dataDir: string,
): Promise<{ child: ChildProcess; launchUrl: string }> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'main/host/browser/cli.ts'),
      '--json',
      '--no-open',
      '--data-dir',
      dataDir,
      '--idle-seconds',
      '3600',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the browser host exited with ${code}`)));
  });
  return { child, launchUrl: (JSON.parse(line) as { launchUrl: string }).launchUrl };
}
