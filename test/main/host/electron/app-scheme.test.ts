/**
 * The kiosk:// scheme handler with real files: the renderer folder is served with the security
 * headers on every answer, and no request reaches a file outside it, however it is spelt.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemeHandler, registerSchemePrivileges } from '../../../../main/host/electron/app-scheme.ts';
import {
  contentSecurityPolicy,
  pdfWorkerContentSecurityPolicy,
  securityHeaders,
} from '../../../../main/host/security-headers.ts';
import { pdfWorkerPath } from '../../../security/pdf-worker-path.ts';

const secretText = 'TOP-SECRET-OUTSIDE-THE-APP';
let base: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'app-scheme-'));
  const app = path.join(base, 'app');
  await mkdir(path.join(app, 'assets'), { recursive: true });
  await mkdir(path.join(base, 'outside'));
  await mkdir(path.join(base, 'data'));
  await writeFile(path.join(app, 'index.html'), '<!doctype html><title>kiosk</title>');
  await writeFile(path.join(app, 'assets', 'app.js'), 'export const answer = 42;');
  await writeFile(path.join(app, pdfWorkerPath), 'export {};');
  await writeFile(path.join(base, 'outside', 'secret.txt'), secretText);
  await symlink(path.join(base, 'outside', 'secret.txt'), path.join(app, 'linked.txt'));
  await symlink(path.join(base, 'outside'), path.join(app, 'linked-dir'));
  handle = createSchemeHandler({ app, dataDir: path.join(base, 'data') });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('kiosk:// scheme', () => {
  it('serves the renderer with the security headers and byte ranges', async () => {
    const page = await handle(new Request('kiosk://app/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>kiosk</title>');
    for (const [name, value] of Object.entries(securityHeaders)) expect(page.headers.get(name), name).toBe(value);
    const part = await handle(new Request('kiosk://app/assets/app.js', { headers: { range: 'bytes=0-5' } }));
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('export');
  });

  it('gives the PDF.js worker’s script its own policy, and the page and other scripts the page’s', async () => {
    const policy = async (url: string) => (await handle(new Request(url))).headers.get('Content-Security-Policy');
    expect(await policy(`kiosk://app${pdfWorkerPath}`)).toBe(pdfWorkerContentSecurityPolicy);
    for (const url of ['kiosk://app/', 'kiosk://app/index.html', 'kiosk://app/assets/app.js'])
      expect(await policy(url), url).toBe(contentSecurityPolicy);
  });

  it.each([
    'kiosk://app/../outside/secret.txt',
    'kiosk://app/%2e%2e/outside/secret.txt',
    'kiosk://app/%2E%2E%2Foutside%2Fsecret.txt',
    'kiosk://app/assets/..%2f..%2foutside%2fsecret.txt',
    'kiosk://app/..%5coutside%5csecret.txt',
    'kiosk://app/assets%5c..%5c..%5coutside%5csecret.txt',
    'kiosk://app/%252e%252e/outside/secret.txt',
    'kiosk://app//etc/passwd',
    'kiosk://app/etc/passwd',
    'kiosk://app/{absolute}',
    'kiosk://app/C:%5cWindows%5cwin.ini',
    'kiosk://app/linked.txt',
    'kiosk://app/linked-dir/secret.txt',
    'kiosk://app/index.html%00.js',
    'kiosk://app/assets',
    'kiosk://app/assets/',
    'kiosk://app/content/..%2f..%2foutside%2fsecret.txt',
    'kiosk://evil/index.html',
    'kiosk://app.evil/index.html',
  ])('%s finds nothing, and still carries the CSP', async (template) => {
    const url = template.replace('{absolute}', encodeURIComponent(path.join(base, 'outside', 'secret.txt')));
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(secretText);
    expect(response.headers.get('Content-Security-Policy')).toBe(securityHeaders['Content-Security-Policy']);
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s', async (method) => {
    const response = await handle(new Request('kiosk://app/index.html', { method, body: 'x' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('Content-Security-Policy')).toBe(securityHeaders['Content-Security-Policy']);
  });

  it('is registered as a standard, secure scheme before the app is ready', () => {
    const registered: unknown[] = [];
    registerSchemePrivileges({ registerSchemesAsPrivileged: (schemes) => void registered.push(...schemes) });
    expect(registered).toEqual([
      expect.objectContaining({
        scheme: 'kiosk',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });
});
