/**
 * The centre's merge of kiosk usage exports (`publish stats merge`): finds every export under the folders given,
 * verifies each, drops duplicates, settles conflicts and overlaps by sequence, finds the gaps, and aggregates the
 * rest with DuckDB into the report folder: rows.parquet, by-venue.csv, by-item.csv and report.html.
 */
import { mkdir, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import {
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  UTINYINT,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { statsEventKinds } from '../../../main/stats/daily-row.ts';
import { csvField } from '../../../main/stats/export-stats.ts';
import { exportFileNamePattern, exportFolderName } from '../../../main/stats/stats-export.ts';
import type { CheckRequest, CheckResult, StagedRows } from './check-export.ts';
import { publishedAmount, publishedCount, statsReportHtml } from './stats-report.ts';
import type { ExportRefusalCode, Venues } from './verify-export.ts';

export interface ExportRef {
  file: string;
  venueId: string;
  sequence: number;
  fromDay: string;
  toDay: string;
}

export interface Refused {
  file: string;
  code: ExportRefusalCode;
  detail: string;
}

/** An export left out because another holds the same days: a duplicate (same rows) or a conflict (other rows). */
export interface SetAside extends ExportRef {
  keptFile: string;
  keptSequence: number;
}

/** Days of an export that a higher-sequence export of the same venue also covers, and which were taken from it. */
export interface Overlap extends ExportRef {
  days: { fromDay: string; toDay: string };
  keptFile: string;
  keptSequence: number;
}

export interface Gap {
  venueId: string;
  fromDay: string;
  toDay: string;
  days: number;
}

export interface VenueTotals {
  venueId: string;
  name: string;
  region: string;
  exports: number;
  firstDay: string;
  lastDay: string;
  missingDays: number;
  visits: number;
  visitSeconds: number;
  itemsOpened: number;
  readingSeconds: number;
  pagesRead: number;
  videoSeconds: number;
  searches: number;
  /** Quizzes started, and finished. */
  quizAttempts: number;
  quizzesFinished: number;
}

/** An item's totals over every venue; counts between 1 and 4 are published as "<5" (`publishedCount`). */
export interface ItemTotals {
  itemId: string;
  itemTitle: string;
  subject: string;
  venues: number;
  opens: number;
  readingEvents: number;
  readingSeconds: number;
  pageEvents: number;
  pagesRead: number;
  videoEvents: number;
  videoSeconds: number;
}

export interface SubjectTotals {
  subject: string;
  items: number;
  opens: number;
  readingEvents: number;
  readingSeconds: number;
}

export interface RegionTotals {
  region: string;
  venues: number;
  visits: number;
  visitSeconds: number;
  itemsOpened: number;
  readingSeconds: number;
}

/** A team's (unit's) result in a contest over every venue that ran it: `contest-entry` rows, `<contest>/<team>`. */
export interface ContestTotals {
  contestId: string;
  teamId: string;
  /** `<contest> — <team>`, as the kiosk last named them. */
  title: string;
  venues: number;
  attempts: number;
  /** The attempts' average score in percent. */
  averagePercent: number;
}

export interface MergeReport {
  found: number;
  merged: ExportRef[];
  refused: Refused[];
  duplicates: SetAside[];
  conflicts: SetAside[];
  overlaps: Overlap[];
  gaps: Gap[];
  rows: number;
  byVenue: VenueTotals[];
  byItem: ItemTotals[];
  bySubject: SubjectTotals[];
  byRegion: RegionTotals[];
  byContest: ContestTotals[];
  /** Where the time went, in milliseconds: checking files, staging their rows in DuckDB, the rest. */
  timings: { verify: number; stage: number; select: number; aggregate: number; write: number };
}

export interface MergeOptions {
  dirs: readonly string[];
  venues: Venues;
  outDir: string;
  /** Printed in the report's heading; the caller's clock, so a report says when it was made. */
  createdAt: Date;
}

/**
 * Every `<venueId>-<sequence>.json` under `dirs`, and every other `.json` in a `reading-room-stats/` folder
 * (refused there as misnamed). Links are not followed; a file reached twice is listed once.
 */
export async function findExports(dirs: readonly string[]): Promise<{ files: string[]; misnamed: string[] }> {
  const files = new Set<string>();
  const misnamed = new Set<string>();
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await visit(full);
      else if (entry.isFile() && entry.name.endsWith('.json')) {
        if (exportFileNamePattern.test(entry.name)) files.add(full);
        else if (path.basename(dir) === exportFolderName) misnamed.add(full);
      }
    }
  };
  for (const dir of dirs) await visit(await realpath(dir));
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: [...files].sort(byName), misnamed: [...misnamed].sort(byName) };
}

