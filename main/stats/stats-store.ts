/**
 * The usage counts (docs/stats-format.md) in `<data>/stats.sqlite`, a file of their own so the catalog
 * is never written for a visitor's tap. Each event is stored with its sequence number and added to its
 * day's aggregate in the same transaction; raw events are pruned after 90 days, aggregates after ten
 * years. Runs in the stats worker: every write a visitor causes is off the main thread.
 */
import type Database from 'better-sqlite3';
import { openVersionedDatabase } from '../store/versioned-database.ts';
import type { StatsEventKind } from './daily-row.ts';
import type { DailyRow } from './daily-row.ts';

export interface StatsEvent {
  /** ISO time by the kiosk's clock. */
  at: string;
  kind: StatsEventKind;
  itemId?: string;
  itemTitle?: string;
  subject?: string;
  amount?: number;
  detail?: string;
}

const schema = `
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  item_id TEXT NOT NULL DEFAULT '',
  item_title TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  amount REAL NOT NULL DEFAULT 0,
  detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX events_by_time ON events(at);
CREATE TABLE daily (
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  item_title TEXT NOT NULL,
  subject TEXT NOT NULL,
  count INTEGER NOT NULL,
  amount REAL NOT NULL,
  PRIMARY KEY (day, kind, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX daily_by_item ON daily(item_id, day);
CREATE TABLE exports (
  sequence INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL
) STRICT;
`;
const schemaVersion = 1;
const rawEventDays = 90;
const aggregateYears = 10;

export interface DaySummary {
  day: string;
  visits: number;
  visitSeconds: number;
  opens: number;
  readingSeconds: number;
  videoSeconds: number;
  searches: number;
}

export interface SubjectSummary {
  subject: string;
  opens: number;
  readingSeconds: number;
}

export interface ItemSummaryRow {
  itemId: string;
  itemTitle: string;
  opens: number;
  readingSeconds: number;
  videoSeconds: number;
}

export interface QuizUsageRows {
  days: { day: string; starts: number; finishes: number }[];
  quizzes: { itemId: string; title: string; starts: number; finishes: number; averagePercent: number }[];
  scoreBuckets: number[];
  difficult: {
    itemId: string;
    questionId: string;
    prompt: string;
    answers: number;
    averageCredit: number;
    given: { answer: string; count: number }[];
  }[];
}

/** A question counts as difficult only with this many answers: one visitor's slip says nothing. */
const difficultAfter = 3;

export class StatsStore {
  readonly #db: Database.Database;

  constructor(path: string) {
    this.#db = openVersionedDatabase(path, { schema, version: schemaVersion, what: 'The usage counts' });
    // A count lost to a power cut is one tap; NORMAL keeps each tap's write cheap.
    this.#db.pragma('synchronous = NORMAL');
  }

  close(): void {
    this.#db.close();
  }

