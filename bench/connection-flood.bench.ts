/**
 * Normal calls during local connection floods: latency (p50/p95) and failures of the home screen's
 * `catalog.list` call, signed in, against the real browser host in its own process with its default
 * limits, in three phases of one run: no attack (the baseline), while another process holds 1,100 idle
 * connections to the host, and while another process runs a slow-header (slowloris) attack.
 *
 *   node bench/connection-flood.bench.ts [--connections 1100] [--phase-seconds 20] [--interval-ms 50]
 *                                        [--reconnect-ms 250] [--child-nofile N]
 *
 * Each tick makes one call on a fresh connection (a page load, or a tap after the browser's pooled
 * connection went idle) and one on a kept-alive connection (a browser's pool, reopened when dropped).
 * Attackers reopen a connection the host closes after `--reconnect-ms`, as a hostile program holding
 * its sockets would. Everything is on 127.0.0.1; every child dies with this process (its stdin closes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    port: { type: 'string' },
    work: { type: 'string' },
    connections: { type: 'string', default: '1100' },
    'phase-seconds': { type: 'string', default: '20' },
    'interval-ms': { type: 'string', default: '50' },
    'reconnect-ms': { type: 'string', default: '250' },
    'child-nofile': { type: 'string' },
  },
});
const connections = Number(values.connections);
const phaseMs = Number(values['phase-seconds']) * 1000;
const intervalMs = Number(values['interval-ms']);
const reconnectMs = Number(values['reconnect-ms']);
/** A normal call slower than this counts as failed: a visitor has given up on the screen by then. */
const callTimeoutMs = 5_000;
/** Attackers and the host end themselves after this long, should nobody stop them. */
const childLifetimeMs = 180_000;

/** The soft and hard `ulimit -n` of this process, from /proc (Linux). Node raises soft to hard at start. */
function openFileLimits(): { soft: number; hard: number } | undefined {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((row) => row.startsWith('Max open files'));
  const [soft, hard] = line?.split(/\s+/).slice(3, 5) ?? [];
  if (soft === undefined || hard === undefined) return undefined;
  const limit = (text: string) => (text === 'unlimited' ? Infinity : Number(text));
  return { soft: limit(soft), hard: limit(hard) };
}

/** A child ends when its parent does: the parent's end of stdin closes then. */
function dieWithParent(): void {
  process.stdin.resume();
  process.stdin.on('close', () => process.exit(0));
  setTimeout(() => process.exit(0), childLifetimeMs).unref();
}

const say = (message: object) => console.log(JSON.stringify(message));

// ---- The host: the real server and services, default limits, a minimal page (no built renderer needed).

