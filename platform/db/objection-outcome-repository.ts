import type { Database, Statement } from 'better-sqlite3';

/** How many objections a department filed in a period, by where each stands now. */
export interface ObjectionOutcomes {
  department: string;
  filed: number;
  pending: number;
  upheld: number;
  rejected: number;
}

/**
 * Objections by the department that filed them and how they ended (the credit office's
 * assessment, issue 19) — read-only, beside objection-repository.ts which owns the writes.
 */
export class ObjectionOutcomeRepository {
  readonly #filed: Statement<{ from: string; to: string; department: string | null }, ObjectionOutcomes>;

  constructor(db: Database) {
    this.#filed = db.prepare(
      `SELECT department, count(*) AS filed,
         coalesce(sum(status = 'pending'), 0) AS pending, coalesce(sum(status = 'upheld'), 0) AS upheld, coalesce(sum(status = 'rejected'), 0) AS rejected
       FROM objections WHERE filed_at >= @from AND filed_at < @to AND (@department IS NULL OR department = @department)
       GROUP BY department`,
    );
  }

  /** Objections filed with `from <= filed_at < to` (ISO instants), per filing department. */
  filedBetween(from: string, to: string, department: string | null): ObjectionOutcomes[] {
    return this.#filed.all({ from, to, department });
  }
}