interface Candidate extends ExportRef {
  id: number;
  createdAt: string;
}

const dayMs = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / dayMs;
const dayText = (n: number): string => new Date(n * dayMs).toISOString().slice(0, 10);

/** The higher sequence wins; at an equal sequence (a kiosk restored from a backup) the later, then the file name. */
function wins(a: Candidate, b: Candidate): boolean {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.file > b.file;
}

const ref = ({ file, venueId, sequence, fromDay, toDay }: ExportRef): ExportRef => ({
  file,
  venueId,
  sequence,
  fromDay,
  toDay,
});

interface Selection {
  merged: Candidate[];
  /** export id → the day ranges (as day numbers) whose rows are merged from it. */
  owned: Map<number, [number, number][]>;
  /** Exports of the same days as one kept: duplicates or conflicts, once their rows are compared. */
  setAside: { other: Candidate; kept: Candidate }[];
  overlaps: Overlap[];
  gaps: Gap[];
}

/**
 * Which rows count: per venue and range, the highest sequence (the others are set aside); then each day of a
 * venue from the highest-sequence export covering it.
 */
function select(candidates: readonly Candidate[]): Selection {
  const selection: Selection = { merged: [], owned: new Map(), setAside: [], overlaps: [], gaps: [] };
  const byVenue = Map.groupBy(candidates, (candidate) => candidate.venueId);
  for (const [venueId, exports] of [...byVenue].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const winners: Candidate[] = [];
    for (const same of Map.groupBy(exports, (e) => `${e.fromDay}/${e.toDay}`).values()) {
      const kept = same.reduce((best, e) => (wins(e, best) ? e : best));
      winners.push(kept);
      for (const other of same) if (other !== kept) selection.setAside.push({ other, kept });
    }
    winners.sort((a, b) => (wins(a, b) ? -1 : 1));
    const claimed: { from: number; to: number; by: Candidate }[] = [];
    for (const candidate of winners) {
      let pieces: [number, number][] = [[dayNumber(candidate.fromDay), dayNumber(candidate.toDay)]];
      for (const claim of claimed) {
        const next: [number, number][] = [];
        for (const [from, to] of pieces) {
          if (claim.to < from || claim.from > to) {
            next.push([from, to]);
            continue;
          }
          selection.overlaps.push({
            ...ref(candidate),
            days: { fromDay: dayText(Math.max(from, claim.from)), toDay: dayText(Math.min(to, claim.to)) },
            keptFile: claim.by.file,
            keptSequence: claim.by.sequence,
          });
          if (from < claim.from) next.push([from, claim.from - 1]);
          if (to > claim.to) next.push([claim.to + 1, to]);
        }
        pieces = next;
      }
      if (pieces.length === 0) continue;
      selection.merged.push(candidate);
      selection.owned.set(candidate.id, pieces);
      for (const [from, to] of pieces) claimed.push({ from, to, by: candidate });
    }
    claimed.sort((a, b) => a.from - b.from);
    for (let i = 1; i < claimed.length; i++) {
      const previous = claimed[i - 1]!.to;
      const next = claimed[i]!.from;
      if (next > previous + 1) {
        selection.gaps.push({
          venueId,
          fromDay: dayText(previous + 1),
          toDay: dayText(next - 1),
          days: next - previous - 1,
        });
      }
    }
  }
  selection.merged.sort((a, b) => (a.venueId < b.venueId ? -1 : a.venueId > b.venueId ? 1 : a.sequence - b.sequence));
  return selection;
}

