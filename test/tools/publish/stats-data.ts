/**
 * Generated usage exports for the merge's tests and benchmark: venues with deterministic keys, weeks or months of
 * daily rows from a seeded generator, signed and written by the kiosk's own format code (without its syncs, for
 * speed), with deliberate duplicates, a conflict, gaps and refused files. Beside the files it returns the rows
 * that should count, worked out from the plan alone, so a test can compute the right totals without the merge.
 */
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DailyRow, StatsEventKind } from '../../../main/stats/daily-row.ts';
import { statsExportFile, statsExportText, statsSignatureText } from '../../../main/stats/export-stats.ts';
import { keyFingerprint, venueIdOf, type KioskKey } from '../../../main/stats/kiosk-key.ts';
import { exportBaseName, exportFolderName } from '../../../main/stats/stats-export.ts';

/** A kiosk key made from a seed, so every run has the same venue ids. */
export function seededKioskKey(seed: number): KioskKey {
  const secret = createHash('sha256').update(`venue-${seed}`).digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), secret]),
    format: 'der',
    type: 'pkcs8',
  });
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = der.subarray(12).toString('base64');
  return {
    venueId: venueIdOf(publicKey),
    publicKey,
    fingerprint: keyFingerprint(publicKey),
    createdAt: '2027-01-01T00:00:00.000Z',
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}

/** mulberry32: small, fast, and the same numbers on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const subjects = ['energy', 'water', 'agriculture', 'health', 'mathematics', 'astronomy'];
export const scriptTitle = '<script>alert("x")</script> & Co';

export interface Item {
  id: string;
  title: string;
  subject: string;
}

function catalog(count: number): Item[] {
  const titles = [
    'Solar power, the basics',
    '=1+1 and other sums',
    '태양광 발전의 기초',
    '太阳能基础知识',
    'ᠨᠠᠷᠠᠨ ᠡᠷᠴᠢᠮ',
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    title: i === 12 ? scriptTitle : `${titles[i % titles.length]} ${i}`,
    subject: subjects[i % subjects.length]!,
  }));
}

const dayMs = 86_400_000;
const dayAt = (start: string, offset: number): string =>
  new Date(Date.parse(`${start}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);

export interface Plan {
  venues: number;
  exportsPerVenue: number;
  daysPerExport: number;
  /** Items opened per venue and day (each brings an item-open and a reading-time row; some a video or pages row). */
  itemsPerDay: number;
  catalogSize: number;
  firstDay: string;
}

export interface GeneratedVenue {
  key: KioskKey;
  name: string;
  region: string;
}

export interface Generated {
  venues: GeneratedVenue[];
  /** The plan's export files (the tampered copy and the stranger's export not among them). */
  files: string[];
  /** The rows that should be merged, venue by venue, from the plan alone. */
  truth: Map<string, DailyRow[]>;
  expected: { duplicates: number; conflicts: number; gaps: { venueId: string; fromDay: string; toDay: string }[] };
  /** Items whose total opens are 1 to 4, and one at exactly 5. */
  rareItems: Map<string, number>;
}

function rowsFor(seed: number, fromDay: string, days: number, plan: Plan, items: Item[]): DailyRow[] {
  const next = random(seed);
  const rows: DailyRow[] = [];
  const noItem = { itemId: '', itemTitle: '', subject: '' };
  for (let d = 0; d < days; d++) {
    const day = dayAt(fromDay, d);
    const visits = 5 + Math.floor(next() * 40);
    rows.push({ day, kind: 'visit-start', ...noItem, count: visits, amount: 0 });
    rows.push({ day, kind: 'visit-end', ...noItem, count: visits, amount: visits * (60 + Math.floor(next() * 600)) });
    rows.push({ day, kind: 'search', ...noItem, count: Math.floor(next() * 10), amount: Math.floor(next() * 50) });
    const chosen = new Set<number>();
    // Items 0–9 are kept for the rare ones; the rest are common.
    while (chosen.size < Math.min(plan.itemsPerDay, plan.catalogSize - 10)) {
      chosen.add(10 + Math.floor(next() * (plan.catalogSize - 10)));
    }
    for (const index of chosen) {
      const item = items[index]!;
      const on = { day, itemId: item.id, itemTitle: item.title, subject: item.subject };
      const opens = 1 + Math.floor(next() * 6);
      rows.push({ ...on, kind: 'item-open', count: opens, amount: 0 });
      rows.push({ ...on, kind: 'reading-time', count: opens, amount: opens * Math.floor(30 + next() * 900) });
      const extra: StatsEventKind = index % 3 === 0 ? 'video-watched' : 'pages-read';
      rows.push({ ...on, kind: extra, count: opens, amount: opens * Math.floor(1 + next() * 40) });
    }
  }
  return rows;
}

async function writeExport(
  dir: string,
  key: KioskKey,
  venueName: string,
  sequence: number,
  fromDay: string,
  toDay: string,
  rows: DailyRow[],
): Promise<string> {
  const file = statsExportFile({
    key,
    venueName,
    sequence,
    createdAt: new Date(`${dayAt(toDay, 1)}T09:00:00Z`),
    fromDay,
    toDay,
    rows,
  });
  const folder = path.join(dir, exportFolderName);
  await mkdir(folder, { recursive: true });
  const base = path.join(folder, exportBaseName(key.venueId, sequence));
  const json = Buffer.from(statsExportText(file), 'utf8');
  await writeFile(`${base}.json`, json);
  await writeFile(`${base}.json.sig`, statsSignatureText(json, key));
  return `${base}.json`;
}

