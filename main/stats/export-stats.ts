/**
 * Writes a usage export onto a stick (docs/stats-format.md): `<venueId>-<sequence>.json`, its `.sig` and the
 * spreadsheet copy `.csv` in `<dir>/reading-room-stats/`. Each is written under a temp name, synced and renamed,
 * the JSON last, so a stick pulled mid-write leaves no JSON that looks complete and no JSON without its `.sig`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DailyRow } from './daily-row.ts';
import type { KioskKey } from './kiosk-key.ts';
import { StatsExport, compareRowKeys, exportBaseName, exportFolderName } from './stats-export.ts';

export interface StatsExportInput {
  /** The stick's mount point (or any folder): the files go into `<dir>/reading-room-stats/`. */
  dir: string;
  key: KioskKey;
  venueName: string;
  sequence: number;
  createdAt: Date;
  fromDay: string;
  toDay: string;
  rows: readonly DailyRow[];
}

export interface WrittenStatsExport {
  jsonFile: string;
  signatureFile: string;
  csvFile: string;
  rowCount: number;
}

/** The export as it will be signed: checked against the schema, rows in (day, kind, item) order. */
export function statsExportFile(input: Omit<StatsExportInput, 'dir'>): StatsExport {
  const file = StatsExport.parse({
    format: 1,
    venueId: input.key.venueId,
    venueName: input.venueName,
    keyId: input.key.venueId,
    sequence: input.sequence,
    createdAt: input.createdAt.toISOString(),
    fromDay: input.fromDay,
    toDay: input.toDay,
    rows: input.rows,
  });
  file.rows.sort(compareRowKeys);
  return file;
}

/**
 * The JSON text: the header indented, one row a line, so a person can read it and a diff shows changed rows.
 * Keys in the schema's order, so the same rows always give the same bytes.
 */
export function statsExportText(file: StatsExport): string {
  const { rows, ...header } = file;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  if (rows.length === 0) return `${head},\n  "rows": []\n}\n`;
  const lines = rows.map(
    (row) =>
      '    ' +
      JSON.stringify({
        day: row.day,
        kind: row.kind,
        itemId: row.itemId,
        itemTitle: row.itemTitle,
        subject: row.subject,
        count: row.count,
        amount: row.amount,
      }),
  );
  return `${head},\n  "rows": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** `.sig`: one line of JSON, as a pack's manifest.sig (parsed by `parseManifestSignature`). */
export function statsSignatureText(bytes: Uint8Array, key: KioskKey): string {
  return JSON.stringify({ format: 1, keyId: key.venueId, signature: key.sign(bytes) }) + '\n';
}

/** What a spreadsheet would run as a formula if a cell began with it (OWASP's list). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled. A text starting
 * like a formula gets a leading `'` and quotes, so a spreadsheet shows it as text instead of running it.
 */
export function csvField(value: string | number, isText: boolean): string {
  const text = String(value);
  if (!isText) return text;
  const guarded = formulaStart.test(text);
  if (!guarded && !/[",\r\n]/.test(text)) return text;
  return `"${(guarded ? `'${text}` : text).replaceAll('"', '""')}"`;
}

/** The spreadsheet copy: UTF-8 with a byte-order mark (so spreadsheets read Korean, Chinese and Mongolian right), CRLF. */
export function statsCsvText(rows: readonly DailyRow[]): string {
  const lines = ['day,kind,item_id,item_title,subject,count,amount'];
  for (const row of rows) {
    lines.push(
      [
        csvField(row.day, false),
        csvField(row.kind, false),
        csvField(row.itemId, true),
        csvField(row.itemTitle, true),
        csvField(row.subject, true),
        csvField(row.count, false),
        csvField(row.amount, false),
      ].join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function writeStatsExport(input: StatsExportInput): Promise<WrittenStatsExport> {
  const file = statsExportFile(input);
  const folder = path.join(input.dir, exportFolderName);
  const base = path.join(folder, exportBaseName(file.venueId, file.sequence));
  const json = Buffer.from(statsExportText(file), 'utf8');
  const written: WrittenStatsExport = {
    jsonFile: `${base}.json`,
    signatureFile: `${base}.json.sig`,
    csvFile: `${base}.csv`,
    rowCount: file.rows.length,
  };
  await mkdir(folder, { recursive: true });
  const temps: string[] = [];
  try {
    const csvTemp = await writeSynced(folder, Buffer.from(statsCsvText(file.rows), 'utf8'), temps);
    const sigTemp = await writeSynced(folder, Buffer.from(statsSignatureText(json, input.key), 'utf8'), temps);
    const jsonTemp = await writeSynced(folder, json, temps);
    await rename(csvTemp, written.csvFile);
    await rename(sigTemp, written.signatureFile);
    await syncFolder(folder);
    await rename(jsonTemp, written.jsonFile);
    await syncFolder(folder);
  } finally {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
  }
  return written;
}

/** A temp file in `folder` holding `bytes`, synced; its name does not end in `.json`, `.sig` or `.csv`. */
async function writeSynced(folder: string, bytes: Buffer, temps: string[]): Promise<string> {
  const temp = path.join(folder, `.writing-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  temps.push(temp);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Makes the renames durable. FAT and exFAT sticks may not sync a folder; the files' own syncs still hold. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}
