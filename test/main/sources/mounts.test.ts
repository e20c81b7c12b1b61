/** The mount table parsing and diffing the USB watcher relies on, on text in the kernel's own format. */
import { describe, expect, test } from 'vitest';
import {
  diffMounts,
  macVolumeMounts,
  parseMountinfo,
  removableCandidates,
  unescapeMountField,
  windowsDriveMounts,
} from '../../../main/sources/mounts.ts';

// Lines as /proc/self/mountinfo writes them (see proc(5)): optional fields, then " - ", type, source, options.
const mountinfo = [
  '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
  '23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw',
  '60 22 8:17 / /media/kiosk/SCIENCE\\040PACKS rw,nosuid,nodev,relatime shared:33 - vfat /dev/sdb1 rw,fmask=0022',
  '61 22 8:33 / /run/media/staff/Tab\\011and\\134slash rw,relatime shared:34 master:2 - exfat /dev/sdc1 rw',
  '62 22 8:49 / /mnt/usb rw,relatime - ext4 /dev/sdd1 rw',
  '63 22 0:50 / /media rw,relatime - tmpfs tmpfs rw',
  '64 22 0:51 / /mnt/usb/proc rw - proc proc rw',
  '65 22 8:65 / /home/someone/media rw - ext4 /dev/sde1 rw',
  'garbage line',
  '',
].join('\n');

describe('mountinfo', () => {
  test('octal escapes become the characters they stand for', () => {
    expect(unescapeMountField('SCIENCE\\040PACKS')).toBe('SCIENCE PACKS');
    expect(unescapeMountField('a\\011b\\012c\\134d')).toBe('a\tb\nc\\d');
    expect(unescapeMountField('plain')).toBe('plain');
  });

  test('every well-formed line is parsed, optional fields or not', () => {
    const mounts = parseMountinfo(mountinfo);
    expect(mounts).toHaveLength(8);
    expect(mounts[2]).toEqual({ path: '/media/kiosk/SCIENCE PACKS', source: '/dev/sdb1', fsType: 'vfat' });
    expect(mounts[3]).toEqual({ path: '/run/media/staff/Tab\tand\\slash', source: '/dev/sdc1', fsType: 'exfat' });
  });

  test('removable candidates are real filesystems below the media roots, not the roots themselves', () => {
    expect(removableCandidates(parseMountinfo(mountinfo)).map((mount) => mount.path)).toEqual([
      '/media/kiosk/SCIENCE PACKS',
      '/run/media/staff/Tab\tand\\slash',
      '/mnt/usb',
    ]);
    expect(removableCandidates(parseMountinfo(mountinfo), ['/home/someone'])).toEqual([
      { path: '/home/someone/media', source: '/dev/sde1', fsType: 'ext4' },
    ]);
  });

  test('a diff names mounts that came and went', () => {
    const a = { path: '/media/a', source: '/dev/sdb1', fsType: 'vfat' };
    const b = { path: '/media/b', source: '/dev/sdc1', fsType: 'vfat' };
    const bAgain = { ...b, source: '/dev/sdd1' };
    expect(diffMounts([a], [a, b])).toEqual({ added: [b], removed: [] });
    expect(diffMounts([a, b], [b])).toEqual({ added: [], removed: [a] });
    expect(diffMounts([b], [bAgain])).toEqual({ added: [bAgain], removed: [b] });
  });
});

describe('other platforms', () => {
  test('Windows: drive letters other than the system drive', () => {
    expect(windowsDriveMounts(['C:', 'D:', 'e:', 'bogus'], 'C:').map((mount) => mount.path)).toEqual(['D:\\', 'E:\\']);
  });

  test('macOS: volumes in /Volumes except the boot volume link', () => {
    const entries = [
      { name: 'Macintosh HD', isSymbolicLink: true },
      { name: 'SCIENCE', isSymbolicLink: false },
      { name: '.timemachine', isSymbolicLink: false },
    ];
    expect(macVolumeMounts(entries)).toEqual([{ path: '/Volumes/SCIENCE', source: 'SCIENCE', fsType: 'volume' }]);
  });
});
