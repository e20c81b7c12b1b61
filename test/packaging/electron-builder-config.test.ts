import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

async function loadConfig(): Promise<Record<string, unknown>> {
  return parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own JSON schema", async () => {
    const schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const config = await loadConfig();
    expect(validate(config), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('the schema check rejects a broken config, so the test above can fail', async () => {
    const schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...(await loadConfig()), asar: 'sometimes', linux: { target: 42 } })).toBe(false);
  });

  it('builds the targets, packaging and update feed the kiosk needs', async () => {
    const config = await loadConfig();
    expect(config['appId']).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config['productName']).toBe('Reading Room');
    expect(config['asar']).toBe(true);
    expect(config['asarUnpack']).toContain('node_modules/better-sqlite3/**');
    expect((config['linux'] as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config['win'] as { target: string[] }).target).toEqual(['nsis']);
    expect(config['publish']).toMatchObject({ provider: 'generic', url: '${env.KIOSK_UPDATE_URL}' });
  });

  it('points at the Electron entry that the main-process build emits', async () => {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
    const build = JSON.parse(await readFile(path.join(root, 'tsconfig.electron.json'), 'utf8')) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    const source = path.join(root, 'main/host/electron/main.ts');
    const emitted = path
      .join(build.compilerOptions.outDir, path.relative(path.join(root, build.compilerOptions.rootDir), source))
      .replace(/\.ts$/, '.js');
    expect(manifest.main).toBe(emitted);
    await expect(readFile(source)).resolves.toBeTruthy();
  });
});
