import type { Database, Statement } from 'better-sqlite3';
import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import type { TypicalCaseKind } from '../../core/api/typical-case-schema.ts';

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
  readonly #upsert: Statement<{ feedback_id: string; kind: string; note: string; marked_at: string; marked_by: string | null }>;
  readonly #get: Statement<[string], Row>;
  readonly #list: Statement<[number], Row>;

  constructor(db: Database) {
    this.#upsert = db.prepare(
      `INSERT INTO typical_cases (feedback_id, kind, note, marked_at, marked_by) VALUES (@feedback_id, @kind, @note, @marked_at, @marked_by)
       ON CONFLICT (feedback_id) DO UPDATE SET kind = excluded.kind, note = excluded.note, marked_at = excluded.marked_at, marked_by = excluded.marked_by`,
    );
    const select = 'SELECT t.kind, t.note, t.marked_at, t.marked_by, f.record FROM typical_cases t JOIN feedback f ON f.id = t.feedback_id';
    this.#get = db.prepare(`${select} WHERE t.feedback_id = ?`);
    this.#list = db.prepare(`${select} ORDER BY t.marked_at DESC, t.rowid DESC LIMIT ?`);
  }

  /** Marks a stored feedback (or marks it again: kind and note are replaced). */
  mark(feedbackId: string, kind: TypicalCaseKind, note: string, markedAt: string, markedBy: string | null): void {
    this.#upsert.run({ feedback_id: feedbackId, kind, note, marked_at: markedAt, marked_by: markedBy });
  }

  get(feedbackId: string): StoredTypicalCase | undefined {
    const row = this.#get.get(feedbackId);
    return row && fromRow(row);
  }

  /** Newest marked first. */
  list(limit: number): StoredTypicalCase[] {
    return this.#list.all(limit).map(fromRow);
  }
}
