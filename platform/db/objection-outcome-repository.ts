import { sql } from 'kysely';
import type { Connection } from './connection.ts';

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
  readonly #db: Connection['db'];

  constructor(connection: Connection) {
    this.#db = connection.db;
  }

  /** Objections filed with `from <= filed_at < to` (ISO instants), per filing department. */
  async filedBetween(from: string, to: string, department: string | null): Promise<ObjectionOutcomes[]> {
    const { rows } = await sql<ObjectionOutcomes>`
      SELECT department, count(*) AS filed, count(*) FILTER (WHERE status = 'pending') AS pending,
        count(*) FILTER (WHERE status = 'upheld') AS upheld, count(*) FILTER (WHERE status = 'rejected') AS rejected
      FROM objections WHERE filed_at >= ${from} AND filed_at < ${to} AND (CAST(${department} AS text) IS NULL OR department = ${department})
      GROUP BY department`.execute(this.#db);
    return rows.map((r) => ({
      department: r.department,
      filed: Number(r.filed),
      pending: Number(r.pending),
      upheld: Number(r.upheld),
      rejected: Number(r.rejected),
    }));
  }
}
