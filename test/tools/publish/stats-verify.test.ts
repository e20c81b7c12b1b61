import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsExportText, statsSignatureText, writeStatsExport } from '../../../main/stats/export-stats.ts';
import { tempDir } from '../../main/packs/pack-fixtures.ts';
import { publish } from './publish-cli.ts';
import { seededKioskKey, writeVenuesFile } from './stats-data.ts';

const key = seededKioskKey(42);

async function setUp() {
  const root = await tempDir('stats-verify-');
  const written = await writeStatsExport({
    dir: root,
    key,
    venueName: 'Riverside Library',
    sequence: 3,
    createdAt: new Date('2027-03-01T09:00:00Z'),
    fromDay: '2027-02-01',
    toDay: '2027-02-28',
    rows: [
      {
        day: '2027-02-03',
        kind: 'item-open',
        itemId: 'solar',
        itemTitle: 'Solar',
        subject: 'energy',
        count: 12,
        amount: 0,
      },
    ],
  });
  const venues = path.join(root, 'venues.json');
  await writeVenuesFile(venues, [{ key, name: 'Riverside Library', region: 'North' }]);
  return { root, file: written.jsonFile, venues };
}

describe('publish stats verify', () => {
  it('accepts an export signed by its registered venue', async () => {
    const { file, venues } = await setUp();
    const result = await publish('stats', 'verify', file, '--venues', venues);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(
      `OK: ${key.venueId} (Riverside Library, North) export #3, 2027-02-01 to 2027-02-28, 1 rows`,
    );
  });

  it('refuses one changed byte, an unknown venue and a signed file that is not an export, each by name', async () => {
    const { root, file, venues } = await setUp();
    const original = await readFile(file);
    const changed = Buffer.from(original);
    changed[original.indexOf('"count":12') + 9] = '3'.charCodeAt(0);
    await writeFile(file, changed);
    const tampered = await publish('stats', 'verify', file, '--venues', venues);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('Refused (bad-signature)');
    expect(tampered.stderr).toContain('changed after the kiosk signed it');
    await writeFile(file, original);

    const others = path.join(root, 'others.json');
    await writeVenuesFile(others, [{ key: seededKioskKey(43), name: 'Elsewhere', region: 'South' }]);
    const unknown = await publish('stats', 'verify', file, '--venues', others);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`Refused (unknown-venue)`);
    expect(unknown.stderr).toContain(`signed by ${key.venueId}, which is not a venue in the registry`);

    const text = statsExportText({
      format: 1,
      venueId: key.venueId,
      venueName: 'R',
      keyId: key.venueId,
      sequence: 3,
      createdAt: '2027-03-01T09:00:00.000Z',
      fromDay: '2027-02-01',
      toDay: '2027-02-28',
      rows: [{ day: '2027-03-05', kind: 'search', itemId: '', itemTitle: '', subject: '', count: 1, amount: 0 }],
    });
    await writeFile(file, text);
    await writeFile(`${file}.sig`, statsSignatureText(Buffer.from(text), key));
    const malformed = await publish('stats', 'verify', file, '--venues', venues);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('Refused (malformed)');
    expect(malformed.stderr).toContain('rows.0.day: 2027-03-05 is outside 2027-02-01–2027-02-28');
  });

  it('explains a venue registry whose key is not the venue’s, and a missing --venues', async () => {
    const { root, file } = await setUp();
    const wrong = path.join(root, 'wrong.json');
    await writeFile(
      wrong,
      JSON.stringify({
        format: 1,
        venues: [{ venueId: key.venueId, publicKey: seededKioskKey(7).publicKey, name: 'X', region: 'Y' }],
      }),
    );
    const result = await publish('stats', 'verify', file, '--venues', wrong);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`venue ${key.venueId} (X) has the public key of`);
    const usage = await publish('stats', 'verify', file);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--venues is required');
  });
});
