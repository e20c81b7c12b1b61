/**
 * The kiosk under attack, end to end against the real browser host: injected script and eval meet
 * the CSP, PDFs render without a single CSP violation, hostile PDF actions and the CVE-2024-4367
 * font payload achieve nothing, drops do not navigate, and other pages cannot use the API.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, type Request } from '@playwright/test';
import { demoDataDir, pinnedTest as base, signIn, startHost, type KioskHost } from './fixtures.ts';
import { fontMatrixPayloadPdf, hostileActionsPdf, hostileLinks, payloadEffects } from './hostile-pdfs.ts';
import { installLibrary, storeBytes, textPdf, type StoredFile } from './reader-library.ts';

interface Library {
  host: KioskHost;
  text: StoredFile;
}

/** Everything a page did that a kiosk page must never do, collected while a test runs. */
interface Watch {
  cspViolations: string[];
  popups: string[];
  dialogs: string[];
  foreignRequests: string[];
  navigations: string[];
}

/** Starts collecting everything `page` does that a kiosk page served from `origin` must never do. */
async function watchPage(page: Page, origin: string): Promise<Watch> {
  const watch: Watch = { cspViolations: [], popups: [], dialogs: [], foreignRequests: [], navigations: [] };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} (${event.sample}) at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  // Chromium reports every CSP refusal on the console, the PDF.js worker's included.
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text()))
      watch.cspViolations.push(`${message.text()} @ ${JSON.stringify(message.location())}`);
  });
  page.on('popup', (popup) => watch.popups.push(popup.url()));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      watch.foreignRequests.push(url);
    }
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) watch.navigations.push(frame.url());
  });
  return watch;
}

const test = base.extend<{ page: Page; watch: Watch }, { library: Library }>({
  library: [
    async ({}, use) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-security-'));
      const text = await storeBytes(dataDir, await textPdf(3));
      const hostile = await storeBytes(dataDir, await hostileActionsPdf());
      const fontMatrix = await storeBytes(dataDir, await fontMatrixPayloadPdf());
      installLibrary(dataDir, [
        { id: 'leaflet-text', title: 'How plants make sugar', file: text, pages: 3 },
        { id: 'hostile-actions', title: 'A leaflet whose links try to escape', file: hostile, pages: 1 },
        { id: 'font-matrix', title: 'A leaflet with a poisoned font', file: fontMatrix, pages: 1 },
      ]);
      const { host, child } = await startHost(dataDir);
      await use({ host, text });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  watch: async ({ page, library }, use) => {
    await use(await watchPage(page, library.host.origin));
  },
  page: async ({ page, library }, use) => {
    await signIn(page, library.host);
    await expect(page.getByTestId('attract')).toBeVisible();
    await use(page);
  },
});

async function openItem(page: Page, id: string): Promise<void> {
  await page.getByTestId('attract').click();
  await page.locator(`[data-item-id="${id}"]`).first().click();
  await page.getByTestId('open-item').click();
  await expect(page.getByTestId('reader')).toBeVisible();
}

/** Closes the reader and starts over from the attract screen. */
async function closeReader(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByTestId('reader')).toHaveCount(0);
  await page.reload();
}

/** Waits until the reader settled on a page, drawn or reported as undrawable. */
async function pageSettled(page: Page): Promise<void> {
  await expect
    .poll(async () =>
      page.evaluate(() => {
        const stage = document.querySelector('[data-testid="reader-stage"]');
        return Boolean(stage?.getAttribute('data-page-ready')) || document.body.innerText.includes('could not');
      }),
    )
    .toBe(true);
}

async function payloadRan(page: Page): Promise<{ global: unknown; title: string; hash: string }> {
  return page.evaluate(
    (effects) => ({
      global: (window as unknown as Record<string, unknown>)[effects.global],
      title: document.title,
      hash: location.hash,
    }),
    payloadEffects,
  );
}

function expectNothingEscaped(watch: Watch, startUrl: string, page: Page): void {
  expect(watch.cspViolations).toEqual([]);
  expect(watch.popups).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(page.url()).toBe(startUrl);
}

