/**
 * Chromium driven over the DevTools protocol directly, for benchmarks that measure memory: Playwright
 * enables the Network domain on every page and worker, and Chromium then keeps copies of response
 * bodies in the renderer (up to 10 MB each, 200 MB in all) for DevTools. A PDF read by range requests
 * fills that buffer, which no kiosk has. Here only the domains a benchmark asks for are enabled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export class CdpSession {
  readonly #socket: WebSocket;
  #next = 1;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  readonly #listeners = new Map<string, ((params: never) => void)[]>();

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { message: string };
      };
      if (message.method)
        for (const listener of this.#listeners.get(message.method) ?? []) listener(message.params as never);
      const waiting = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!waiting) return;
      this.#pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  static async connect(url: string): Promise<CdpSession> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
    });
    return new CdpSession(socket);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` with the parameters of every `method` event. */
  on<T>(method: string, listener: (params: T) => void): void {
    this.#listeners.set(method, [...(this.#listeners.get(method) ?? []), listener as (params: never) => void]);
  }

  /** Evaluates `expression` in the page (awaiting a promise) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{
      result: { value?: T };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  close(): void {
    this.#socket.close();
  }
}

export interface RawChromium {
  browser: CdpSession;
  page: CdpSession;
  close(): Promise<void>;
}

/** Starts headless Chromium at `url` (1920×1080, software rendering) and connects to it and its page. */
export async function launchRawChromium(url: string): Promise<RawChromium> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'raw-chromium-'));
  const child: ChildProcess = spawn(
    process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--window-size=1920,1080',
      url,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const browserUrl = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stderr! });
    lines.on('line', (line) => {
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}`)));
  });
  const port = new URL(browserUrl).port;
  const browser = await CdpSession.connect(browserUrl);
  let pageUrl: string | undefined;
  for (let attempt = 0; attempt < 50 && !pageUrl; attempt++) {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      type: string;
      webSocketDebuggerUrl: string;
    }[];
    pageUrl = targets.find((target) => target.type === 'page')?.webSocketDebuggerUrl;
    if (!pageUrl) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!pageUrl) throw new Error('chromium opened no page');
  const page = await CdpSession.connect(pageUrl);
  // The launch link redirects to the kiosk's page; wait until that one has loaded.
  for (let attempt = 0; ; attempt++) {
    const state = await page
      .evaluate<string>(
        `document.readyState === 'complete' && location.protocol === 'http:' && !location.pathname.startsWith('/launch') ? 'ready' : 'loading'`,
      )
      .catch(() => 'loading');
    if (state === 'ready') break;
    if (attempt > 300) throw new Error('the page did not load');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    browser,
    page,
    async close() {
      page.close();
      browser.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Memory of the largest renderer process (the page's: Chromium keeps spare ones too), from /proc: its
 * resident set, its own memory (RssAnon) and the shared memory it has touched (RssShmem: bitmaps handed
 * to the compositor, discardable image caches), the rest being Chromium's code and files.
 */
export async function rendererMemory(browser: CdpSession): Promise<{ rss: number; anon: number; shmem: number }> {
  const { processInfo } = await browser.send<{ processInfo: { type: string; id: number }[] }>(
    'SystemInfo.getProcessInfo',
  );
  let largest = { rss: 0, anon: 0, shmem: 0 };
  for (const renderer of processInfo.filter((info) => info.type === 'renderer')) {
    const status = await readFile(`/proc/${renderer.id}/status`, 'utf8').catch(() => '');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    if (kib('VmRSS') > largest.rss) largest = { rss: kib('VmRSS'), anon: kib('RssAnon'), shmem: kib('RssShmem') };
  }
  return largest;
}