async function runHost(work: string): Promise<void> {
  dieWithParent();
  const { resourcesDir } = await import('../main/app-paths.ts');
  const { systemClock } = await import('../main/clock.ts');
  const { createKioskServices } = await import('../main/services.ts');
  const { startBrowserHost } = await import('../main/host/browser/server.ts');
  const rendererDir = path.join(work, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const dataDir = path.join(work, 'data');
  // The demo collection is installed on first start, so catalog.list answers what a new kiosk shows.
  const services = await createKioskServices({
    dataDir,
    resourcesDir,
    host: 'browser',
    version: 'bench',
    clock: systemClock,
  });
  const host = await startBrowserHost({ services, rendererDir, dataDir });
  say({ origin: host.origin, launchUrl: host.launchUrl, nofile: openFileLimits() });
  process.on('SIGTERM', () => {
    void host
      .close()
      .then(() => services.close())
      .finally(() => process.exit(0));
  });
}

// ---- The attackers: hold `count` connections, reopening each the host closes.

interface AttackCounters {
  opened: number;
  closedByHost: number;
  /** Connections the host closed within 100 ms of their opening: dropped at the cap. */
  closedAtOnce: number;
  refused: Record<string, number>;
  open: number;
  /** The most connections open at one moment, as this side saw them. */
  maxOpen: number;
}

function runAttacker(kind: 'idle' | 'slowloris', port: number, count: number): void {
  dieWithParent();
  // Read now: once the sockets use up the descriptors, /proc/self/limits cannot be opened.
  const nofile = openFileLimits();
  const counters: AttackCounters = { opened: 0, closedByHost: 0, closedAtOnce: 0, refused: {}, open: 0, maxOpen: 0 };
  /** Which of the `count` connections have connected at least once. */
  const connectedOnce = new Set<number>();
  let stopping = false;
  let readySent = false;
  const started = performance.now();
  const header = Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: slow\r\nX-Padding: `);

  function open(index: number): void {
    if (stopping) return;
    const socket = net.connect({ host: '127.0.0.1', port });
    let connectedAt = 0;
    let sent = 0;
    let drip: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      connectedAt = performance.now();
      counters.opened++;
      counters.open++;
      counters.maxOpen = Math.max(counters.maxOpen, counters.open);
      connectedOnce.add(index);
      if (kind === 'slowloris') {
        // One byte a second, never finishing the header; spread so the writes do not come in bursts.
        const next = () => {
          socket.write(sent < header.length ? header.subarray(sent, sent + 1) : 'a');
          sent++;
        };
        setTimeout(
          () => {
            next();
            drip = setInterval(next, 1000);
          },
          Math.floor(Math.random() * 1000),
        );
      }
      if (!readySent && connectedOnce.size >= count) {
        readySent = true;
        say({ ready: true, ms: performance.now() - started, nofile });
      }
    });
    // What the host answers (a 408 at its headers timeout) is read and dropped.
    socket.resume();
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message;
      counters.refused[code] = (counters.refused[code] ?? 0) + 1;
    });
    socket.on('close', () => {
      clearInterval(drip);
      if (connectedAt) {
        counters.open--;
        counters.closedByHost++;
        if (performance.now() - connectedAt < 100) counters.closedAtOnce++;
      }
      setTimeout(() => open(index), reconnectMs);
    });
  }

  for (let index = 0; index < count; index++) open(index);
  // If the connections never all open (the host drops them, or this process hits its fd limit), say so anyway.
  setTimeout(() => {
    if (!readySent) {
      readySent = true;
      say({ ready: false, ms: performance.now() - started, nofile });
    }
  }, 5_000);
  process.on('SIGTERM', () => {
    stopping = true;
    say({ final: true, at: performance.now() - started, ...counters });
    process.exit(0);
  });
}

// ---- The bench itself: the visitor's calls, and the phases.

interface Session {
  port: number;
  origin: string;
  cookie: string;
  token: string;
}

interface CallResult {
  ms: number;
  /** Undefined when the call answered 200 with a catalog page. */
  failure?: string;
}

function request(
  port: number,
  options: http.RequestOptions,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, ...options }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString() }),
      );
      response.on('error', reject);
    });
    const timer = setTimeout(() => outgoing.destroy(new Error('timeout')), callTimeoutMs);
    outgoing.on('close', () => clearTimeout(timer));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Launch link → session cookie; the page served with the cookie → the header token. */
async function signIn(launchUrl: string): Promise<Session> {
  const url = new URL(launchUrl);
  const port = Number(url.port);
  const launch = await request(port, { path: url.pathname + url.search, agent: false });
  const cookie = /^([^;]+)/.exec(String(launch.headers['set-cookie']?.[0]))?.[1];
  if (launch.status !== 303 || !cookie) throw new Error(`The launch link answered ${launch.status}`);
  const page = await request(port, { path: '/', agent: false, headers: { cookie } });
  const token = /name="kiosk-session" content="([\w-]+)"/.exec(page.text)?.[1];
  if (!token) throw new Error('The page carried no session token');
  return { port, origin: url.origin, cookie, token };
}

const callBody = JSON.stringify({ locale: 'en', page: { offset: 0, limit: 24 } });

/** The home screen's first call, as the page's fetch makes it. */
async function catalogCall(session: Session, agent: http.Agent | false): Promise<CallResult> {
  const started = performance.now();
  try {
    const answer = await request(
      session.port,
      {
        method: 'POST',
        path: '/api/call/catalog.list',
        agent,
        headers: {
          cookie: session.cookie,
          'x-kiosk-session': session.token,
          origin: session.origin,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(callBody),
        },
      },
      callBody,
    );
    const ms = performance.now() - started;
    if (answer.status !== 200) return { ms, failure: `HTTP ${answer.status}` };
    const envelope = JSON.parse(answer.text) as { ok: boolean; value?: { items: unknown[] } };
    if (!envelope.ok || !envelope.value?.items.length) return { ms, failure: 'no items' };
    return { ms };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { ms: performance.now() - started, failure: code ?? message };
  }
}

interface Series {
  times: number[];
  failures: Record<string, number>;
  calls: number;
}
const newSeries = (): Series => ({ times: [], failures: {}, calls: 0 });
function record(series: Series, result: CallResult): void {
  series.calls++;
  if (result.failure) series.failures[result.failure] = (series.failures[result.failure] ?? 0) + 1;
  else series.times.push(result.ms);
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const children = new Set<ChildProcess>();

/** Starts this file in another role; the first JSON line it prints is returned, within `waitMs`. */
async function startChild(
  args: string[],
  waitMs: number,
  nofile?: number,
): Promise<{ child: ChildProcess; first: Record<string, unknown>; lines: Record<string, unknown>[] }> {
  const command = [process.execPath, import.meta.filename, ...args];
  // `ulimit -n` in a shell in front: lowers the child's limit (--child-nofile), or raises it past this process's
  // hard limit when run as root; Node raises the soft limit to the hard one by itself.
  const child =
    nofile === undefined
      ? spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] })
      : spawn(
          'sh',
          [
            '-c',
            `ulimit -n ${nofile} || echo "ulimit -n ${nofile} refused: the attacker keeps the limit it has, see below" >&2; exec "$@"`,
            'sh',
            ...command,
          ],
          {
            stdio: ['pipe', 'pipe', 'inherit'],
          },
        );
  children.add(child);
  child.on('exit', () => children.delete(child));
  const lines: Record<string, unknown>[] = [];
  const first = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: no answer within ${waitMs} ms`)), waitMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return void console.error(`  [${args[1]}] ${line}`);
      }
      if (lines.length === 0) {
        clearTimeout(timer);
        resolve(message);
      }
      lines.push(message);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return { child, first, lines };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // 'close', not 'exit': the last lines it printed are read by then.
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(2_000)]);
  child.kill('SIGKILL');
}

