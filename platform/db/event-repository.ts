import type { Connection } from './connection.ts';
import { inBatches, rowsPerInsert } from './in-batches.ts';
import type { StoredEvent } from './stored-records.ts';

/** A subject's history: listed, disputed, resolved, exited, expired, revoked… */
export class EventRepository {
  readonly #db: Connection['db'];

  constructor(connection: Connection) {
    this.#db = connection.db;
  }

  async record(event: StoredEvent): Promise<void> {
    await this.recordMany([event]);
  }

  /** Records events in multi-row statements, in their order. */
  async recordMany(events: readonly StoredEvent[]): Promise<void> {
    for (const batch of inBatches(events, rowsPerInsert(5))) {
      await this.#db
        .insertInto('events')
        .values(batch.map((e) => ({ code: e.code, entry_id: e.entryId, at: e.at, kind: e.kind, note: e.note })))
        .execute();
    }
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
