import type { Connection } from './connection.ts';
import type { StoredEvent } from './stored-records.ts';

/** A subject's history: listed, disputed, resolved, exited, expired, revoked… */
export class EventRepository {
  readonly #db: Connection['db'];

  constructor(connection: Connection) {
    this.#db = connection.db;
  }

  async record(event: StoredEvent): Promise<void> {
    await this.#db.insertInto('events').values({ code: event.code, entry_id: event.entryId, at: event.at, kind: event.kind, note: event.note }).execute();
  }

  /** A subject's events, oldest first. */
  async listByCode(code: string): Promise<StoredEvent[]> {
    const rows = await this.#db
      .selectFrom('events')
      .select(['code', 'entry_id', 'at', 'kind', 'note'])
      .where('code', '=', code)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ code: r.code, entryId: r.entry_id, at: r.at, kind: r.kind as StoredEvent['kind'], note: r.note }));
  }
}
