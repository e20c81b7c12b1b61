/** The browser host's command line: checked once, and passed on to each server process without what only the supervisor uses. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHostArguments, serverProcessArguments } from '../../../../main/host/browser/host-arguments.ts';

describe('parseHostArguments', () => {
  it('reads every option', () => {
    const parsed = parseHostArguments([
      '--port',
      '4173',
      '--data-dir',
      'data',
      '--no-open',
      '--json',
      '--idle-seconds',
      '30',
      '--clock-start',
      '2027-03-01T09:00:00Z',
      '--media-root',
      '/media',
      '--media-root',
      'sticks',
      '--copy-rate',
      '2.5',
      '--system-keys-dir',
      '/etc/keys',
    ]);
    expect(parsed).toEqual({
      port: 4173,
      dataDir: path.resolve('data'),
      open: false,
      json: true,
      idleSeconds: 30,
      clockStart: new Date('2027-03-01T09:00:00Z'),
      mediaRoots: ['/media', path.resolve('sticks')],
      copyBytesPerSecond: 2_500_000,
      systemKeysDir: '/etc/keys',
    });
  });

  it.each([
    [['--port', 'http'], '--port'],
    [['--idle-seconds', '0'], '--idle-seconds'],
    [['--clock-start', 'tomorrow'], '--clock-start'],
    [['--copy-rate', '0'], '--copy-rate'],
    [['--no-such-option'], 'no-such-option'],
  ])('refuses %j', (args, option) => {
    expect(parseHostArguments(args)).toEqual({ error: expect.stringContaining(option) as string });
  });
});

describe('serverProcessArguments', () => {
  it('passes what the server serves, and the kiosk time now instead of the first start', () => {
    const parsed = parseHostArguments([
      '--port',
      '4173',
      '--json',
      '--data-dir',
      '/data',
      '--idle-seconds',
      '30',
      '--clock-start',
      '2027-03-01T09:00:00Z',
      '--copy-rate',
      '2.5',
    ]);
    if ('error' in parsed) throw new Error(parsed.error);
    const args = serverProcessArguments(parsed, new Date('2027-03-01T09:05:00Z'));
    expect(args).toEqual([
      '--data-dir',
      '/data',
      '--idle-seconds',
      '30',
      '--clock-start',
      '2027-03-01T09:05:00.000Z',
      '--copy-rate',
      '2.5',
    ]);
    expect(parseHostArguments(args)).toMatchObject({
      dataDir: '/data',
      idleSeconds: 30,
      copyBytesPerSecond: 2_500_000,
    });
  });
});
