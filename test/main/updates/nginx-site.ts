/**
 * A real nginx (the Debian package) serving a folder on 127.0.0.1 for the update tests: started with a config of
 * its own in a temp folder, its access log readable (method, path, status, bytes sent, Range), optionally
 * slowed (`limit_rate`) on `files/`, so a test can cut a download halfway, or on the feed, and killed outright (SIGKILL: every
 * connection drops, as when a link fails).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  bytesSent: number;
  range: string;
}

export interface NginxSite {
  url: string;
  /** Starts nginx again on the same port, with another rate limit if given. */
  start(options?: { filesBytesPerSecond?: number; feedBytesPerSecond?: number }): Promise<void>;
  /** SIGKILL: connections drop mid-transfer. */
  kill(): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

export async function serveWithNginx(
  root: string,
  options: { filesBytesPerSecond?: number; feedBytesPerSecond?: number } = {},
): Promise<NginxSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nginx-'));
  const port = await freePort();
  const accessLog = path.join(dir, 'access.log');
  let child: ChildProcess | undefined;
  const config = (rate: number | undefined, feedRate: number | undefined) => `
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  log_format updates '$request_method $uri $status $body_bytes_sent "$http_range"';
  access_log ${accessLog} updates;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  sendfile off;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location /files/ { ${rate ? `limit_rate ${rate};` : ''} }
    location = /feed.json { ${feedRate ? `limit_rate ${feedRate};` : ''} }
  }
}
`;
  const start = async (startOptions: { filesBytesPerSecond?: number; feedBytesPerSecond?: number } = options) => {
    await mkdir(path.join(dir, 'body'), { recursive: true });
    await writeFile(
      path.join(dir, 'nginx.conf'),
      config(startOptions.filesBytesPerSecond, startOptions.feedBytesPerSecond),
    );
    const started = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-e', path.join(dir, 'error.log')], {
      stdio: 'ignore',
    });
    child = started;
    // Bounded: nginx listens within milliseconds; two seconds means it failed to start.
    for (let tries = 0; tries < 40; tries++) {
      if (started.exitCode !== null) break;
      const up = await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const log = await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
    throw new Error(`nginx did not start on port ${port}: ${log.slice(-500)}`);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}/`,
    start,
    kill,
    requests: async () =>
      (await readFile(accessLog, 'utf8').catch(() => ''))
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => {
          const [method, uri, status, bytes, ...range] = line.split(' ');
          return {
            method: method!,
            path: uri!,
            status: Number(status),
            bytesSent: Number(bytes),
            range: range.join(' ').replace(/^"|"$/g, '').replace(/^-$/, ''),
          };
        }),
    close: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
