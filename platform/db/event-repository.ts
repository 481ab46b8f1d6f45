import type { Database, Statement } from 'better-sqlite3';
import type { StoredEvent } from './stored-records.ts';

/** A subject's history: listed, disputed, resolved, exited, expired, revoked… */
export class EventRepository {
  readonly #insert: Statement<[string, string | null, string, string, string]>;
  readonly #byCode: Statement<[string], { code: string; entry_id: string | null; at: string; kind: StoredEvent['kind']; note: string }>;

  constructor(db: Database) {
    this.#insert = db.prepare('INSERT INTO events (code, entry_id, at, kind, note) VALUES (?, ?, ?, ?, ?)');
    this.#byCode = db.prepare('SELECT code, entry_id, at, kind, note FROM events WHERE code = ? ORDER BY at, id');
  }

  record(event: StoredEvent): void {
    this.#insert.run(event.code, event.entryId, event.at, event.kind, event.note);
  }

  /** A subject's events, oldest first. */
  listByCode(code: string): StoredEvent[] {
    return this.#byCode.all(code).map((r) => ({ code: r.code, entryId: r.entry_id, at: r.at, kind: r.kind, note: r.note }));
  }
}
