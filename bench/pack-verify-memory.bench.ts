/**
 * What a hostile stick costs before its signature is known to be bad: peak memory and time of `verifyPack`
 * on a pack whose manifest is 16 MiB of `[],[],…`, with a signature file naming a trusted key but signing
 * other bytes, and with one naming a key the kiosk does not know. Each case runs in a fresh process, so the
 * peak (maxRSS) is the check's own and not the setup's. Goal: under 64 MB above the process's baseline.
 *
 *   node bench/pack-verify-memory.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MAX_MANIFEST_BYTES } from '../main/packs/manifest.ts';
import { PackError } from '../main/packs/pack-error.ts';
import { generateKey, manifestSignatureText, publicEntry, type PrivateKeyFile } from '../main/packs/signing-keys.ts';
import { trustStoreFrom } from '../main/packs/trust-store.ts';
import { verifyPack } from '../main/packs/verify-pack.ts';

const { values } = parseArgs({ options: { check: { type: 'string' }, key: { type: 'string' } } });

if (values.check) {
  // The child: nothing else allocated, so the rise of maxRSS across the call is the check's peak.
  const key = JSON.parse(values.key!) as PrivateKeyFile;
  const trust = trustStoreFrom([{ set: { format: 1, keys: [publicEntry(key)] }, origin: 'bench' }]);
  const before = process.resourceUsage().maxRSS;
  const start = performance.now();
  const code = await verifyPack(values.check, { trust, now: new Date('2026-12-01T00:00:00Z') }).then(
    () => 'accepted',
    (error: unknown) => (error instanceof PackError ? error.code : String(error)),
  );
  const ms = performance.now() - start;
  console.log(JSON.stringify({ code, ms, peakKiB: process.resourceUsage().maxRSS - before }));
} else {
  const work = await mkdtemp(path.join(os.tmpdir(), 'pack-memory-bench-'));
  try {
    const key = generateKey('bench', ['*']);
    // Just under the limit, so the manifest is read in full rather than refused by its size.
    const manifest = Buffer.alloc(MAX_MANIFEST_BYTES - 16, '[],');
    manifest[0] = '['.charCodeAt(0);
    manifest.write('[]]', manifest.length - 3);
    const cases = {
      'signature by a trusted key over other bytes': manifestSignatureText(Buffer.from('other bytes'), key),
      'signature naming an unknown key': manifestSignatureText(manifest, generateKey('stranger', ['*'])),
      'no signature file format at all': 'AAAA\n',
    };
    console.log(`manifest of ${(manifest.length / 1024 / 1024).toFixed(1)} MiB of "[],", never validly signed`);
    for (const [name, signature] of Object.entries(cases)) {
      const packDir = path.join(work, name.replaceAll(' ', '-'));
      await mkdir(packDir);
      await writeFile(path.join(packDir, 'manifest.json'), manifest);
      await writeFile(path.join(packDir, 'manifest.sig'), signature);
      const runs = [1, 2, 3].map(
        () =>
          JSON.parse(
            execFileSync(process.execPath, [import.meta.filename, '--check', packDir, '--key', JSON.stringify(key)], {
              encoding: 'utf8',
            }),
          ) as { code: string; ms: number; peakKiB: number },
      );
      const peak = Math.max(...runs.map((run) => run.peakKiB)) / 1024;
      const ms = Math.max(...runs.map((run) => run.ms));
      console.log(
        `  ${name}: refused as ${runs[0]!.code}, peak +${peak.toFixed(1)} MiB, at most ${ms.toFixed(0)} ms ` +
          `(goal < 64 MB: ${peak * 1.048576 < 64 ? 'met' : 'MISSED'})`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