  /** Stores `events` and adds each to its day's aggregate, all or none. Returns the last sequence number. */
  record(events: readonly StatsEvent[]): number {
    const insert = this.#db.prepare(
      `INSERT INTO events (at, kind, item_id, item_title, subject, amount, detail)
       VALUES (@at, @kind, @itemId, @itemTitle, @subject, @amount, @detail)`,
    );
    const add = this.#db.prepare(
      `INSERT INTO daily (day, kind, item_id, item_title, subject, count, amount)
       VALUES (@day, @kind, @itemId, @itemTitle, @subject, 1, @amount)
       ON CONFLICT (day, kind, item_id) DO UPDATE SET
         count = count + 1, amount = amount + excluded.amount,
         -- An item removed since comes without a title: the one it had is kept.
         item_title = CASE excluded.item_title WHEN '' THEN item_title ELSE excluded.item_title END,
         subject = CASE excluded.subject WHEN '' THEN subject ELSE excluded.subject END`,
    );
    return this.#db.transaction(() => {
      let last = 0;
      for (const event of events) {
        const row = {
          at: event.at,
          kind: event.kind,
          itemId: event.itemId ?? '',
          itemTitle: event.itemTitle ?? '',
          subject: event.subject ?? '',
          amount: event.amount ?? 0,
          detail: event.detail ?? '',
        };
        last = Number(insert.run(row).lastInsertRowid);
        add.run({ ...row, day: event.at.slice(0, 10) });
      }
      return last;
    })();
  }

  /** Drops raw events older than 90 days and aggregates older than ten years, before `now` (ISO). */
  prune(now: string): { events: number; days: number } {
    const at = new Date(now);
    const eventsBefore = new Date(at.getTime() - rawEventDays * 86_400_000).toISOString();
    const daysBefore = `${at.getUTCFullYear() - aggregateYears}${now.slice(4, 10)}`;
    return this.#db.transaction(() => ({
      events: this.#db.prepare('DELETE FROM events WHERE at < ?').run(eventsBefore).changes,
      days: this.#db.prepare('DELETE FROM daily WHERE day < ?').run(daysBefore).changes,
    }))();
  }

  dailyRows(fromDay: string, toDay: string): DailyRow[] {
    return this.#db
      .prepare<[string, string], DailyRow>(
        `SELECT day, kind, item_id AS itemId, item_title AS itemTitle, subject, count, amount
         FROM daily WHERE day BETWEEN ? AND ? ORDER BY day, kind, item_id`,
      )
      .all(fromDay, toDay);
  }

  /** Where the next export starts: the day after the last export's end, or the first day counted. */
  exportPlan(): { sequence: number; fromDay: string | undefined } {
    const last = this.#db
      .prepare<[], { sequence: number; toDay: string }>(
        'SELECT sequence, to_day AS toDay FROM exports ORDER BY sequence DESC LIMIT 1',
      )
      .get();
    if (last) {
      const next = new Date(Date.parse(`${last.toDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      return { sequence: last.sequence + 1, fromDay: next };
    }
    const first = this.#db.prepare<[], { day: string | null }>('SELECT min(day) AS day FROM daily').get();
    return { sequence: 1, fromDay: first?.day ?? undefined };
  }

  /** Called once an export's files are on the stick: the next one starts where this one ended. */
  recordExport(sequence: number, createdAt: string, fromDay: string, toDay: string): void {
    this.#db
      .prepare('INSERT INTO exports (sequence, created_at, from_day, to_day) VALUES (?, ?, ?, ?)')
      .run(sequence, createdAt, fromDay, toDay);
  }

  /** Per day: visits and their time, items opened, reading and video time, searches. */
  days(fromDay: string, toDay: string): DaySummary[] {
    return this.#db
      .prepare<[string, string], DaySummary>(
        `SELECT day,
           sum(CASE kind WHEN 'visit-start' THEN count ELSE 0 END) AS visits,
           sum(CASE kind WHEN 'visit-end' THEN amount ELSE 0 END) AS visitSeconds,
           sum(CASE kind WHEN 'item-open' THEN count ELSE 0 END) AS opens,
           sum(CASE kind WHEN 'reading-time' THEN amount ELSE 0 END) AS readingSeconds,
           sum(CASE kind WHEN 'video-watched' THEN amount ELSE 0 END) AS videoSeconds,
           sum(CASE kind WHEN 'search' THEN count ELSE 0 END) AS searches
         FROM daily WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day`,
      )
      .all(fromDay, toDay);
  }

  subjects(fromDay: string, toDay: string): SubjectSummary[] {
    return this.#db
      .prepare<[string, string], SubjectSummary>(
        `SELECT subject,
           sum(CASE kind WHEN 'item-open' THEN count ELSE 0 END) AS opens,
           sum(CASE kind WHEN 'reading-time' THEN amount WHEN 'video-watched' THEN amount ELSE 0 END) AS readingSeconds
         FROM daily WHERE day BETWEEN ? AND ? AND subject <> '' GROUP BY subject ORDER BY readingSeconds DESC, subject`,
      )
      .all(fromDay, toDay);
  }

  /** The most searched words over raw events (kept 90 days), where staff opted in to keep them. */
  searchWords(fromDay: string, toDay: string, limit: number): { words: string; searches: number }[] {
    return this.#db
      .prepare<[string, string, number], { words: string; searches: number }>(
        `SELECT detail AS words, count(*) AS searches FROM events
         WHERE kind = 'search' AND detail <> '' AND substr(at, 1, 10) BETWEEN ? AND ?
         GROUP BY detail ORDER BY searches DESC, detail LIMIT ?`,
      )
      .all(fromDay, toDay, limit);
  }

  /** Staff opted out: the words go, the counts stay. */
  forgetSearchWords(): number {
    return this.#db.prepare("UPDATE events SET detail = '' WHERE kind = 'search' AND detail <> ''").run().changes;
  }

  topItems(fromDay: string, toDay: string, limit: number): ItemSummaryRow[] {
    return this.#db
      .prepare<[string, string, number], ItemSummaryRow>(
        // The title the item had last, even if it was renamed or removed since.
        `SELECT item_id AS itemId,
           coalesce((SELECT t.item_title FROM daily t WHERE t.item_id = daily.item_id AND t.item_title <> ''
            ORDER BY t.day DESC LIMIT 1), '') AS itemTitle,
           sum(CASE kind WHEN 'item-open' THEN count ELSE 0 END) AS opens,
           sum(CASE kind WHEN 'reading-time' THEN amount ELSE 0 END) AS readingSeconds,
           sum(CASE kind WHEN 'video-watched' THEN amount ELSE 0 END) AS videoSeconds
         FROM daily WHERE day BETWEEN ? AND ? AND item_id <> '' GROUP BY item_id
         ORDER BY opens DESC, readingSeconds DESC, item_id LIMIT ?`,
      )
      .all(fromDay, toDay, limit);
  }

  /**
   * Quizzes over the days: attempts started and finished per day and per quiz, finished attempts by score
   * (raw events: the last 90 days) and the questions answered least well, with which answers were given.
   */
  quizUsage(fromDay: string, toDay: string, limit: number): QuizUsageRows {
    const days = this.#db
      .prepare<[string, string], { day: string; starts: number; finishes: number }>(
        `SELECT day,
           sum(CASE kind WHEN 'quiz-start' THEN count ELSE 0 END) AS starts,
           sum(CASE kind WHEN 'quiz-finish' THEN count ELSE 0 END) AS finishes
         FROM daily WHERE day BETWEEN ? AND ? AND kind IN ('quiz-start', 'quiz-finish') GROUP BY day ORDER BY day`,
      )
      .all(fromDay, toDay);
    const quizzes = this.#db
      .prepare<
        [string, string, number],
        { itemId: string; title: string; starts: number; finishes: number; averagePercent: number }
      >(
        `SELECT item_id AS itemId,
           coalesce((SELECT t.item_title FROM daily t WHERE t.item_id = daily.item_id AND t.item_title <> ''
            ORDER BY t.day DESC LIMIT 1), '') AS title,
           sum(CASE kind WHEN 'quiz-start' THEN count ELSE 0 END) AS starts,
           sum(CASE kind WHEN 'quiz-finish' THEN count ELSE 0 END) AS finishes,
           coalesce(sum(CASE kind WHEN 'quiz-finish' THEN amount END) / sum(CASE kind WHEN 'quiz-finish' THEN count END), 0)
             AS averagePercent
         FROM daily WHERE day BETWEEN ? AND ? AND kind IN ('quiz-start', 'quiz-finish') AND item_id <> ''
         GROUP BY item_id ORDER BY starts DESC, finishes DESC, item_id LIMIT ?`,
      )
      .all(fromDay, toDay, limit);
    const scoreBuckets = Array.from({ length: 10 }, () => 0);
    const buckets = this.#db
      .prepare<[string, string], { bucket: number; finishes: number }>(
        `SELECT min(9, CAST(amount / 10 AS INTEGER)) AS bucket, count(*) AS finishes FROM events
         WHERE kind = 'quiz-finish' AND substr(at, 1, 10) BETWEEN ? AND ? GROUP BY bucket`,
      )
      .all(fromDay, toDay);
    for (const { bucket, finishes } of buckets) scoreBuckets[bucket] = finishes;
    const given = this.#db.prepare<[string, string, string], { answer: string; count: number }>(
      `SELECT detail AS answer, count(*) AS count FROM events
       WHERE kind = 'quiz-answer' AND item_id = ? AND substr(at, 1, 10) BETWEEN ? AND ?
       GROUP BY detail ORDER BY count DESC, detail LIMIT 12`,
    );
    const difficult = this.#db
      .prepare<[string, string, number, number], { question: string; prompt: string; answers: number; credit: number }>(
        `SELECT item_id AS question,
           coalesce((SELECT t.item_title FROM daily t WHERE t.item_id = daily.item_id AND t.item_title <> ''
            ORDER BY t.day DESC LIMIT 1), '') AS prompt,
           sum(count) AS answers, sum(amount) / sum(count) AS credit
         FROM daily WHERE day BETWEEN ? AND ? AND kind = 'quiz-answer'
         GROUP BY item_id HAVING sum(count) >= ? ORDER BY credit, answers DESC, item_id LIMIT ?`,
      )
      .all(fromDay, toDay, difficultAfter, limit)
      .map((row) => {
        const slash = row.question.indexOf('/');
        return {
          itemId: row.question.slice(0, slash),
          questionId: row.question.slice(slash + 1),
          prompt: row.prompt,
          answers: row.answers,
          averageCredit: Math.min(1, Math.max(0, row.credit)),
          given: given.all(row.question, fromDay, toDay),
        };
      });
    return { days, quizzes, scoreBuckets, difficult };
  }
}
