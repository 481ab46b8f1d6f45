import type { Database, Statement } from 'better-sqlite3';
import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';

/** Feedback records (section (二十四)), unique by idempotency key. */
export class FeedbackRepository {
  readonly #byKey: Statement<[string], { body_hash: string; record: string }>;
  readonly #byId: Statement<[string], { record: string }>;
  readonly #insert: Statement<[string, string, string, string]>;
  readonly #count: Statement<[], { n: number }>;
  readonly #byCode: Statement<{ code: string; caseReference: string | null; department: string | null; limit: number }, { record: string }>;
  readonly #between: Statement<{ from: string; to: string; department: string | null }, { record: string }>;

  constructor(db: Database) {
    this.#byKey = db.prepare('SELECT body_hash, record FROM feedback WHERE idempotency_key = ?');
    this.#byId = db.prepare('SELECT record FROM feedback WHERE id = ?');
    this.#insert = db.prepare('INSERT INTO feedback (id, idempotency_key, body_hash, record) VALUES (?, ?, ?, ?)');
    this.#count = db.prepare('SELECT count(*) AS n FROM feedback');
    this.#byCode = db.prepare(
      `SELECT record FROM feedback WHERE json_extract(record, '$.code') = @code
       AND (@caseReference IS NULL OR json_extract(record, '$.caseReference') = @caseReference)
       AND (@department IS NULL OR json_extract(record, '$.department') = @department)
       ORDER BY json_extract(record, '$.receivedAt') DESC, rowid DESC LIMIT @limit`,
    );
    this.#between = db.prepare(
      `SELECT record FROM feedback WHERE json_extract(record, '$.receivedAt') >= @from AND json_extract(record, '$.receivedAt') < @to
       AND (@department IS NULL OR json_extract(record, '$.department') = @department)`,
    );
  }

  /** The record stored under a key and the hash of the request that stored it. */
  findByKey(key: string): { bodyHash: string; record: FeedbackRecord } | undefined {
    const row = this.#byKey.get(key);
    return row && { bodyHash: row.body_hash, record: JSON.parse(row.record) as FeedbackRecord };
  }

  /** The record stored under an id. */
  findById(id: string): FeedbackRecord | undefined {
    const row = this.#byId.get(id);
    return row && (JSON.parse(row.record) as FeedbackRecord);
  }

  insert(record: FeedbackRecord, bodyHash: string): void {
    this.#insert.run(record.id, record.idempotencyKey, bodyHash, JSON.stringify(record));
  }

  count(): number {
    return this.#count.get()?.n ?? 0;
  }

  /** Feedback given for a subject (and one case, when given; by one department, when given), newest first. */
  listByCode(code: string, caseReference: string | null, limit: number, department: string | null = null): FeedbackRecord[] {
    return this.#byCode.all({ code, caseReference, department, limit }).map((r) => JSON.parse(r.record) as FeedbackRecord);
  }

  /** Feedback received with `from <= receivedAt < to` (ISO instants), of one department or (null) all. */
  between(from: string, to: string, department: string | null): FeedbackRecord[] {
    return this.#between.all({ from, to, department }).map((r) => JSON.parse(r.record) as FeedbackRecord);
  }
}
