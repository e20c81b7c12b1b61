/**
 * The browser host's command line, read the same way by the supervisor (`cli.ts`) and by each
 * server process it starts, which gets the same arguments (never a secret: those go over IPC).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../../app-paths.ts';

export interface HostArguments {
  port: number | undefined;
  dataDir: string;
  open: boolean;
  json: boolean;
  idleSeconds: number | undefined;
  clockStart: Date | undefined;
  mediaRoots: string[] | undefined;
  copyBytesPerSecond: number | undefined;
  systemKeysDir: string | undefined;
}

/** The arguments, or what is wrong with them in one sentence. */
export function parseHostArguments(args: readonly string[]): HostArguments | { error: string } {
  let values: ReturnType<typeof readArguments>['values'];
  try {
    ({ values } = readArguments(args));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535))
    return { error: `--port must be a port number from 0 to 65535, not "${values.port}".` };

  const idleSeconds = values['idle-seconds'] === undefined ? undefined : Number(values['idle-seconds']);
  if (idleSeconds !== undefined && !(Number.isInteger(idleSeconds) && idleSeconds >= 1 && idleSeconds <= 3600))
    return {
      error: `--idle-seconds must be a whole number of seconds from 1 to 3600, not "${values['idle-seconds']}".`,
    };

  const clockStart = values['clock-start'] === undefined ? undefined : new Date(values['clock-start']);
  if (clockStart !== undefined && Number.isNaN(clockStart.getTime()))
    return {
      error: `--clock-start must be an ISO date and time such as 2027-03-01T09:00:00Z, not "${values['clock-start']}".`,
    };

  const copyRate = values['copy-rate'] === undefined ? undefined : Number(values['copy-rate']);
  if (copyRate !== undefined && !(copyRate > 0 && copyRate <= 10_000))
    return { error: `--copy-rate must be a number of megabytes a second above 0, not "${values['copy-rate']}".` };

  return {
    port,
    dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()),
    open: !values['no-open'],
    json: values.json,
    idleSeconds,
    clockStart,
    mediaRoots: values['media-root']?.map((root) => path.resolve(root)),
    copyBytesPerSecond: copyRate === undefined ? undefined : copyRate * 1_000_000,
    systemKeysDir: values['system-keys-dir'] === undefined ? undefined : path.resolve(values['system-keys-dir']),
  };
}

function readArguments(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'idle-seconds': { type: 'string' },
      'clock-start': { type: 'string' },
      'system-keys-dir': { type: 'string' },
      'media-root': { type: 'string', multiple: true },
      'copy-rate': { type: 'string' },
    },
  });
}

/** The arguments a server process is started with: what it serves, never how it is opened or printed. */
export function serverProcessArguments(parsed: HostArguments, clockNow: Date | undefined): string[] {
  return [
    '--data-dir',
    parsed.dataDir,
    ...(parsed.idleSeconds === undefined ? [] : ['--idle-seconds', String(parsed.idleSeconds)]),
    // A restarted server goes on from the kiosk's time now, not from the instant the kiosk first started at.
    ...(clockNow === undefined ? [] : ['--clock-start', clockNow.toISOString()]),
    ...(parsed.mediaRoots ?? []).flatMap((root) => ['--media-root', root]),
    ...(parsed.copyBytesPerSecond === undefined ? [] : ['--copy-rate', String(parsed.copyBytesPerSecond / 1_000_000)]),
    ...(parsed.systemKeysDir === undefined ? [] : ['--system-keys-dir', parsed.systemKeysDir]),
  ];
}