/**
 * Writes the plan's exports under `root/stick-<n>/reading-room-stats/` (a few venues to a stick). Venue 0's
 * third export is exported again with the same rows (a duplicate) and so is every tenth venue's; venue 7's last
 * export is a conflict (same days, other rows, higher sequence); every 25th venue from 3 skips a period (a gap).
 * A tampered copy and an export from an unregistered venue are written as well, beyond the plan's count.
 */
export async function generateExports(root: string, plan: Plan): Promise<Generated> {
  const items = catalog(plan.catalogSize);
  const venues: GeneratedVenue[] = Array.from({ length: plan.venues }, (_, i) => ({
    key: seededKioskKey(i),
    name: i === 1 ? '<img src=x onerror=alert(1)> Library' : `Venue ${i}`,
    region: `Region ${String.fromCharCode(65 + (i % 7))}`,
  }));
  const generated: Generated = {
    venues,
    files: [],
    truth: new Map(),
    expected: { duplicates: 0, conflicts: 0, gaps: [] },
    rareItems: new Map(),
  };
  for (const [v, venue] of venues.entries()) {
    const stick = path.join(root, `stick-${Math.floor(v / 20)}`);
    const truth: DailyRow[] = [];
    let period = 0;
    let previous: { fromDay: string; toDay: string; rows: DailyRow[] } | undefined;
    for (let sequence = 1; sequence <= plan.exportsPerVenue; sequence++) {
      const last = sequence === plan.exportsPerVenue;
      if (last && previous && v % 10 === 0) {
        generated.files.push(
          await writeExport(stick, venue.key, venue.name, sequence, previous.fromDay, previous.toDay, previous.rows),
        );
        generated.expected.duplicates++;
        continue;
      }
      if (last && previous && v === 7) {
        const other = rowsFor(v * 1000 + 999, previous.fromDay, plan.daysPerExport, plan, items);
        generated.files.push(
          await writeExport(stick, venue.key, venue.name, sequence, previous.fromDay, previous.toDay, other),
        );
        truth.splice(truth.length - previous.rows.length, previous.rows.length, ...other);
        generated.expected.conflicts++;
        continue;
      }
      if (sequence === 3 && v % 25 === 3) {
        const fromDay = dayAt(plan.firstDay, period * plan.daysPerExport);
        generated.expected.gaps.push({
          venueId: venue.key.venueId,
          fromDay,
          toDay: dayAt(fromDay, plan.daysPerExport - 1),
        });
        period++;
      }
      const fromDay = dayAt(plan.firstDay, period * plan.daysPerExport);
      const toDay = dayAt(fromDay, plan.daysPerExport - 1);
      const rows = rowsFor(v * 1000 + sequence, fromDay, plan.daysPerExport, plan, items);
      if (sequence === 1 && v < 9) {
        // Rare items: item-v opened v+1 times (once at item 4: exactly 5), all at this venue on its first day.
        const item = items[v]!;
        const opens = v === 4 ? 5 : (v % 4) + 1;
        const on = { day: fromDay, itemId: item.id, itemTitle: item.title, subject: item.subject };
        rows.push({ ...on, kind: 'item-open', count: opens, amount: 0 });
        rows.push({ ...on, kind: 'reading-time', count: opens, amount: 300 * opens });
        generated.rareItems.set(item.id, opens);
      }
      generated.files.push(await writeExport(stick, venue.key, venue.name, sequence, fromDay, toDay, rows));
      truth.push(...rows);
      previous = { fromDay, toDay, rows };
      period++;
    }
    generated.truth.set(venue.key.venueId, truth);
  }
  // Refused: a copy of an export with one byte changed, and an export from a kiosk nobody registered.
  const tamperedFrom = generated.files[5]!;
  const bytes = await readFile(tamperedFrom);
  const at = bytes.indexOf('"count":') + 8;
  bytes[at] = bytes[at]! ^ 0x01;
  const tampered = path.join(root, 'tampered', exportFolderName, path.basename(tamperedFrom));
  await mkdir(path.dirname(tampered), { recursive: true });
  await writeFile(tampered, bytes);
  await writeFile(`${tampered}.sig`, await readFile(`${tamperedFrom}.sig`));
  const stranger = seededKioskKey(plan.venues + 1);
  const strangerRows = rowsFor(1, plan.firstDay, plan.daysPerExport, plan, items);
  const toDay = dayAt(plan.firstDay, plan.daysPerExport - 1);
  await writeExport(path.join(root, 'stranger'), stranger, 'Unregistered', 1, plan.firstDay, toDay, strangerRows);
  return generated;
}

export async function writeVenuesFile(file: string, venues: readonly GeneratedVenue[]): Promise<void> {
  const registry = {
    format: 1,
    venues: venues.map(({ key, name, region }) => ({ venueId: key.venueId, publicKey: key.publicKey, name, region })),
  };
  await writeFile(file, JSON.stringify(registry, null, 2) + '\n');
}
