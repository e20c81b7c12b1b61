/**
 * Notices USB sticks as they are mounted and pulled, and lists the pack folders on them. Polls the
 * OS's mount table (cheap: one small read) through an injectable reader and timer, so tests drive it
 * with real mounts or with readings they make up, without waiting on a wall clock.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import {
  diffMounts,
  linuxMediaRoots,
  macVolumeMounts,
  parseMountinfo,
  removableCandidates,
  windowsDriveMounts,
  type Mount,
} from './mounts.ts';
import { findPacks } from './find-packs.ts';

export interface DetectedMount extends Mount {
  /** Pack folders found on it. */
  packs: string[];
}

export interface UsbWatcherOptions {
  /** Reads the current removable mounts; defaults to the platform's own (see `readRemovableMounts`). */
  readMounts?: () => Promise<Mount[]>;
  findPacks?: (root: string) => Promise<string[]>;
  /** Schedules the next poll; returns a function that cancels it. */
  schedule?: (run: () => void, ms: number) => () => void;
  intervalMs?: number;
  /** Called after every poll that changed the set of mounts, with all mounts now present. */
  onChange: (mounts: DetectedMount[], changes: { added: Mount[]; removed: Mount[] }) => void;
  onError?: (error: unknown) => void;
}

export class UsbWatcher {
  readonly #options: UsbWatcherOptions;
  #mounts: DetectedMount[] = [];
  #cancel: (() => void) | undefined;
  #stopped = true;

  constructor(options: UsbWatcherOptions) {
    this.#options = options;
  }

  get mounts(): readonly DetectedMount[] {
    return this.#mounts;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.#loop();
  }

  stop(): void {
    this.#stopped = true;
    this.#cancel?.();
    this.#cancel = undefined;
  }

  /** Reads the mounts once and reports a change; what each timer tick does. */
  async poll(): Promise<void> {
    const read = this.#options.readMounts ?? readRemovableMounts;
    const find = this.#options.findPacks ?? ((root: string) => findPacks(root));
    const now = await read();
    const changes = diffMounts(this.#mounts, now);
    if (changes.added.length === 0 && changes.removed.length === 0) return;
    const kept = this.#mounts.filter((mount) => !changes.removed.includes(mount));
    const added = await Promise.all(changes.added.map(async (mount) => ({ ...mount, packs: await find(mount.path) })));
    this.#mounts = [...kept, ...added].sort((a, b) => a.path.localeCompare(b.path));
    this.#options.onChange(this.#mounts, changes);
  }

  /** Looks for packs on every mount again, e.g. after staff copied a pack onto a mounted stick. */
  async rescan(): Promise<void> {
    const find = this.#options.findPacks ?? ((root: string) => findPacks(root));
    this.#mounts = await Promise.all(this.#mounts.map(async (mount) => ({ ...mount, packs: await find(mount.path) })));
    this.#options.onChange(this.#mounts, { added: [], removed: [] });
  }

  async #loop(): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.poll();
    } catch (error) {
      this.#options.onError?.(error);
    }
    if (this.#stopped) return;
    const schedule = this.#options.schedule ?? defaultSchedule;
    this.#cancel = schedule(() => void this.#loop(), this.#options.intervalMs ?? 2000);
  }
}

function defaultSchedule(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** The removable mounts of the platform the kiosk runs on. */
export async function readRemovableMounts(
  platform: NodeJS.Platform = process.platform,
  roots: readonly string[] = linuxMediaRoots,
): Promise<Mount[]> {
  if (platform === 'win32') {
    const letters = 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((letter) => `${letter}:`);
    const present = await Promise.all(
      letters.map((letter) =>
        stat(`${letter}\\`).then(
          () => true,
          () => false,
        ),
      ),
    );
    return windowsDriveMounts(
      letters.filter((_, index) => present[index]),
      process.env['SystemDrive'] ?? 'C:',
    );
  }
  if (platform === 'darwin') {
    const entries = await readdir('/Volumes', { withFileTypes: true }).catch(() => []);
    return macVolumeMounts(entries.map((entry) => ({ name: entry.name, isSymbolicLink: entry.isSymbolicLink() })));
  }
  return removableCandidates(parseMountinfo(await readFile('/proc/self/mountinfo', 'utf8')), roots);
}
