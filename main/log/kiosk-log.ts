/**
 * The kiosk's own log, kept in the data folder so staff can read it on the kiosk (and send it to the
 * centre) without a terminal: one JSON object a line, in a few files of capped size, the oldest dropped.
 * Writing is synchronous and small, and never throws: a full disk or a damaged log folder must not turn a
 * failure being recorded into a second failure. What it keeps is what staff need to report a problem —
 * the code, what was being done, the technical detail — never anything about a visitor.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.ts';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogEntry {
  /** ISO time by the kiosk's clock. */
  at: string;
  level: LogLevel;
  /** Which part of the kiosk wrote it: `packs`, `sources`, `host`, … */
  area: string;
  message: string;
  /** A failure's code (an ImportFailureCode for imports), when it has one. */
  code?: string;
  detail?: string;
}

export type LogInput = Omit<LogEntry, 'at'>;

export interface KioskLog {
  write(entry: LogInput): void;
  /** The newest `limit` entries, newest first, across the rotated files. */
  recent(limit: number): LogEntry[];
}

export interface KioskLogOptions {
  /** The folder the log files live in, `<data>/logs` in the hosts. */
  dir: string;
  clock: Clock;
  /** A file is rotated before it would pass this size (default 1 MiB). */
  maxFileBytes?: number;
  /** How many rotated files are kept besides the current one (default 3). */
  keepFiles?: number;
}

export const LOG_FILE = 'kiosk.log';
/** Long details (a stack, a list of files) are cut so one entry cannot crowd out the others. */
const maxFieldChars = 4096;

export function openKioskLog(options: KioskLogOptions): KioskLog {
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
  const keepFiles = options.keepFiles ?? 3;
  const fileAt = (generation: number) =>
    path.join(options.dir, generation === 0 ? LOG_FILE : `${LOG_FILE}.${generation}`);
  let size: number | undefined;

  const rotate = () => {
    fs.rmSync(fileAt(keepFiles), { force: true });
    for (let generation = keepFiles - 1; generation >= 0; generation--) {
      if (fs.existsSync(fileAt(generation))) fs.renameSync(fileAt(generation), fileAt(generation + 1));
    }
    size = 0;
  };

  return {
    write(input) {
      const entry: LogEntry = {
        at: options.clock.now().toISOString(),
        ...input,
        message: clip(input.message),
        ...(input.detail === undefined ? {} : { detail: clip(input.detail) }),
      };
      let line = `${JSON.stringify(entry)}\n`;
      try {
        realFolder(options.dir);
        if (size === undefined) {
          size = realFileSize(fileAt(0));
          // A line a power cut left unfinished must not swallow the first one written after it.
          if (size > 0 && !endsWithNewline(fileAt(0))) line = `\n${line}`;
        }
        if (size > 0 && size + Buffer.byteLength(line) > maxFileBytes) {
          rotate();
          line = line.trimStart();
        }
        appendNoFollow(fileAt(0), line);
        size += Buffer.byteLength(line);
      } catch {
        // The log is where failures go; when it cannot be written there is nowhere better. Size is read
        // again next time, so a rotation that failed halfway cannot leave the count wrong for good.
        size = undefined;
      }
    },
    recent(limit) {
      const entries: LogEntry[] = [];
      for (let generation = 0; generation <= keepFiles && entries.length < limit; generation++) {
        entries.push(
          ...readEntries(fileAt(generation))
            .toReversed()
            .slice(0, limit - entries.length),
        );
      }
      return entries;
    },
  };
}

function clip(text: string): string {
  return text.length > maxFieldChars ? `${text.slice(0, maxFieldChars)}…` : text;
}

/**
 * The data folder is writable by the kiosk's user; a link planted as the log folder or file would make
 * the kiosk append to, or rotate, a file elsewhere. Such a link is removed, never followed.
 */
function realFolder(dir: string): void {
  const info = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (info && !info.isDirectory()) fs.unlinkSync(dir);
  fs.mkdirSync(dir, { recursive: true });
}

function endsWithNewline(file: string): boolean {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const last = Buffer.alloc(1);
    const { size } = fs.fstatSync(fd);
    return size === 0 || (fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a);
  } finally {
    fs.closeSync(fd);
  }
}

/** The size of the log file, after removing whatever else (a link, a folder) was planted under its name. */
function realFileSize(file: string): number {
  const info = fs.lstatSync(file, { throwIfNoEntry: false });
  if (info?.isFile()) return info.size;
  if (info) fs.rmSync(file, { recursive: true, force: true });
  return 0;
}

/** O_NOFOLLOW: a link planted between the check above and this write fails the write rather than following. */
function appendNoFollow(file: string, line: string): void {
  const { O_APPEND, O_CREAT, O_WRONLY, O_NOFOLLOW } = fs.constants;
  const fd = fs.openSync(file, O_APPEND | O_CREAT | O_WRONLY | (O_NOFOLLOW ?? 0), 0o640);
  try {
    fs.writeSync(fd, line);
  } finally {
    fs.closeSync(fd);
  }
}

/** The entries of one file, oldest first; a line cut short by a power cut or a full disk is skipped. */
function readEntries(file: string): LogEntry[] {
  let text: string;
  try {
    if (!fs.lstatSync(file).isFile()) return [];
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const entries: LogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as unknown;
      if (isEntry(entry)) entries.push(entry);
    } catch {
      // Not a whole line: the rest of the file still counts.
    }
  }
  return entries;
}

function isEntry(value: unknown): value is LogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.at === 'string' &&
    (entry.level === 'info' || entry.level === 'warn' || entry.level === 'error') &&
    typeof entry.area === 'string' &&
    typeof entry.message === 'string'
  );
}
