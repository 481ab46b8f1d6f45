import type { Change } from '../../core/api/changes-schema.ts';
import type { Connection } from './connection.ts';
import { inBatches, rowsPerInsert } from './in-batches.ts';

/** The changes feed: every change to an entry gets the next cursor; the latest cursor is the data version. */
export class ChangeRepository {
  readonly #db: Connection['db'];

  constructor(connection: Connection) {
    this.#db = connection.db;
  }

  /** Appends a change and returns its cursor. */
  async record(code: string, kind: Change['kind'], at: string): Promise<number> {
    const row = await this.#db.insertInto('changes').values({ code, at, kind }).returning('cursor').executeTakeFirstOrThrow();
    return Number(row.cursor);
  }

  /** Appends changes in multi-row statements: their cursors follow their order. */
  async recordMany(changes: readonly { code: string; kind: Change['kind']; at: string }[]): Promise<void> {
    for (const batch of inBatches(changes, rowsPerInsert(3))) await this.#db.insertInto('changes').values(batch).execute();
  }

  /** Up to `limit` changes after `cursor`, oldest first. */
  async since(cursor: number, limit: number): Promise<Change[]> {
    const rows = await this.#db
      .selectFrom('changes')
      .select(['cursor', 'code', 'at', 'kind'])
      .where('cursor', '>', cursor)
      .orderBy('cursor')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, cursor: Number(r.cursor), kind: r.kind as Change['kind'] }));
  }

  /** The latest cursor (0 when nothing has changed yet): the data version. */
  async latest(): Promise<number> {
    const row = await this.#db
      .selectFrom('changes')
      .select((eb) => eb.fn.max('cursor').as('cursor'))
      .executeTakeFirst();
    return row?.cursor == null ? 0 : Number(row.cursor);
  }
}
