import type { Database, Statement } from 'better-sqlite3';
import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';

/** Feedback records (section (二十四)), unique by idempotency key. */
export class FeedbackRepository {
  readonly #byKey: Statement<[string], { body_hash: string; record: string }>;
  readonly #insert: Statement<[string, string, string, string]>;
  readonly #count: Statement<[], { n: number }>;

  constructor(db: Database) {
    this.#byKey = db.prepare('SELECT body_hash, record FROM feedback WHERE idempotency_key = ?');
    this.#insert = db.prepare('INSERT INTO feedback (id, idempotency_key, body_hash, record) VALUES (?, ?, ?, ?)');
    this.#count = db.prepare('SELECT count(*) AS n FROM feedback');
  }

  /** The record stored under a key and the hash of the request that stored it. */
  findByKey(key: string): { bodyHash: string; record: FeedbackRecord } | undefined {
    const row = this.#byKey.get(key);
    return row && { bodyHash: row.body_hash, record: JSON.parse(row.record) as FeedbackRecord };
  }

  insert(record: FeedbackRecord, bodyHash: string): void {
    this.#insert.run(record.id, record.idempotencyKey, bodyHash, JSON.stringify(record));
  }

  count(): number {
    return this.#count.get()?.n ?? 0;
  }
}
