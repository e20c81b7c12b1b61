/**
 * Packs made by the publisher's command line (`npm run publish`), imported through the pipeline: a full
 * pack, then the delta the CLI computes to the next version, which must leave the kiosk exactly where
 * importing the next full pack would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { loadTrustStore, type TrustStore } from '../../../main/packs/trust-store.ts';
import { newSince } from '../catalog/catalog-fixtures.ts';
import { openKiosk, snapshot, storedFiles } from './import-helpers.ts';
import { writeSource } from './pack-fixtures.ts';

const cli = path.join(import.meta.dirname, '../../../tools/publish/cli.ts');
let work: string;
let trust: TrustStore;
const pack = (name: string) => path.join(work, name);

function publish(...args: string[]): void {
  execFileSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-published-'));
  publish('keys', 'new', '--out', pack('keys'), '--id', 'centre', '--channels', 'science');
  trust = await loadTrustStore({ rootKeysFile: path.join(work, 'keys', 'centre.keys.json') });
  const key = path.join(work, 'keys', 'centre.private.json');
  for (const [version, extraItem] of [
    [1, false],
    [2, true],
  ] as const) {
    const source = await writeSource({ extraItem });
    const common = ['--source', source.dir, '--sheet', source.sheetFile, '--key', key, '--id', 'garden'];
    publish('build', ...common, '--channel', 'science', '--version', String(version), '--out', pack(`v${version}`));
  }
  publish('delta', '--from', pack('v1'), '--to', pack('v2'), '--key', key, '--out', pack('v1-to-v2'));
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test('a delta built by the CLI leads to the same catalog and store as the full pack it was made from', async () => {
  const direct = openKiosk(pack('direct'), trust);
  const updated = openKiosk(pack('updated'), trust);
  try {
    expect(await importPack(pack('v2'), direct.options())).toMatchObject({
      packId: 'garden',
      version: 2,
      kind: 'full',
    });
    expect(await importPack(pack('v1'), updated.options())).toMatchObject({ version: 1, kind: 'full' });
    const delta = await importPack(pack('v1-to-v2'), updated.options());
    expect(delta).toMatchObject({ version: 2, kind: 'delta', filesCopied: 1 });

    const normalise = (state: unknown) => {
      const { records, ...rest } = state as { records: { items: { id: string }[] }[] };
      return {
        ...rest,
        records: records.map((record) => ({
          ...record,
          items: record.items.toSorted((a, b) => a.id.localeCompare(b.id)),
        })),
      };
    };
    expect(normalise(await snapshot(updated))).toEqual(normalise(await snapshot(direct)));
    expect([...(await storedFiles(updated.dataDir)).keys()].sort()).toEqual(
      [...(await storedFiles(direct.dataDir)).keys()].sort(),
    );
    const found = await updated.catalog.api.search({ locale: 'en', newSince, query: 'solar', offset: 0, limit: 5 });
    expect(found.items.map((item) => item.id)).toEqual(['solar']);
  } finally {
    await direct.catalog.close();
    await updated.catalog.close();
  }
});
