/**
 * `npm start`: runs the kiosk in Electron when Electron's runtime is installed, otherwise says
 * so plainly and runs the browser host instead (same renderer, same services).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary(): string | undefined {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    console.log("Electron's runtime is not downloaded yet; trying to fetch it once (this needs internet)…");
    const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
      stdio: 'inherit',
      timeout: 180_000,
    });
    if (result.status !== 0 || !existsSync(pathFile)) return undefined;
  }
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const child = binary
  ? spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
  : (() => {
      console.log('');
      console.log("Electron's runtime binary is not installed on this machine, so the kiosk starts in the");
      console.log('browser host instead: the same screens and services, served on 127.0.0.1 to a system Chromium.');
      console.log('(With internet access, `npx install-electron` fetches the runtime; then `npm start` uses it.)');
      console.log('');
      return spawn(process.execPath, [path.join(root, 'main/host/browser/cli.ts'), ...process.argv.slice(2)], {
        stdio: 'inherit',
      });
    })();
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