interface PhaseResult {
  name: string;
  fresh: Series;
  pooled: Series;
  attack?: AttackCounters & { readyMs: number; ready: boolean; nofile?: { soft: number; hard: number } };
  /** From the attacker's end until a fresh call succeeds again. */
  recoveryMs?: number;
}

async function phase(
  session: Session,
  pool: http.Agent,
  name: string,
  attack?: 'idle' | 'slowloris',
): Promise<PhaseResult> {
  const needed = connections + 64;
  const inherited = openFileLimits();
  const nofile = values['child-nofile']
    ? Number(values['child-nofile'])
    : (inherited?.hard ?? 0) < needed
      ? needed
      : undefined;
  const attacker = attack
    ? await startChild(
        ['--role', attack, '--port', String(session.port), '--connections', String(connections)],
        10_000,
        nofile,
      )
    : undefined;
  const fresh = newSeries();
  const pooled = newSeries();
  const end = performance.now() + phaseMs;
  while (performance.now() < end) {
    record(fresh, await catalogCall(session, false));
    record(pooled, await catalogCall(session, pool));
    await sleep(intervalMs);
  }
  const result: PhaseResult = { name, fresh, pooled };
  if (attacker) {
    const stopped = performance.now();
    await stopChild(attacker.child);
    const final = attacker.lines.find((line) => line['final']) ?? {};
    result.attack = {
      ...(final as unknown as AttackCounters),
      ready: attacker.first['ready'] === true,
      readyMs: Number(attacker.first['ms']),
      nofile: attacker.first['nofile'] as { soft: number; hard: number } | undefined,
    };
    while (performance.now() - stopped < 5_000 && (await catalogCall(session, false)).failure) await sleep(100);
    result.recoveryMs = performance.now() - stopped;
  }
  return result;
}

