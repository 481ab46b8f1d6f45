import { sql } from 'kysely';
import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import type { TypicalCaseKind } from '../../core/api/typical-case-schema.ts';
import type { Connection } from './connection.ts';

/** A feedback the credit office marked as a typical case (section (二十九)), with the feedback itself. */
export interface StoredTypicalCase {
  kind: TypicalCaseKind;
  note: string;
  markedAt: string;
  markedBy: string | null;
  feedback: FeedbackRecord;
}

type Row = { kind: TypicalCaseKind; note: string; marked_at: string; marked_by: string | null; record: string };

const fromRow = (r: Row): StoredTypicalCase => ({
  kind: r.kind,
  note: r.note,
  markedAt: r.marked_at,
  markedBy: r.marked_by,
  feedback: JSON.parse(r.record) as FeedbackRecord,
});

/** Typical cases of incentive and punishment, one per feedback. */
export class TypicalCaseRepository {
  readonly #db: Connection['db'];
  readonly #engine: Connection['engine'];

  constructor(connection: Connection) {
    this.#db = connection.db;
    this.#engine = connection.engine;
  }

  #select() {
    return this.#db
      .selectFrom('typical_cases as t')
      .innerJoin('feedback as f', 'f.id', 't.feedback_id')
      .select(['t.kind', 't.note', 't.marked_at', 't.marked_by', 'f.record']);
  }

  /** Marks a stored feedback (or marks it again: kind and note are replaced). */
  async mark(feedbackId: string, kind: TypicalCaseKind, note: string, markedAt: string, markedBy: string | null): Promise<void> {
    await this.#db
      .insertInto('typical_cases')
      .values({ feedback_id: feedbackId, kind, note, marked_at: markedAt, marked_by: markedBy })
      .onConflict((oc) => oc.column('feedback_id').doUpdateSet({ kind, note, marked_at: markedAt, marked_by: markedBy }))
      .execute();
  }

  async get(feedbackId: string): Promise<StoredTypicalCase | undefined> {
    const row = await this.#select().where('t.feedback_id', '=', feedbackId).executeTakeFirst();
    return row && fromRow(row);
  }

  /** Newest marked first (ties: the later marked first on SQLite, by feedback id on PostgreSQL). */
  async list(limit: number): Promise<StoredTypicalCase[]> {
    const tieBreak = this.#engine === 'sqlite' ? sql`t.rowid` : sql`t.feedback_id`;
    return (await this.#select().orderBy('t.marked_at', 'desc').orderBy(tieBreak, 'desc').limit(limit).execute()).map(fromRow);
  }
}
