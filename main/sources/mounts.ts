/**
 * Which filesystems are mounted where a USB stick appears, as pure functions over what the OS reports:
 * Linux's /proc/self/mountinfo, Windows drive letters, macOS /Volumes. The watcher diffs two readings.
 */

export interface Mount {
  /** Where the filesystem is mounted: the folder to look for packs in. */
  path: string;
  /** The device or source the OS names (e.g. /dev/sdb1), for logs. */
  source: string;
  fsType: string;
}

/** Where desktop Linux and admins mount removable media. */
export const linuxMediaRoots = ['/media', '/run/media', '/mnt'] as const;

/** Filesystem types that never hold a stick's contents. */
const virtualTypes = new Set([
  'proc',
  'sysfs',
  'devtmpfs',
  'devpts',
  'cgroup',
  'cgroup2',
  'securityfs',
  'debugfs',
  'tracefs',
  'pstore',
  'bpf',
  'mqueue',
  'hugetlbfs',
  'configfs',
  'fusectl',
  'autofs',
  'binfmt_misc',
  'overlay',
  'squashfs',
]);

/** Undoes mountinfo's octal escapes: `\040` is a space, `\011` a tab, `\012` a newline, `\134` a backslash. */
export function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** Every mount in a /proc/self/mountinfo text; malformed lines are skipped. */
export function parseMountinfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    if (fields.length < 10 || separator < 0 || separator + 2 >= fields.length) continue;
    mounts.push({
      path: unescapeMountField(fields[4]!),
      fsType: unescapeMountField(fields[separator + 1]!),
      source: unescapeMountField(fields[separator + 2]!),
    });
  }
  return mounts;
}

/** Mounts strictly below one of `roots` (not the roots themselves), on a real filesystem. */
export function removableCandidates(mounts: readonly Mount[], roots: readonly string[] = linuxMediaRoots): Mount[] {
  const byPath = new Map<string, Mount>();
  for (const mount of mounts) {
    if (virtualTypes.has(mount.fsType)) continue;
    const under = roots.some((root) => mount.path.startsWith(root.endsWith('/') ? root : `${root}/`));
    // A later line for the same path is a mount on top of the earlier one: it is what a reader sees.
    if (under) byPath.set(mount.path, mount);
  }
  return [...byPath.values()];
}

/** Windows: every drive letter that answers, except the system drive. */
export function windowsDriveMounts(present: readonly string[], systemDrive = 'C:'): Mount[] {
  return present
    .filter((letter) => /^[A-Z]:$/i.test(letter) && letter.toUpperCase() !== systemDrive.toUpperCase())
    .map((letter) => ({ path: `${letter.toUpperCase()}\\`, source: letter.toUpperCase(), fsType: 'drive' }));
}

/** macOS: each entry of /Volumes is a volume; the boot volume is a link to `/` and is left out. */
export function macVolumeMounts(entries: readonly { name: string; isSymbolicLink: boolean }[]): Mount[] {
  return entries
    .filter((entry) => !entry.isSymbolicLink && !entry.name.startsWith('.'))
    .map((entry) => ({ path: `/Volumes/${entry.name}`, source: entry.name, fsType: 'volume' }));
}

export interface MountChanges {
  added: Mount[];
  removed: Mount[];
}

export function diffMounts(before: readonly Mount[], after: readonly Mount[]): MountChanges {
  const key = (mount: Mount) => `${mount.path}\u0000${mount.source}`;
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  return {
    added: after.filter((mount) => !old.has(key(mount))),
    removed: before.filter((mount) => !now.has(key(mount))),
  };
}
