/**
 * The quiz feature's own file, `<data>/quiz.sqlite`: the contests staff defined, the boards' entries and the
 * contests' entries by team. Runs in the quiz worker. A board entry holds a nickname, points and a time, nothing
 * else, and goes once no board can show it (after eight days); contest entries stay, as the contest's result.
 */
import type Database from 'better-sqlite3';
import { openVersionedDatabase } from '../store/versioned-database.ts';
import { Contest, Nickname, type BoardEntry } from '../../preload/contract/quiz.ts';

const schema = `
CREATE TABLE contests (
  id TEXT PRIMARY KEY,
  starts_at TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;
CREATE TABLE board_entries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id TEXT NOT NULL,
  at TEXT NOT NULL,
  nickname TEXT NOT NULL,
  score REAL NOT NULL,
  right_count INTEGER NOT NULL,
  question_count INTEGER NOT NULL
) STRICT;
CREATE INDEX board_by_item ON board_entries(item_id, at);
CREATE TABLE contest_entries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  contest_id TEXT NOT NULL,
  team_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  at TEXT NOT NULL,
  percent REAL NOT NULL
) STRICT;
CREATE INDEX contest_entries_by_team ON contest_entries(contest_id, team_id);
`;
const schemaVersion = 1;
const boardKeepMs = 8 * 86_400_000;

export interface TeamTotals {
  teamId: string;
  attempts: number;
  averagePercent: number;
}

interface EntryRow {
  seq: number;
  at: string;
  nickname: string;
  score: number;
  rightCount: number;
  questionCount: number;
}

export class QuizStore {
  readonly #db: Database.Database;

  constructor(path: string) {
    this.#db = openVersionedDatabase(path, { schema, version: schemaVersion, what: 'The quiz boards' });
  }

  close(): void {
    this.#db.close();
  }

  /** Every contest, the earliest start first. */
  contests(): Contest[] {
    return this.#db
      .prepare<[], { body: string }>('SELECT body FROM contests ORDER BY starts_at, id')
      .all()
      .map((row) => Contest.parse(JSON.parse(row.body)));
  }

  saveContest(contest: Contest): void {
    this.#db
      .prepare(
        `INSERT INTO contests (id, starts_at, body) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET starts_at = excluded.starts_at, body = excluded.body`,
      )
      .run(contest.id, contest.startsAt, JSON.stringify(contest));
  }

  removeContest(id: string): void {
    this.#db.prepare('DELETE FROM contests WHERE id = ?').run(id);
  }

  /** Adds an entry to a quiz's board and returns its place among the entries since `since` (1 is best). */
  addBoardEntry(itemId: string, entry: BoardEntry, since: string): number {
    return this.#db.transaction(() => {
      this.#db
        .prepare('DELETE FROM board_entries WHERE at < ?')
        .run(new Date(Date.parse(entry.at) - boardKeepMs).toISOString());
      const seq = Number(
        this.#db
          .prepare(
            `INSERT INTO board_entries (item_id, at, nickname, score, right_count, question_count)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(itemId, entry.at, JSON.stringify(entry.nickname), entry.score, entry.rightCount, entry.questionCount)
          .lastInsertRowid,
      );
      // Ahead: a higher score, or the same score earlier.
      const ahead = this.#db
        .prepare<[string, string, number, number, number], { ahead: number }>(
          `SELECT count(*) AS ahead FROM board_entries
           WHERE item_id = ? AND at >= ? AND (score > ? OR (score = ? AND seq < ?))`,
        )
        .get(itemId, since, entry.score, entry.score, seq)!.ahead;
      return ahead + 1;
    })();
  }

  /** A quiz's best entries since `since`, best first. */
  board(itemId: string, since: string, limit: number): BoardEntry[] {
    return this.#db
      .prepare<[string, string, number], EntryRow>(
        `SELECT seq, at, nickname, score, right_count AS rightCount, question_count AS questionCount
         FROM board_entries WHERE item_id = ? AND at >= ? ORDER BY score DESC, seq LIMIT ?`,
      )
      .all(itemId, since, limit)
      .map((row) => ({
        nickname: Nickname.parse(JSON.parse(row.nickname)),
        score: row.score,
        rightCount: row.rightCount,
        questionCount: row.questionCount,
        at: row.at,
      }));
  }

  /** The quizzes with board entries since `since`, the one with the latest entry first. */
  boardItems(since: string): string[] {
    return this.#db
      .prepare<[string], { itemId: string }>(
        `SELECT item_id AS itemId FROM board_entries WHERE at >= ? GROUP BY item_id ORDER BY max(seq) DESC`,
      )
      .all(since)
      .map((row) => row.itemId);
  }

  addContestEntry(contestId: string, teamId: string, itemId: string, at: string, percent: number): void {
    this.#db
      .prepare('INSERT INTO contest_entries (contest_id, team_id, item_id, at, percent) VALUES (?, ?, ?, ?, ?)')
      .run(contestId, teamId, itemId, at, percent);
  }

  /** Each team's attempts and average score in a contest (teams without attempts are not listed). */
  teamTotals(contestId: string): TeamTotals[] {
    return this.#db
      .prepare<[string], TeamTotals>(
        `SELECT team_id AS teamId, count(*) AS attempts, avg(percent) AS averagePercent
         FROM contest_entries WHERE contest_id = ? GROUP BY team_id`,
      )
      .all(contestId);
  }
}
