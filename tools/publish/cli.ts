/**
 * The publisher's command line (`npm run publish -- <command>`): make keys, build, verify and diff signed
 * content packs, and check and merge the kiosks' usage exports. Run with --help for the commands; every failure
 * prints what to fix and exits non-zero.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot } from '../../main/app-paths.ts';
import { isPackError } from '../../main/packs/pack-error.ts';
import { KeyChannels, introduceKey, revokeKey } from '../../main/packs/signing-keys.ts';
import { loadTrustStore } from '../../main/packs/trust-store.ts';
import { verifyPack, verifyPackContents } from '../../main/packs/verify-pack.ts';
import { buildPack } from './build-pack.ts';
import { buildDelta } from './delta-pack.ts';
import { writeFeed } from './feed/write-feed.ts';
import { GiftError, compileGift, type GiftInput } from './gift/compile-gift.ts';
import { readKeySet, readPrivateKey, writeNewKey } from './key-files.ts';
import { writeRelease } from './release.ts';
import { SheetError } from './sheet.ts';
import { PIN_RESET_SUFFIX, signPinReset } from '../../main/staff/pin-reset.ts';
import { ExportRefusedError, readVenues, verifyStatsExport } from './stats/verify-export.ts';
import { ContentLanguage, Slug } from '../../preload/contract/schemas.ts';

const usage = `Usage: npm run publish -- <command> [options]

  keys new --out DIR [--id KEY-ID] [--channels '*'|ch1,ch2]
      Make a signing key: DIR/<id>.private.json (keep it secret, offline) and DIR/<id>.keys.json
      (the public part: add its entry to resources/keys/root-keys.json, or copy the file into a
      kiosk's <data folder>/keys/).
  keys introduce --key OLD.private.json --new NEW.keys.json --out FILE.statement.json
      Rotate keys: the old trusted key vouches for the new one. Ship the statement with packs
      (build --statement) or copy it into <data folder>/keys/.
  keys revoke --key SIGNER.private.json --revoke KEY-ID --out FILE.statement.json [--at ISO-TIME]
      Revoke a key (leaked or retired) as of --at (default now). The signer must be the key itself, a
      root key, or a key that introduced it, with channels covering the revoked key's. Ship the statement
      with packs (build --statement) or copy it into <data folder>/keys/; kiosks remember it once seen.
  build --source DIR --sheet SHEET.yaml --key KEY.private.json --id ID --channel CH --version N
        [--expires DAYS] [--statement FILE]... [--ocr] [--narrate] --out PACKDIR
      Build a signed full pack from a source folder and its sheet. --ocr reads the pages of scans that have
      no text with tesseract (Debian: tesseract-ocr with -eng, -kor, -chi-sim, -mon), in the item's
      languages, so a scan is found by its words; every PDF without text or cut short is named.
      --narrate reads every PDF aloud with espeak-ng (as the sheet's "narrate: true" does for one item), in
      each language it has a voice for (en, ko, zh; none for Mongolian: attach a recording); Opus when
      opusenc (Debian: opus-tools) is installed, else WAV. The build names each narration and each it skipped.
  verify PACKDIR [--keys ROOT-KEYS.json] [--keys-dir DIR] [--installed N]
      Check a pack as a kiosk would, and hash every file.
  delta --from OLDPACK --to NEWPACK --key KEY.private.json --out DELTADIR
      Build the update from one full pack to a newer one.
  feed --packs DIR [--packs DIR]... --key KEY.private.json --out SITE [--expires-hours 48]
      Write a static update site for kiosks to poll: SITE/feed.json and feed.sig (signed, naming the newest
      version of each pack with its full form and the deltas to it), packs/<manifest sha256>/ and
      files/<sha256>. Serve SITE with any web server; run again whenever packs change, and at least once
      before the feed expires (a kiosk ignores an expired feed, never a stick).
  gift --in LANG=FILE.gift [--in LANG=FILE.gift]... --out QUIZ.json [--strict] [--subject SLUG]
       [--difficulty 1|2|3]
      Compile GIFT files, one per content language (en, ko, zh, mn-Cyrl, mn-Mong), into one quiz set;
      questions are matched across the files by their ::title::. Types quiz sets lack (essay, description,
      missing word) are skipped with a note, or refused with --strict.
  release --version V --artifact FILE [--artifact FILE]... --key KEY.private.json --min-version V
          --rollout PERCENT --out DIR [--expires-days N]
      Publish an app release: copies the installers (AppImage, deb) into DIR and writes the signed
      statement DIR/release.json and release.sig, and electron-updater's latest-linux.yml. The key must
      be trusted for "app" (keys new --channels app) or "*". Kiosks below --min-version update at once;
      others by --rollout (0-100, raise it and publish again). Serve DIR as <feed folder>/app/.
  pin-reset --key ROOT.private.json --venue k-… --out DIR [--days 7]
      Reset a venue's forgotten staff PIN: writes DIR/<venue>.pin-reset.json, signed by a root key
      (trusted for every channel). Staff put it at the top of a USB stick and tap "Forgot the PIN?";
      it works once, for that kiosk only, until it expires.
  stats verify FILE.json --venues venues.json
      Check a kiosk's usage export: its .sig against the venue's registered key, then its rows.
  stats merge DIR... --venues venues.json --out REPORT_DIR [--exchange-pack DIR --key KEY --channel C]
      Verify every export under the folders, drop duplicates, settle conflicts by sequence, find gaps,
      and write REPORT_DIR/rows.parquet, by-venue.csv, by-item.csv and report.html. With --exchange-pack,
      also a pack signed by KEY for channel C whose one item (exchange-C) is a leaflet comparing the
      venues, in every content language; each merge's version is higher, so kiosks take the newest.
`;

class UsageError extends Error {}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function positiveInteger(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`--${name} must be a whole number above 0`);
  return value;
}

async function keysCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      id: { type: 'string' },
      channels: { type: 'string' },
      key: { type: 'string' },
      new: { type: 'string' },
      revoke: { type: 'string' },
      at: { type: 'string' },
    },
  });
  if (sub === 'new') {
    const channels = KeyChannels.parse(
      values.channels === undefined ? ['*'] : values.channels.split(',').map((c) => c.trim()),
    );
    const keyId = values.id ?? `centre-${new Date().getUTCFullYear()}`;
    const { privateFile, publicFile } = await writeNewKey(required(values, 'out'), keyId, channels);
    console.log(
      `Private key: ${privateFile}\n  Keep it offline; anyone holding it can publish to ${channels.join(', ')}.`,
    );
    console.log(
      `Public key:  ${publicFile}\n  Add its entry to resources/keys/root-keys.json (or a kiosk's <data>/keys/).`,
    );
  } else if (sub === 'introduce') {
    const signer = await readPrivateKey(required(values, 'key'));
    const [newKey, ...others] = (await readKeySet(required(values, 'new'))).keys;
    if (!newKey || others.length > 0) throw new UsageError('--new must hold exactly one key');
    const out = required(values, 'out');
    await writeFile(out, JSON.stringify(introduceKey(signer, newKey), null, 2) + '\n', { flag: 'wx' });
    console.log(`${signer.keyId} now vouches for ${newKey.keyId} (channels ${newKey.channels.join(', ')}): ${out}`);
  } else if (sub === 'revoke') {
    const signer = await readPrivateKey(required(values, 'key'));
    const keyId = Slug.safeParse(required(values, 'revoke'));
    if (!keyId.success) throw new UsageError('--revoke must be a key id, such as centre-2026');
    const at = values.at === undefined ? new Date() : new Date(values.at);
    if (Number.isNaN(at.getTime())) throw new UsageError('--at must be a date and time, such as 2026-11-20T09:00:00Z');
    const out = required(values, 'out');
    await writeFile(out, JSON.stringify(revokeKey(signer, keyId.data, at), null, 2) + '\n', { flag: 'wx' });
    console.log(`${signer.keyId} revokes ${keyId.data} as of ${at.toISOString()}: ${out}`);
  } else {
    throw new UsageError(`unknown keys command "${sub ?? ''}"`);
  }
}

async function buildCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      source: { type: 'string' },
      sheet: { type: 'string' },
      key: { type: 'string' },
      id: { type: 'string' },
      channel: { type: 'string' },
      version: { type: 'string' },
      expires: { type: 'string' },
      statement: { type: 'string', multiple: true },
      out: { type: 'string' },
      ocr: { type: 'boolean' },
      narrate: { type: 'boolean' },
    },
  });
  const manifest = await buildPack({
    sourceDir: required(values, 'source'),
    sheetFile: required(values, 'sheet'),
    keyFile: required(values, 'key'),
    id: required(values, 'id'),
    channel: required(values, 'channel'),
    version: positiveInteger(required(values, 'version'), 'version'),
    expiresDays: values.expires === undefined ? 365 : positiveInteger(values.expires, 'expires'),
    statementFiles: values.statement ?? [],
    outDir: required(values, 'out'),
    onNote: (note) => console.warn(note),
    ocr: values.ocr ?? false,
    narrate: values.narrate ?? false,
  });
  const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
  console.log(
    `Built ${manifest.id} v${manifest.version} (${manifest.channel}): ${manifest.items.length} items, ` +
      `${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, expires ${manifest.expiresAt.slice(0, 10)}`,
  );
}

async function verifyCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { keys: { type: 'string' }, 'keys-dir': { type: 'string' }, installed: { type: 'string' } },
  });
  const [dir] = positionals;
  if (!dir) throw new UsageError('name the pack folder to verify');
  const trust = await loadTrustStore({
    rootKeysFile: values.keys ?? path.join(appRoot, 'resources', 'keys', 'root-keys.json'),
    ...(values['keys-dir'] ? { dataKeysDir: values['keys-dir'] } : {}),
  });
  for (const problem of trust.problems) console.warn(`warning: ${problem}`);
  const installed = values.installed === undefined ? undefined : positiveInteger(values.installed, 'installed');
  const pack = await verifyPack(dir, { trust, installedVersion: () => installed });
  await verifyPackContents(pack.dir, pack.manifest);
  const { manifest } = pack;
  const items = manifest.kind === 'full' ? `${manifest.items.length} items` : `delta from v${manifest.baseVersion}`;
  console.log(
    `OK: ${manifest.id} v${manifest.version} (${manifest.channel}, ${items}, ${manifest.files.length} files), ` +
      `signed by ${pack.key.keyId} [${pack.key.origin}], expires ${manifest.expiresAt.slice(0, 10)}`,
  );
}

async function deltaCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' } },
  });
  const manifest = await buildDelta({
    fromDir: required(values, 'from'),
    toDir: required(values, 'to'),
    keyFile: required(values, 'key'),
    outDir: required(values, 'out'),
  });
  const { addItems, replaceItems, removeItems } = manifest.changes;
  console.log(
    `Built delta ${manifest.id} v${manifest.baseVersion} → v${manifest.version}: ${addItems.length} added, ` +
      `${replaceItems.length} changed, ${removeItems.length} removed, ${manifest.files.length} new files`,
  );
}

async function feedCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      packs: { type: 'string', multiple: true },
      key: { type: 'string' },
      out: { type: 'string' },
      'expires-hours': { type: 'string' },
    },
  });
  const packDirs = values.packs ?? [];
  if (packDirs.length === 0) throw new UsageError('--packs is required (a pack folder, or a folder of pack folders)');
  const hours = values['expires-hours'];
  const written = await writeFeed({
    packDirs,
    keyFile: required(values, 'key'),
    outDir: required(values, 'out'),
    ...(hours === undefined ? {} : { expiresHours: positiveInteger(hours, 'expires-hours') }),
  });
  for (const note of written.skipped) console.log(`Left out: ${note}`);
  const { feed } = written;
  console.log(
    `Wrote feed version ${feed.version} (${feed.packs.length} packs, expires ${feed.expiresAt}); ` +
      `${written.filesCopied} new files copied. Publish again before it expires.`,
  );
}

async function giftCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      in: { type: 'string', multiple: true },
      out: { type: 'string' },
      strict: { type: 'boolean' },
      subject: { type: 'string' },
      difficulty: { type: 'string' },
    },
  });
  const given = values.in ?? [];
  if (given.length === 0) throw new UsageError('--in LANG=FILE is required, once per language');
  const inputs: GiftInput[] = [];
  for (const entry of given) {
    const [language, file] = [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)];
    const parsed = ContentLanguage.safeParse(language);
    if (!entry.includes('=') || !parsed.success || file === '')
      throw new UsageError(`--in ${entry}: write LANG=FILE, LANG one of ${ContentLanguage.options.join(', ')}`);
    if (inputs.some((input) => input.language === parsed.data))
      throw new UsageError(`--in gives ${parsed.data} twice: one file per language`);
    inputs.push({ language: parsed.data, file, text: await readFile(file, 'utf8') });
  }
  if (values.subject !== undefined && !Slug.safeParse(values.subject).success)
    throw new UsageError('--subject must be a subject id: lower-case letters, digits and dashes');
  const difficulty = values.difficulty;
  if (difficulty !== undefined && difficulty !== '1' && difficulty !== '2' && difficulty !== '3')
    throw new UsageError('--difficulty must be 1, 2 or 3');
  const out = required(values, 'out');
  const { quiz, notes } = compileGift(inputs, {
    strict: values.strict ?? false,
    ...(values.subject === undefined ? {} : { subject: values.subject }),
    ...(difficulty === undefined ? {} : { difficulty: Number(difficulty) as 1 | 2 | 3 }),
  });
  for (const note of notes) console.warn(note);
  await writeFile(out, JSON.stringify(quiz, null, 2) + '\n');
  console.log(
    `Wrote ${out}: ${quiz.questions.length} question${quiz.questions.length === 1 ? '' : 's'} in ` +
      inputs.map((input) => input.language).join(', '),
  );
}

async function statsCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      venues: { type: 'string' },
      out: { type: 'string' },
      'exchange-pack': { type: 'string' },
      key: { type: 'string' },
      channel: { type: 'string' },
    },
  });
  if (sub === 'verify') {
    const [file, ...others] = positionals;
    if (!file || others.length > 0) throw new UsageError('name one export file (<venueId>-<sequence>.json) to verify');
    const venues = await readVenues(required(values, 'venues'));
    const { content, venue } = await verifyStatsExport(file, venues);
    console.log(
      `OK: ${content.venueId} (${venue.name}, ${venue.region}) export #${content.sequence}, ` +
        `${content.fromDay} to ${content.toDay}, ${content.rows.length} rows, made ${content.createdAt}`,
    );
  } else if (sub === 'merge') {
    if (positionals.length === 0) throw new UsageError('name the folders that hold the exports');
    const outDir = required(values, 'out');
    const exchangeDir = values['exchange-pack'];
    if (exchangeDir === undefined && (values.key !== undefined || values.channel !== undefined)) {
      throw new UsageError('--key and --channel sign the exchange pack: give --exchange-pack DIR with them');
    }
    const exchange =
      exchangeDir === undefined
        ? undefined
        : { dir: exchangeDir, keyFile: required(values, 'key'), channel: required(values, 'channel') };
    // DuckDB's native library is loaded only for the merge, not for every publisher command.
    const { mergeStats } = await import('./stats/merge-stats.ts');
    const createdAt = new Date();
    const report = await mergeStats({
      dirs: positionals,
      venues: await readVenues(required(values, 'venues')),
      outDir,
      createdAt,
    });
    console.log(
      `${report.found} exports found: ${report.merged.length} merged (${report.rows} rows), ` +
        `${report.duplicates.length} duplicates, ${report.conflicts.length} conflicts, ` +
        `${report.overlaps.length} overlaps, ${report.refused.length} refused, ${report.gaps.length} gaps`,
    );
    for (const r of report.refused) console.log(`  refused (${r.code}): ${r.file}: ${r.detail}`);
    for (const c of report.conflicts) {
      console.log(
        `  conflict: ${c.venueId} ${c.fromDay} to ${c.toDay}: #${c.sequence} has other rows than #${c.keptSequence}, ` +
          `which was merged`,
      );
    }
    for (const g of report.gaps) console.log(`  gap: ${g.venueId} ${g.fromDay} to ${g.toDay} (${g.days} days)`);
    console.log(`Report: ${path.join(outDir, 'report.html')}`);
    if (exchange) {
      const { writeExchangePack } = await import('./stats/exchange-pack.ts');
      const { id, version, manifest } = await writeExchangePack(report, {
        outDir: exchange.dir,
        keyFile: exchange.keyFile,
        channel: exchange.channel,
        createdAt,
      });
      console.log(
        `Exchange pack: ${exchange.dir} (${id} version ${version}, channel ${exchange.channel}, ` +
          `${manifest.files.filter((file) => file.mediaType === 'application/pdf').length} leaflets), signed by ${manifest.keyId}`,
      );
    }
  } else {
    throw new UsageError(`unknown stats command "${sub ?? ''}"`);
  }
}

async function pinResetCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { key: { type: 'string' }, venue: { type: 'string' }, out: { type: 'string' }, days: { type: 'string' } },
  });
  const venue = required(values, 'venue');
  if (!/^k-[0-9a-f]{16}$/.test(venue)) throw new UsageError('--venue must be a venue id such as k-3f9a0c1b2d4e5f60');
  const signer = await readPrivateKey(required(values, 'key'));
  if (signer.channels[0] !== '*') throw new UsageError('--key must be a root key trusted for every channel (*)');
  const days = positiveInteger(values.days ?? '7', 'days');
  const file = path.join(required(values, 'out'), `${venue}${PIN_RESET_SUFFIX}`);
  await writeFile(file, signPinReset(signer, venue, new Date(), days));
  console.log(`Wrote ${file}: resets the staff PIN of ${venue} once, within ${days} days.`);
}

async function releaseCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      version: { type: 'string' },
      artifact: { type: 'string', multiple: true },
      key: { type: 'string' },
      'min-version': { type: 'string' },
      rollout: { type: 'string' },
      out: { type: 'string' },
      'expires-days': { type: 'string' },
    },
  });
  const artifactFiles = values.artifact ?? [];
  if (artifactFiles.length === 0) throw new UsageError('--artifact FILE is required, once per installer');
  const rollout = Number(required(values, 'rollout'));
  if (!Number.isInteger(rollout) || rollout < 0 || rollout > 100) {
    throw new UsageError('--rollout must be a whole percentage from 0 to 100');
  }
  const outDir = required(values, 'out');
  const statement = await writeRelease({
    version: required(values, 'version'),
    minimumVersion: required(values, 'min-version'),
    rolloutPercent: rollout,
    artifactFiles,
    key: await readPrivateKey(required(values, 'key')),
    outDir,
    now: new Date(),
    ...(values['expires-days'] === undefined
      ? {}
      : { expiresDays: positiveInteger(values['expires-days'], 'expires-days') }),
  });
  console.log(
    `Wrote ${outDir}: app ${statement.version} for ${statement.rolloutPercent}% of kiosks (all below ` +
      `${statement.minimumVersion}), ${statement.artifacts.map((artifact) => artifact.name).join(', ')}, ` +
      `signed by ${statement.keyId}`,
  );
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  release: releaseCommand,
  'pin-reset': pinResetCommand,
  keys: keysCommand,
  build: buildCommand,
  verify: verifyCommand,
  delta: deltaCommand,
  feed: feedCommand,
  gift: giftCommand,
  stats: statsCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command || args.includes('--help')) {
    (command || name === '--help' ? console.log : console.error)(usage);
    return command || name === '--help' ? 0 : 2;
  }
  try {
    await command(args);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    if (isPackError(error)) console.error(`Refused (${error.code}): ${error.detail}`);
    else if (error instanceof ExportRefusedError) console.error(`Refused (${error.code}): ${error.message}`);
    else if (error instanceof SheetError || error instanceof GiftError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