async function main(): Promise<void> {
  // However this process ends, its children end with it.
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  const work = await mkdtemp(path.join(os.tmpdir(), 'flood-bench-'));
  try {
    console.log(`Starting the browser host (demo collection, default limits) in ${work}…`);
    const host = await startChild(['--role', 'host', '--work', work], 120_000);
    const session = await signIn(String(host.first['launchUrl']));
    const hostFiles = host.first['nofile'] as { soft: number; hard: number } | undefined;
    console.log(`  ${session.origin}, host ulimit -n ${hostFiles?.soft}; signed in`);
    // One kept-alive connection for the whole run, opened before any attack, as a browser's pool would be.
    const pool = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let warm = 0; warm < 20; warm++) {
      await catalogCall(session, false);
      await catalogCall(session, pool);
    }

    const phases: PhaseResult[] = [];
    const plan: [string, ('idle' | 'slowloris')?][] = [
      ['(a) no attack (baseline)'],
      [`(b) ${connections} idle connections held by another process`, 'idle'],
      [`(c) slowloris: ${connections} connections sending a header a byte a second`, 'slowloris'],
    ];
    for (const [name, attack] of plan) {
      console.log(`${name}: ${phaseMs / 1000} s…`);
      const result = await phase(session, pool, name, attack);
      phases.push(result);
      report(result, phases[0]!);
    }
    pool.destroy();
    console.log(
      `\nload average at the end: ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    for (const child of children) await stopChild(child);
    await rm(work, { recursive: true, force: true });
  }
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);
const times = (value: number, against: number) => (Number.isNaN(value) ? '—' : `${(value / against).toFixed(2)}×`);

function report(result: PhaseResult, baseline: PhaseResult): void {
  for (const kind of ['fresh', 'pooled'] as const) {
    const series = result[kind];
    const base = baseline[kind];
    const [p50, p95] = [percentile(series.times, 50), percentile(series.times, 95)];
    const failed = series.calls - series.times.length;
    const reasons = Object.entries(series.failures)
      .map(([reason, count]) => `${reason} ×${count}`)
      .join(', ');
    // Percentiles of a handful of answers say nothing; they are printed, flagged.
    const few = series.times.length < 20 ? ` [of only ${series.times.length} answers]` : '';
    console.log(
      `  ${kind === 'fresh' ? 'fresh connection' : 'kept-alive     '}: p50 ${ms(p50)} (${times(p50, percentile(base.times, 50))}), ` +
        `p95 ${ms(p95)} (${times(p95, percentile(base.times, 95))})${few}, ${failed} of ${series.calls} calls failed` +
        (reasons ? ` (${reasons})` : ''),
    );
  }
  const attack = result.attack;
  if (attack) {
    const limit = attack.nofile ? `ulimit -n ${attack.nofile.soft}` : 'ulimit -n unknown';
    const reached = attack.ready
      ? `each of its ${connections} sockets connected within ${attack.readyMs.toFixed(0)} ms`
      : `NOT all of its ${connections} sockets connected within 5 s`;
    console.log(
      `  attacker (${limit}): ${reached}; ${attack.opened} connections opened in all, at most ${attack.maxOpen} ` +
        `open at once; ${attack.closedByHost} closed by the host, ${attack.closedAtOnce} of them within 100 ms` +
        (Object.keys(attack.refused).length ? `; errors ${JSON.stringify(attack.refused)}` : ''),
    );
    if (attack.nofile && attack.nofile.soft < connections + 64)
      console.log(`  WARNING: the attacker's ulimit -n (${attack.nofile.soft}) is below ${connections} sockets.`);
    if (attack.refused['EMFILE'])
      console.log(`  WARNING: the attacker ran out of file descriptors (EMFILE): it held fewer than ${connections}.`);
    console.log(
      `  a fresh call succeeded again ${((result.recoveryMs ?? NaN) / 1000).toFixed(1)} s after the attacker stopped`,
    );
  }
}

if (values.role === 'host') await runHost(values.work!);
else if (values.role === 'idle' || values.role === 'slowloris')
  runAttacker(values.role, Number(values.port), connections);
else await main();