/** A SQL string literal. */
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The kinds as a SQL list: a staged row's kind is its index, from 0. */
const kindList = `[${statsEventKinds.map(literal).join(', ')}]`;

/**
 * Appends checked rows to the `staged` table a DuckDB data chunk at a time, each column copied in as numbers:
 * no value is parsed again, and no call crosses into DuckDB per value.
 */
class RowStager {
  private readonly appender: DuckDBAppender;
  private readonly chunk = DuckDBDataChunk.create([INTEGER, INTEGER, UTINYINT, INTEGER, DOUBLE, DOUBLE]);
  /** DuckDB's vector size, the most rows a data chunk holds (a larger `rowCount` throws). */
  private readonly size = 2048;
  private readonly buffered = {
    exportIds: new Int32Array(this.size),
    days: new Int32Array(this.size),
    kinds: new Uint8Array(this.size),
    texts: new Int32Array(this.size),
    counts: new Float64Array(this.size),
    amounts: new Float64Array(this.size),
  };
  private filled = 0;

  constructor(appender: DuckDBAppender) {
    this.appender = appender;
  }

  add(exportId: number, rows: StagedRows): void {
    for (let from = 0; from < rows.days.length;) {
      const take = Math.min(this.size - this.filled, rows.days.length - from);
      const to = from + take;
      this.buffered.exportIds.fill(exportId, this.filled, this.filled + take);
      this.buffered.days.set(rows.days.subarray(from, to), this.filled);
      this.buffered.kinds.set(rows.kinds.subarray(from, to), this.filled);
      this.buffered.texts.set(rows.texts.subarray(from, to), this.filled);
      this.buffered.counts.set(rows.counts.subarray(from, to), this.filled);
      this.buffered.amounts.set(rows.amounts.subarray(from, to), this.filled);
      this.filled += take;
      from = to;
      if (this.filled === this.size) this.flush();
    }
  }

  /** Appends what is buffered and closes the appender. */
  close(): void {
    this.flush();
    this.appender.closeSync();
  }

  private flush(): void {
    if (this.filled === 0) return;
    this.chunk.rowCount = this.filled;
    for (const [c, column] of Object.values(this.buffered).entries()) {
      const vector = this.chunk.getColumnVector(c);
      for (let i = 0; i < this.filled; i++) vector.setItem(i, column[i]!);
      vector.flush();
    }
    this.appender.appendDataChunk(this.chunk);
    this.filled = 0;
  }
}