/** A second web server on this machine: the "other page" of the attacks below. */
async function foreignServer(html: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Opens every PDF in the catalog in the reader, one after another, and returns their ids. */
async function renderEveryPdf(page: Page): Promise<string[]> {
  const ids = await page.evaluate(async () => {
    const result = await window.kioskBridge.invoke('catalog.list', { locale: 'en', page: { limit: 100 } });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { items: { id: string; kind: string }[] }).items
      .filter((item) => item.kind === 'pdf')
      .map((item) => item.id);
  });
  await renderPdfs(page, ids);
  return ids;
}

async function renderPdfs(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await openItem(page, id);
    await pageSettled(page);
    await expect(page.getByTestId('reader-stage')).toHaveAttribute('data-page-ready', /\d+/);
    await closeReader(page);
  }
}

/** The demo collection's leaflets, from its manifest, in three shares: a test each, so workers share them out. */
const demoPdfShares = (() => {
  const manifest = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../../resources/demo-pack/manifest.json'), 'utf8'),
  ) as { items: { id: string; kind: string }[] };
  const ids = manifest.items.filter((item) => item.kind === 'pdf').map((item) => item.id);
  return [0, 1, 2].map((share) => ids.filter((_, index) => index % 3 === share));
})();

test.describe('the Content Security Policy', () => {
  test('blocks an injected inline script, inline handler, javascript: URL and foreign script', async ({
    page,
    watch,
  }) => {
    const ran = await page.evaluate(async () => {
      const flags = window as unknown as Record<string, unknown>;
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true;';
      document.head.append(inline);
      const handler = document.createElement('img');
      handler.setAttribute('onerror', 'window.__handlerRan = true;');
      handler.src = '/no-such-image.png';
      document.body.append(handler);
      const fromData = document.createElement('script');
      fromData.src = 'data:text/javascript,window.__dataRan=true';
      document.head.append(fromData);
      const link = document.createElement('a');
      link.href = 'javascript:window.__urlRan=true';
      document.body.append(link);
      link.click();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return {
        inline: flags['__inlineRan'],
        handler: flags['__handlerRan'],
        data: flags['__dataRan'],
        url: flags['__urlRan'],
        violations,
      };
    });
    expect(ran).toMatchObject({ inline: undefined, handler: undefined, data: undefined, url: undefined });
    expect(ran.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
    expect(watch.cspViolations.length).toBeGreaterThanOrEqual(3);
  });

  test('makes eval, new Function and string timers throw or do nothing', async ({ page }) => {
    // DevTools lets code it evaluates itself use eval; code the page runs later is held to the CSP.
    // So the attempts run in a timer the evaluated code sets, like any script of the page would.
    const outcome = await page.evaluate(
      () =>
        new Promise<Record<string, unknown>>((resolve) => {
          const violations: string[] = [];
          document.addEventListener('securitypolicyviolation', (event) => violations.push(event.blockedURI));
          const attempt = (run: () => unknown) => {
            try {
              return `ran: ${String(run())}`;
            } catch (error) {
              return (error as Error).name;
            }
          };
          setTimeout(() => {
            const evaluate = eval;
            const results = {
              eval: attempt(() => evaluate('6 * 7')),
              newFunction: attempt(() => new Function('return 6 * 7')()),
              timer: attempt(() => setTimeout('window.__timerRan = true' as unknown as () => void, 0)),
            };
            setTimeout(() => {
              const timerRan = (window as unknown as Record<string, unknown>)['__timerRan'];
              resolve({ ...results, timerRan, violations });
            }, 300);
          }, 0);
        }),
    );
    expect(outcome['eval']).toBe('EvalError');
    expect(outcome['newFunction']).toBe('EvalError');
    expect(outcome['timerRan']).toBeUndefined();
    expect(outcome['violations']).toContain('eval');
  });
});

test.describe('PDFs', () => {
  test('the generated PDFs render with no CSP violation', async ({ page, watch }) => {
    const ids = await renderEveryPdf(page);
    expect(ids).toEqual(expect.arrayContaining(['leaflet-text', 'hostile-actions', 'font-matrix']));
    expectNothingEscaped(watch, page.url(), page);
  });

  for (const [share, ids] of demoPdfShares.entries()) {
    test(`the demo collection’s PDFs render with no CSP violation (${share + 1} of 3: ${ids.join(', ')})`, async ({
      browser,
    }) => {
      expect(ids.length).toBeGreaterThan(0);
      const dataDir = await demoDataDir('kiosk-security-demo-');
      const { host, child } = await startHost(dataDir);
      const page = await browser.newPage();
      try {
        const watch = await watchPage(page, host.origin);
        await page.goto(host.launchUrl);
        await expect(page.getByTestId('attract')).toBeVisible();
        await renderPdfs(page, ids);
        expectNothingEscaped(watch, page.url(), page);
      } finally {
        await page.close();
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  }

  test('link, launch, JavaScript and form actions cause no navigation, no window and no script', async ({
    page,
    watch,
  }) => {
    const startUrl = page.url();
    await openItem(page, 'hostile-actions');
    await pageSettled(page);
    const buttons = page.locator('[data-pdf-link]');
    const count = await buttons.count();
    for (let index = 0; index < count; index++) {
      await buttons.nth(index).click();
      const ok = page.getByRole('button', { name: 'OK', exact: true });
      if (await ok.isVisible()) await ok.click();
    }
    // Actions the reader shows no button for are tapped where the PDF puts them.
    const box = (await page.getByTestId('reader-stage').locator('canvas').first().boundingBox())!;
    const scale = box.width / 595;
    for (const link of hostileLinks) {
      const centreX = (link.rect[0] + link.rect[2]) / 2;
      const centreY = 842 - (link.rect[1] + link.rect[3]) / 2;
      await page.mouse.click(box.x + centreX * scale, box.y + centreY * scale);
      const ok = page.getByRole('button', { name: 'OK', exact: true });
      if (await ok.isVisible()) await ok.click();
    }
    await page.waitForTimeout(500);
    expect(await payloadRan(page)).toEqual({
      global: undefined,
      title: expect.not.stringContaining('PWNED'),
      hash: '',
    });
    expectNothingEscaped(watch, page.url(), page);
    expect(new URL(page.url()).origin).toBe(new URL(startUrl).origin);
    expect(watch.navigations.every((url) => url.startsWith(new URL(startUrl).origin))).toBe(true);
  });

  test('the PDF.js worker may compile WebAssembly for its decoders; the page still may not, nor eval', async ({
    page,
  }) => {
    await openItem(page, 'leaflet-text');
    await pageSettled(page);
    const worker = page.workers().find((candidate) => /\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(candidate.url()));
    expect(worker, 'the PDF.js worker runs from its own script').toBeDefined();
    // As in the eval test above: code DevTools evaluates is exempt, so the attempts run in a timer.
    const attempt = () =>
      new Promise<Record<string, string>>((resolve) => {
        setTimeout(() => {
          const evaluate = eval;
          let evaluated: string;
          try {
            evaluated = `ran: ${String(evaluate('6 * 7'))}`;
          } catch (error) {
            evaluated = (error as Error).name;
          }
          // The smallest module: the magic number and version 1.
          const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
          WebAssembly.compile(empty).then(
            () => resolve({ wasm: 'compiled', eval: evaluated }),
            (error: unknown) => resolve({ wasm: (error as Error).name, eval: evaluated }),
          );
        }, 0);
      });
    expect(await worker!.evaluate(attempt)).toEqual({ wasm: 'compiled', eval: 'EvalError' });
    expect(await page.evaluate(attempt)).toEqual({ wasm: 'CompileError', eval: 'EvalError' });
  });

  test('the CVE-2024-4367 FontMatrix payload runs nothing', async ({ page, watch }) => {
    await openItem(page, 'font-matrix');
    await pageSettled(page);
    await page.waitForTimeout(1000);
    expect(await payloadRan(page)).toEqual({
      global: undefined,
      title: expect.not.stringContaining('PWNED'),
      hash: '',
    });
    expectNothingEscaped(watch, page.url(), page);
  });
});

test.describe('drag and drop', () => {
  /**
   * A real drop from outside the page, as the operating system delivers it (not a synthetic DOM
   * event). Returns what the page's own listeners saw: a drop whose default is not prevented is
   * one the browser may follow, replacing the kiosk with the dropped file or link.
   */
  async function dropOnto(page: Page, data: { items: { mimeType: string; data: string }[]; files?: string[] }) {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { dropsSeen: string[] }).dropsSeen = seen;
      for (const type of ['dragover', 'drop']) {
        document.addEventListener(type, (event) => seen.push(`${type}:${event.defaultPrevented ? 'refused' : 'open'}`));
      }
    });
    const cdp = await page.context().newCDPSession(page);
    const at = { x: 400, y: 300 };
    const dragData = { ...data, dragOperationsMask: 1 | 2 | 16 };
    await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', ...at, data: dragData });
    await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', ...at, data: dragData });
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', ...at, data: dragData });
    await cdp.detach();
    await page.waitForTimeout(500);
    return page.evaluate(() => (window as unknown as { dropsSeen: string[] }).dropsSeen);
  }

  const drops = {
    link: { items: [{ mimeType: 'text/uri-list', data: 'https://evil.example/' }] },
    file: { items: [], files: [path.resolve(import.meta.dirname, 'hostile-pdfs.ts')] },
  };

  for (const [name, data] of Object.entries(drops)) {
    test(`dropping a ${name} on the kiosk is refused and does not navigate`, async ({ page, watch }) => {
      const startUrl = page.url();
      const seen = await dropOnto(page, data);
      expect(seen).toContain('dragover:refused');
      expect(seen).not.toContain('dragover:open');
      expect(seen).not.toContain('drop:open');
      expect(page.url()).toBe(startUrl);
      expect(watch.popups).toEqual([]);
      await expect(page.getByTestId('attract')).toBeVisible();
    });
  }

  test('a page without the guard leaves the same drop open, so the tests above can fail', async ({ browser }) => {
    const other = await foreignServer('<!doctype html><title>plain</title><p>A plain page.</p>');
    const page = await browser.newPage();
    try {
      await page.goto(other.origin);
      // The page lets dragover through, which tells the browser the drop is its to handle.
      expect(await dropOnto(page, drops.link)).toContain('dragover:open');
    } finally {
      await page.close();
      await other.close();
    }
  });
});

test.describe('the API from elsewhere', () => {
  test('a signed-in browser cannot be used by another local page to call the API or read content', async ({
    page,
    library,
  }) => {
    const kiosk = library.host.origin;
    const contentPath = `/content/${library.text.hash}`;
    const other = await foreignServer(`<!doctype html><body>
      <img src="${kiosk}${contentPath}">
      <script>
        fetch('${kiosk}/api/call/app.info', { method: 'POST', credentials: 'include', body: '{}', mode: 'no-cors' });
      </script></body>`);
    // What became of each request the foreign page made: the host's status, or the browser's refusal to
    // hand the page an answer (the host marks every response Cross-Origin-Resource-Policy: same-origin).
    // The host's own 403 for a foreign Origin is asserted on the real server in server-security.test.ts.
    const outcomeOf = (urlPath: string) =>
      new Promise<string>((resolve) => {
        const mine = (request: Request) => request.url() === `${kiosk}${urlPath}`;
        page.on('requestfailed', (request) => {
          if (mine(request)) resolve(request.failure()?.errorText ?? 'failed');
        });
        page.on('requestfinished', (request) => {
          if (mine(request)) void request.response().then((response) => resolve(String(response?.status())));
        });
      });
    try {
      const api = outcomeOf('/api/call/app.info');
      const content = outcomeOf(contentPath);
      await page.goto(other.origin);
      for (const outcome of [await api, await content]) {
        expect(['403', 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin']).toContain(outcome);
      }
      // The same browser on the kiosk's own page is answered: the refusals above are about where the calls came from.
      await page.goto(kiosk);
      const ownAnswer = outcomeOf('/api/call/app.info');
      const own = await page.evaluate(() => window.kioskBridge.invoke('app.info', {}));
      expect(own).toMatchObject({ ok: true });
      expect(await ownAnswer).toBe('200');
    } finally {
      await other.close();
    }
  });

  test('API calls, the event stream and content without the launch secret are refused', async ({
    browser,
    library,
  }) => {
    const context = await browser.newContext();
    try {
      const request = context.request;
      const { origin } = library.host;
      expect((await request.post(`${origin}/api/call/app.info`, { data: {} })).status()).toBe(401);
      expect((await request.get(`${origin}/api/events`)).status()).toBe(401);
      expect((await request.get(`${origin}/content/${library.text.hash}`)).status()).toBe(401);
      const page = await context.newPage();
      await page.goto(origin);
      const call = await page.evaluate(async () => window.kioskBridge.invoke('app.info', {}));
      expect(call).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await context.close();
    }
  });
});
