/**
 * Revocations are sticky through the real import pipeline: a pack carrying a revocation of its own signer is
 * refused, the revocation lands in the data folder's keys/, and a later pack without it is refused too.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPack } from '../../../main/packs/import/import-pack.ts';
import { introduceKey, publicEntry, revokeKey } from '../../../main/packs/signing-keys.ts';
import { loadTrustStore } from '../../../main/packs/trust-store.ts';
import { openKiosk, type Kiosk } from './import-helpers.ts';
import { buildTestPack, newKey, tempDir } from './pack-fixtures.ts';

let kiosk: Kiosk | undefined;
afterAll(async () => {
  await kiosk?.catalog.close();
  if (kiosk) await rm(path.dirname(kiosk.dataDir), { recursive: true, force: true });
});

describe('importing a revocation', () => {
  it('refuses the revoked key and keeps refusing it once the statement is gone', async () => {
    const root = newKey('centre-root');
    const leaked = newKey('centre-2026');
    const work = await tempDir('import-revocation-');
    const dataDir = path.join(work, 'data');
    const keysDir = path.join(dataDir, 'keys');
    const rootKeysFile = path.join(work, 'root-keys.json');
    await writeFile(rootKeysFile, JSON.stringify({ format: 1, keys: [publicEntry(root)] }));
    const trust = () => loadTrustStore({ rootKeysFile, dataKeysDir: keysDir });
    const introduction = path.join(work, 'centre-2026.statement.json');
    await writeFile(introduction, JSON.stringify(introduceKey(root, publicEntry(leaked))));
    const revocation = path.join(work, 'revoke-centre-2026.statement.json');
    await writeFile(revocation, JSON.stringify(revokeKey(leaked, 'centre-2026')));

    kiosk = openKiosk(dataDir, await trust());
    const carrier = await buildTestPack({ key: leaked, statementFiles: [introduction, revocation] });
    const first = await importPack(carrier.dir, kiosk.options()).catch((error: unknown) => error);
    expect(first).toMatchObject({ code: 'key-revoked' });
    expect((await readdir(keysDir)).filter((name) => name.endsWith('.statement.json'))).toHaveLength(2);

    const later = await buildTestPack({ key: leaked, version: 2, statementFiles: [introduction] });
    const second = await importPack(later.dir, kiosk.options({ trust: await trust() })).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'key-revoked' });
    expect(await kiosk.catalog.api.installedPacks()).toEqual([]);
  });
});
