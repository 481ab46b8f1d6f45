import type { Database, Statement } from 'better-sqlite3';
import type { Change } from '../../core/api/changes-schema.ts';

/** The changes feed: every change to an entry gets the next cursor; the latest cursor is the data version. */
export class ChangeRepository {
  readonly #insert: Statement<[string, string, string]>;
  readonly #since: Statement<[number, number], Change>;
  readonly #latest: Statement<[], { cursor: number | null }>;

  constructor(db: Database) {
    this.#insert = db.prepare('INSERT INTO changes (code, at, kind) VALUES (?, ?, ?)');
    this.#since = db.prepare('SELECT cursor, code, at, kind FROM changes WHERE cursor > ? ORDER BY cursor LIMIT ?');
    this.#latest = db.prepare('SELECT max(cursor) AS cursor FROM changes');
  }

  /** Appends a change and returns its cursor. */
  record(code: string, kind: Change['kind'], at: string): number {
    return Number(this.#insert.run(code, at, kind).lastInsertRowid);
  }

  /** Up to `limit` changes after `cursor`, oldest first. */
  since(cursor: number, limit: number): Change[] {
    return this.#since.all(cursor, limit);
  }

  /** The latest cursor (0 when nothing has changed yet): the data version. */
  latest(): number {
    return this.#latest.get()?.cursor ?? 0;
  }
}
