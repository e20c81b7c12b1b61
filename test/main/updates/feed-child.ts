/**
 * A kiosk process for the restart test: checks the feed once (the parent kills it mid-download with SIGKILL).
 * Argument: JSON {dataDir, feedUrl, key: PublicKeyEntry}.
 */
import { importPack } from '../../../main/packs/import/import-pack.ts';
import type { PublicKeyEntry } from '../../../main/packs/signing-keys.ts';
import { trustStoreFrom } from '../../../main/packs/trust-store.ts';
import { checkFeed } from '../../../main/updates/feed-check.ts';
import { openKiosk } from '../packs/import-helpers.ts';

const { dataDir, feedUrl, key } = JSON.parse(process.argv[2]!) as {
  dataDir: string;
  feedUrl: string;
  key: PublicKeyEntry;
};
const trust = trustStoreFrom([{ set: { format: 1, keys: [key] }, origin: 'test' }]);
const kiosk = openKiosk(dataDir, trust);
await checkFeed({
  dataDir,
  feedUrl,
  channels: ['agriculture'],
  window: null,
  bytesPerSecond: () => 0,
  now: () => new Date('2027-03-01T10:00:00Z'),
  trust: async () => trust,
  installed: async () => [],
  stored: async () => undefined,
  checkRoom: async () => undefined,
  importFolder: (dir) => importPack(dir, kiosk.options()),
});
