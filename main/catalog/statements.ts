/**
 * Each connection's prepared statements, keyed by their SQL text: a statement is compiled on first
 * use and reused after, instead of SQLite parsing and planning the same text on every call.
 */
import type Database from 'better-sqlite3';
import type { CatalogDatabase } from './database.ts';

type Params = unknown[] | object;
type Prepared = Database.Statement<unknown[], unknown>;

export class Statements {
  readonly #db: CatalogDatabase;
  readonly #plain = new Map<string, Prepared>();
  // Plucking is a mode of the statement object, so plucked statements are kept apart from the others.
  readonly #plucked = new Map<string, Prepared>();

  constructor(db: CatalogDatabase) {
    this.#db = db;
  }

  /** A statement that returns no rows (an insert, an update, a delete). */
  write<P extends Params>(sql: string): Database.Statement<P, never> {
    return this.#cached<P, never>(this.#plain, sql, false);
  }

  /** A statement whose rows come back as objects, one property per column. */
  rows<P extends Params, Row>(sql: string): Database.Statement<P, Row> {
    return this.#cached<P, Row>(this.#plain, sql, false);
  }

  /** A statement whose rows come back as the value of their only column. */
  values<P extends Params, Value>(sql: string): Database.Statement<P, Value> {
    return this.#cached<P, Value>(this.#plucked, sql, true);
  }

  #cached<P extends Params, Row>(
    cache: Map<string, Prepared>,
    sql: string,
    pluck: boolean,
  ): Database.Statement<P, Row> {
    const cached = cache.get(sql);
    // The one place a row type is asserted rather than inferred: the caller states the shape its SQL
    // selects, exactly as with `db.prepare<P, Row>(sql)`, and one map holds statements of every shape.
    if (cached) return cached as Database.Statement<P, Row>;
    const statement = this.#db.prepare<P, Row>(sql);
    if (pluck) statement.pluck();
    cache.set(sql, statement);
    return statement;
  }
}