export async function mergeStats(options: MergeOptions): Promise<MergeReport> {
  const { files, misnamed } = await findExports(options.dirs);
  const refused: Refused[] = misnamed.map((file) => ({
    file,
    code: 'mismatch',
    detail: 'not named <venueId>-<sequence>.json, as a kiosk names its exports',
  }));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`
      CREATE TABLE staged (export_id INTEGER, day INTEGER, kind UTINYINT, text_id INTEGER, count DOUBLE, amount DOUBLE);
      CREATE TABLE texts (text_id INTEGER, item_id VARCHAR, item_title VARCHAR, subject VARCHAR);`);
    const stager = new RowStager(await connection.createAppender('staged'));
    const textAppender = await connection.createAppender('texts');
    const candidates: Candidate[] = [];
    const timings = { verify: 0, stage: 0, select: 0, aggregate: 0, write: 0 };
    let mark = performance.now();
    const lap = (phase: keyof typeof timings) => {
      const now = performance.now();
      timings[phase] += now - mark;
      mark = now;
    };
    for await (const result of checkAll(files, options.venues)) {
      lap('verify');
      const file = files[result.index]!;
      if (!result.ok) {
        if (result.code === 'failed') throw new Error(`${file}: ${result.detail}`);
        refused.push({ file, code: result.code, detail: result.detail });
        continue;
      }
      stager.add(result.index, result.rows);
      // A string's lone surrogate (JSON allows one) reaches DuckDB as U+FFFD, as broken UTF-8 reads.
      for (const [id, itemId, itemTitle, subject] of result.newTexts) {
        textAppender.appendInteger(id);
        textAppender.appendVarchar(itemId);
        textAppender.appendVarchar(itemTitle);
        textAppender.appendVarchar(subject);
        textAppender.endRow();
      }
      candidates.push({
        id: result.index,
        file,
        venueId: result.venueId,
        sequence: result.sequence,
        fromDay: result.fromDay,
        toDay: result.toDay,
        createdAt: result.createdAt,
      });
      lap('stage');
    }
    refused.sort((a, b) => (a.file < b.file ? -1 : 1));
    stager.close();
    textAppender.closeSync();
    lap('stage');

    const selection = select(candidates);
    await loadTables(connection, options.venues, selection);
    const { duplicates, conflicts } = await compareSetAside(connection, selection.setAside);
    lap('select');
    const report = await aggregate(
      connection,
      selection,
      { duplicates, conflicts },
      files.length + misnamed.length,
      refused,
      timings,
    );
    lap('aggregate');
    await writeOutputs(connection, options, report);
    lap('write');
    return report;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Checks every file in worker threads (one per core, two files in flight each) and yields the results as they
 * come, so the main thread stages one export's rows while the workers parse the next.
 */
