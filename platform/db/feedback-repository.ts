import { sql, type RawBuilder } from 'kysely';
import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import type { Connection } from './connection.ts';

/** Feedback records (section (二十四)), unique by idempotency key. */
export class FeedbackRepository {
  readonly #db: Connection['db'];
  readonly #engine: Connection['engine'];

  constructor(connection: Connection) {
    this.#db = connection.db;
    this.#engine = connection.engine;
  }

  /** A text field of the stored record (JSON): SQLite's json_extract, PostgreSQL's ->> (the index feedback_by_code is on it). */
  #field(name: 'code' | 'caseReference' | 'department' | 'receivedAt'): RawBuilder<string | null> {
    return this.#engine === 'sqlite' ? sql`json_extract(record, ${sql.lit(`$.${name}`)})` : sql`((record::jsonb) ->> ${sql.lit(name)})`;
  }

  /** The record stored under a key and the hash of the request that stored it. */
  async findByKey(key: string): Promise<{ bodyHash: string; record: FeedbackRecord } | undefined> {
    const row = await this.#db.selectFrom('feedback').select(['body_hash', 'record']).where('idempotency_key', '=', key).executeTakeFirst();
    return row && { bodyHash: row.body_hash, record: JSON.parse(row.record) as FeedbackRecord };
  }

  /** The record stored under an id. */
  async findById(id: string): Promise<FeedbackRecord | undefined> {
    const row = await this.#db.selectFrom('feedback').select('record').where('id', '=', id).executeTakeFirst();
    return row && (JSON.parse(row.record) as FeedbackRecord);
  }

  /**
   * Stores a record unless its idempotency key is taken; false when it was (the unique key decides,
   * so of two workers storing one key at once only one succeeds).
   */
  async insert(record: FeedbackRecord, bodyHash: string): Promise<boolean> {
    const result = await this.#db
      .insertInto('feedback')
      .values({ id: record.id, idempotency_key: record.idempotencyKey, body_hash: bodyHash, record: JSON.stringify(record) })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('feedback')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Feedback given for a subject (and one case, when given; by one department, when given), newest first. */
  async listByCode(code: string, caseReference: string | null, limit: number, department: string | null = null): Promise<FeedbackRecord[]> {
    let query = this.#db.selectFrom('feedback').select('record').where(this.#field('code'), '=', code);
    if (caseReference !== null) query = query.where(this.#field('caseReference'), '=', caseReference);
    if (department !== null) query = query.where(this.#field('department'), '=', department);
    const tieBreak = this.#engine === 'sqlite' ? sql`rowid` : sql`id`;
    const rows = await query.orderBy(this.#field('receivedAt'), 'desc').orderBy(tieBreak, 'desc').limit(limit).execute();
    return rows.map((r) => JSON.parse(r.record) as FeedbackRecord);
  }

  /** Feedback received with `from <= receivedAt < to` (ISO instants), of one department or (null) all. */
  async between(from: string, to: string, department: string | null): Promise<FeedbackRecord[]> {
    let query = this.#db.selectFrom('feedback').select('record').where(this.#field('receivedAt'), '>=', from).where(this.#field('receivedAt'), '<', to);
    if (department !== null) query = query.where(this.#field('department'), '=', department);
    return (await query.execute()).map((r) => JSON.parse(r.record) as FeedbackRecord);
  }
}