async function* checkAll(files: readonly string[], venues: Venues): AsyncGenerator<CheckResult> {
  const workerCount = Math.max(1, Math.min(availableParallelism(), 4, files.length));
  const workers = Array.from(
    { length: workerCount },
    (_, i) =>
      new Worker(new URL('./check-export.ts', import.meta.url), {
        workerData: { role: 'check-export', venues: [...venues], firstTextId: i, textIdStep: workerCount },
      }),
  );
  const results: CheckResult[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let next = 0;
  const send = (worker: Worker) => {
    if (next < files.length) worker.postMessage({ index: next, file: files[next++]! } satisfies CheckRequest);
  };
  for (const worker of workers) {
    worker.on('message', (result: CheckResult) => {
      results.push(result);
      send(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    send(worker);
    send(worker);
  }
  try {
    for (let received = 0; received < files.length;) {
      if (failure) throw failure;
      const result = results.shift();
      if (result) {
        received++;
        yield result;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function loadTables(connection: DuckDBConnection, venues: Venues, selection: Selection): Promise<void> {
  await connection.run(`
    CREATE TABLE venues (venue_id VARCHAR, name VARCHAR, region VARCHAR);
    CREATE TABLE owned (export_id INTEGER, venue_id VARCHAR, sequence DOUBLE, from_day INTEGER, to_day INTEGER);
    CREATE TABLE gaps (venue_id VARCHAR, days DOUBLE);`);
  const venueAppender = await connection.createAppender('venues');
  for (const venue of venues.values()) {
    venueAppender.appendVarchar(venue.venueId);
    venueAppender.appendVarchar(venue.name);
    venueAppender.appendVarchar(venue.region);
    venueAppender.endRow();
  }
  venueAppender.closeSync();
  const ownedAppender = await connection.createAppender('owned');
  for (const candidate of selection.merged) {
    for (const [from, to] of selection.owned.get(candidate.id) ?? []) {
      ownedAppender.appendInteger(candidate.id);
      ownedAppender.appendVarchar(candidate.venueId);
      ownedAppender.appendDouble(candidate.sequence);
      ownedAppender.appendInteger(from);
      ownedAppender.appendInteger(to);
      ownedAppender.endRow();
    }
  }
  ownedAppender.closeSync();
  const gapAppender = await connection.createAppender('gaps');
  for (const gap of selection.gaps) {
    gapAppender.appendVarchar(gap.venueId);
    gapAppender.appendDouble(gap.days);
    gapAppender.endRow();
  }
  gapAppender.closeSync();
  // Each staged row counts once, from the export that owns its day; the venue's name and region join it.
  await connection.run(`
    CREATE TABLE merged AS
    SELECT o.venue_id, v.name AS venue_name, v.region, DATE '1970-01-01' + s.day AS day, ${kindList}[s.kind + 1] AS kind,
      t.item_id, t.item_title, t.subject, CAST(s.count AS BIGINT) AS count, s.amount, CAST(o.sequence AS BIGINT) AS sequence
    FROM staged s
    JOIN owned o ON s.export_id = o.export_id AND s.day BETWEEN o.from_day AND o.to_day
    JOIN venues v ON v.venue_id = o.venue_id
    JOIN texts t ON t.text_id = s.text_id`);
}

/**
 * An export set aside for another of the same days is a duplicate if their rows are the same (in any order), a
 * conflict if not. Rows are unique per (day, kind, item), so equal counts and as many rows matching whole are that.
 */
async function compareSetAside(
  connection: DuckDBConnection,
  setAside: Selection['setAside'],
): Promise<{ duplicates: SetAside[]; conflicts: SetAside[] }> {
  await connection.run('CREATE TABLE set_aside (other INTEGER, kept INTEGER)');
  const appender = await connection.createAppender('set_aside');
  for (const { other, kept } of setAside) {
    appender.appendInteger(other.id);
    appender.appendInteger(kept.id);
    appender.endRow();
  }
  appender.closeSync();
  const same = await rowsOf<{ other: number }>(
    connection,
    `
    WITH involved AS (
      SELECT s.export_id, s.day, s.kind, t.item_id, t.item_title, t.subject, s.count, s.amount
      FROM staged s JOIN texts t ON t.text_id = s.text_id
      WHERE s.export_id IN (SELECT other FROM set_aside UNION SELECT kept FROM set_aside)),
    sizes AS (SELECT export_id, count(*) AS rows FROM involved GROUP BY export_id),
    matching AS (
      SELECT p.other, count(*) AS rows
      FROM set_aside p
      JOIN involved a ON a.export_id = p.other
      JOIN involved b ON b.export_id = p.kept AND a.day = b.day AND a.kind = b.kind AND a.item_id = b.item_id
        AND a.item_title = b.item_title AND a.subject = b.subject AND a.count = b.count AND a.amount = b.amount
      GROUP BY p.other)
    SELECT p.other FROM set_aside p
    LEFT JOIN sizes so ON so.export_id = p.other
    LEFT JOIN sizes sk ON sk.export_id = p.kept
    LEFT JOIN matching m ON m.other = p.other
    WHERE coalesce(so.rows, 0) = coalesce(sk.rows, 0) AND coalesce(m.rows, 0) = coalesce(so.rows, 0)`,
  );
  const duplicates = new Set(same.map((row) => row.other));
  const result = { duplicates: [] as SetAside[], conflicts: [] as SetAside[] };
  for (const { other, kept } of setAside) {
    const entry = { ...ref(other), keptFile: kept.file, keptSequence: kept.sequence };
    (duplicates.has(other.id) ? result.duplicates : result.conflicts).push(entry);
  }
  await connection.run('DROP TABLE set_aside; DROP TABLE staged; DROP TABLE texts');
  return result;
}

async function rowsOf<T>(connection: DuckDBConnection, sql: string): Promise<T[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as unknown as T[];
}

/** Rows about a catalog item: a quiz answer's item is a question (`<quiz>/<question>`), a contest entry's a team. */
const aboutItems = "item_id <> '' AND kind NOT IN ('quiz-answer', 'contest-entry')";

const sumOf = (kind: string, column: 'count' | 'amount') =>
  `coalesce(sum(${column}) FILTER (WHERE kind = '${kind}'), 0)::DOUBLE`;

async function aggregate(
  connection: DuckDBConnection,
  selection: Selection,
  { duplicates, conflicts }: Pick<MergeReport, 'duplicates' | 'conflicts'>,
  found: number,
  refused: Refused[],
  timings: MergeReport['timings'],
): Promise<MergeReport> {
  const [{ rows } = { rows: 0 }] = await rowsOf<{ rows: number }>(
    connection,
    'SELECT count(*)::DOUBLE AS rows FROM merged',
  );
  const byVenue = await rowsOf<VenueTotals>(
    connection,
    `
    WITH totals AS (
      SELECT venue_id, ${sumOf('visit-start', 'count')} AS visits, ${sumOf('visit-end', 'amount')} AS visitSeconds,
        ${sumOf('item-open', 'count')} AS itemsOpened, ${sumOf('reading-time', 'amount')} AS readingSeconds,
        ${sumOf('pages-read', 'amount')} AS pagesRead, ${sumOf('video-watched', 'amount')} AS videoSeconds,
        ${sumOf('search', 'count')} AS searches, ${sumOf('quiz-start', 'count')} AS quizAttempts,
        ${sumOf('quiz-finish', 'count')} AS quizzesFinished
      FROM merged GROUP BY venue_id),
    spans AS (
      SELECT venue_id, count(DISTINCT export_id)::DOUBLE AS exports,
        CAST(DATE '1970-01-01' + min(from_day) AS VARCHAR) AS firstDay,
        CAST(DATE '1970-01-01' + max(to_day) AS VARCHAR) AS lastDay
      FROM owned GROUP BY venue_id),
    missing AS (SELECT venue_id, sum(days)::DOUBLE AS missingDays FROM gaps GROUP BY venue_id)
    SELECT v.venue_id AS venueId, v.name, v.region, coalesce(s.exports, 0) AS exports,
      coalesce(s.firstDay, '') AS firstDay, coalesce(s.lastDay, '') AS lastDay,
      coalesce(m.missingDays, 0) AS missingDays,
      coalesce(t.visits, 0) AS visits, coalesce(t.visitSeconds, 0) AS visitSeconds,
      coalesce(t.itemsOpened, 0) AS itemsOpened, coalesce(t.readingSeconds, 0) AS readingSeconds,
      coalesce(t.pagesRead, 0) AS pagesRead, coalesce(t.videoSeconds, 0) AS videoSeconds,
      coalesce(t.searches, 0) AS searches, coalesce(t.quizAttempts, 0) AS quizAttempts,
      coalesce(t.quizzesFinished, 0) AS quizzesFinished
    FROM venues v LEFT JOIN totals t USING (venue_id) LEFT JOIN spans s USING (venue_id)
      LEFT JOIN missing m USING (venue_id)
    ORDER BY v.region, v.name, v.venue_id`,
  );
  const byItem = await rowsOf<ItemTotals>(
    connection,
    `
    SELECT item_id AS itemId, arg_max(item_title, day) AS itemTitle, arg_max(subject, day) AS subject,
      count(DISTINCT venue_id)::DOUBLE AS venues, ${sumOf('item-open', 'count')} AS opens,
      ${sumOf('reading-time', 'count')} AS readingEvents, ${sumOf('reading-time', 'amount')} AS readingSeconds,
      ${sumOf('pages-read', 'count')} AS pageEvents, ${sumOf('pages-read', 'amount')} AS pagesRead,
      ${sumOf('video-watched', 'count')} AS videoEvents, ${sumOf('video-watched', 'amount')} AS videoSeconds
    FROM merged WHERE ${aboutItems} GROUP BY item_id ORDER BY opens DESC, item_id`,
  );
  const bySubject = await rowsOf<SubjectTotals>(
    connection,
    `
    SELECT subject, count(DISTINCT item_id)::DOUBLE AS items, ${sumOf('item-open', 'count')} AS opens,
      ${sumOf('reading-time', 'count')} AS readingEvents, ${sumOf('reading-time', 'amount')} AS readingSeconds
    FROM merged WHERE ${aboutItems} GROUP BY subject ORDER BY readingSeconds DESC, subject`,
  );
  const byRegion = await rowsOf<RegionTotals>(
    connection,
    `
    SELECT v.region, count(DISTINCT v.venue_id)::DOUBLE AS venues,
      ${sumOf('visit-start', 'count')} AS visits, ${sumOf('visit-end', 'amount')} AS visitSeconds,
      ${sumOf('item-open', 'count')} AS itemsOpened, ${sumOf('reading-time', 'amount')} AS readingSeconds
    FROM venues v LEFT JOIN merged m ON m.venue_id = v.venue_id GROUP BY v.region ORDER BY v.region`,
  );
  // Staff at each venue define contests, so one contest id across venues is the centre's contest run everywhere.
  const byContest = (
    await rowsOf<Omit<ContestTotals, 'contestId' | 'teamId'> & { itemId: string }>(
      connection,
      `
    SELECT item_id AS itemId, arg_max(item_title, day) AS title, count(DISTINCT venue_id)::DOUBLE AS venues,
      sum(count)::DOUBLE AS attempts, (sum(amount) / sum(count))::DOUBLE AS averagePercent
    FROM merged WHERE kind = 'contest-entry' AND count > 0 GROUP BY item_id
    ORDER BY split_part(item_id, '/', 1), averagePercent DESC, item_id`,
    )
  ).map(({ itemId, ...totals }) => {
    const slash = itemId.indexOf('/');
    return { contestId: itemId.slice(0, slash), teamId: itemId.slice(slash + 1), ...totals };
  });
  return {
    found,
    merged: selection.merged.map(ref),
    refused,
    duplicates,
    conflicts,
    overlaps: selection.overlaps,
    gaps: selection.gaps,
    rows,
    byVenue,
    byItem,
    bySubject,
    byRegion,
    byContest,
    timings,
  };
}

/** CSV for spreadsheets, as the kiosk writes it: RFC 4180, a byte-order mark, CRLF, no cell starts a formula. */
function csv(header: readonly string[], records: readonly (readonly string[])[]): string {
  const lines = [header.join(',')];
  for (const record of records) lines.push(record.map((cell) => csvField(cell, true)).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

async function writeOutputs(connection: DuckDBConnection, options: MergeOptions, report: MergeReport): Promise<void> {
  await mkdir(options.outDir, { recursive: true });
  const parquet = path.join(options.outDir, 'rows.parquet');
  await rm(parquet, { force: true });
  await connection.run(
    `COPY (SELECT * FROM merged ORDER BY venue_id, day, kind, item_id) TO ${literal(parquet)} (FORMAT parquet)`,
  );
  await writeFile(
    path.join(options.outDir, 'by-venue.csv'),
    csv(
      [
        'venue_id',
        'name',
        'region',
        'exports',
        'first_day',
        'last_day',
        'missing_days',
        'visits',
        'visit_seconds',
        'items_opened',
        'reading_seconds',
        'pages_read',
        'video_seconds',
        'searches',
        'quiz_attempts',
        'quizzes_finished',
      ],
      report.byVenue.map((v) => [
        v.venueId,
        v.name,
        v.region,
        String(v.exports),
        v.firstDay,
        v.lastDay,
        String(v.missingDays),
        String(v.visits),
        String(v.visitSeconds),
        String(v.itemsOpened),
        String(v.readingSeconds),
        String(v.pagesRead),
        String(v.videoSeconds),
        String(v.searches),
        String(v.quizAttempts),
        String(v.quizzesFinished),
      ]),
    ),
  );
  await writeFile(
    path.join(options.outDir, 'by-item.csv'),
    csv(
      ['item_id', 'item_title', 'subject', 'venues', 'opens', 'reading_seconds', 'pages_read', 'video_seconds'],
      report.byItem.map((item) => [
        item.itemId,
        item.itemTitle,
        item.subject,
        String(item.venues),
        publishedCount(item.opens),
        publishedAmount(item.readingSeconds, item.readingEvents),
        publishedAmount(item.pagesRead, item.pageEvents),
        publishedAmount(item.videoSeconds, item.videoEvents),
      ]),
    ),
  );
  await writeFile(path.join(options.outDir, 'report.html'), statsReportHtml(report, options.venues, options.createdAt));
}
