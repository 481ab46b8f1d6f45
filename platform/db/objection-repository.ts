import type { Database, Statement } from 'better-sqlite3';
import type { StoredObjection } from './stored-records.ts';

interface ObjectionRow {
  id: string;
  code: string;
  entry_id: string;
  status: StoredObjection['status'];
  reason: string;
  contact: string;
  filed_at: string;
  resolved_at: string | null;
  resolution_note: string | null;
  department: string;
  previous_state: StoredObjection['previousState'];
  document_number: string | null;
  reference: string | null;
}

const COLUMNS = 'id, code, entry_id, status, reason, contact, filed_at, resolved_at, resolution_note, department, previous_state, document_number, reference';

function fromRow(r: ObjectionRow): StoredObjection {
  return {
    id: r.id,
    code: r.code,
    entryId: r.entry_id,
    status: r.status,
    reason: r.reason,
    contact: r.contact,
    filedAt: r.filed_at,
    resolvedAt: r.resolved_at,
    resolutionNote: r.resolution_note,
    department: r.department,
    previousState: r.previous_state,
    documentNumber: r.document_number,
    reference: r.reference,
  };
}

function toRow(o: StoredObjection): ObjectionRow {
  return {
    id: o.id,
    code: o.code,
    entry_id: o.entryId,
    status: o.status,
    reason: o.reason,
    contact: o.contact,
    filed_at: o.filedAt,
    resolved_at: o.resolvedAt,
    resolution_note: o.resolutionNote,
    department: o.department,
    previous_state: o.previousState,
    document_number: o.documentNumber,
    reference: o.reference,
  };
}

/** Objections to entries (section (二十七)). */
export class ObjectionRepository {
  readonly #get: Statement<[string], ObjectionRow>;
  readonly #latestForEntry: Statement<[string], ObjectionRow>;
  readonly #insert: Statement<ObjectionRow>;
  readonly #resolve: Statement<{ id: string; status: string; resolved_at: string; resolution_note: string | null }>;
  readonly #pendingForEntry: Statement<[string], ObjectionRow>;
  readonly #byStatus: Statement<[string, number], ObjectionRow>;
  readonly #filedSince: Statement<{ since: string; department: string | null; code: string | null }, { n: number }>;
  readonly #counts: Statement<{ from: string; to: string; department: string | null }, { filed: number; resolved: number; upheld: number; rejected: number }>;

  constructor(db: Database) {
    this.#get = db.prepare(`SELECT ${COLUMNS} FROM objections WHERE id = ?`);
    this.#latestForEntry = db.prepare(`SELECT ${COLUMNS} FROM objections WHERE entry_id = ? ORDER BY filed_at DESC, rowid DESC LIMIT 1`);
    this.#pendingForEntry = db.prepare(`SELECT ${COLUMNS} FROM objections WHERE entry_id = ? AND status = 'pending' ORDER BY filed_at DESC LIMIT 1`);
    this.#byStatus = db.prepare(`SELECT ${COLUMNS} FROM objections WHERE status = ? ORDER BY filed_at, rowid LIMIT ?`);
    this.#filedSince = db.prepare(
      `SELECT count(*) AS n FROM objections WHERE filed_at >= @since
       AND (@department IS NULL OR department = @department) AND (@code IS NULL OR code = @code)`,
    );
    this.#insert = db.prepare(
      `INSERT INTO objections (${COLUMNS}) VALUES (${COLUMNS.split(', ')
        .map((c) => `@${c}`)
        .join(', ')})`,
    );
    this.#resolve = db.prepare('UPDATE objections SET status = @status, resolved_at = @resolved_at, resolution_note = @resolution_note WHERE id = @id');
    const inPeriod = (column: string) => `${column} >= @from AND ${column} < @to`;
    this.#counts = db.prepare(
      `SELECT
         coalesce(sum(${inPeriod('filed_at')}), 0) AS filed,
         coalesce(sum(${inPeriod('resolved_at')}), 0) AS resolved,
         coalesce(sum(${inPeriod('resolved_at')} AND status = 'upheld'), 0) AS upheld,
         coalesce(sum(${inPeriod('resolved_at')} AND status = 'rejected'), 0) AS rejected
       FROM objections WHERE (@department IS NULL OR department = @department)`,
    );
  }

  /** Objections filed, and resolved (upheld / rejected), with the instant in `[from, to)`, by one filing department or (null) all. */
  countsBetween(from: string, to: string, department: string | null): { filed: number; resolved: number; upheld: number; rejected: number } {
    return this.#counts.get({ from, to, department }) ?? { filed: 0, resolved: 0, upheld: 0, rejected: 0 };
  }

  get(id: string): StoredObjection | undefined {
    const row = this.#get.get(id);
    return row && fromRow(row);
  }

  /** The most recent objection to an entry, if any. */
  latestForEntry(entryId: string): StoredObjection | undefined {
    const row = this.#latestForEntry.get(entryId);
    return row && fromRow(row);
  }

  /** The objection to an entry that is being verified, if any (at most one at a time). */
  pendingForEntry(entryId: string): StoredObjection | undefined {
    const row = this.#pendingForEntry.get(entryId);
    return row && fromRow(row);
  }

  /** Objections with a status, oldest first: the admin's queue. */
  listByStatus(status: StoredObjection['status'], limit: number): StoredObjection[] {
    return this.#byStatus.all(status, limit).map(fromRow);
  }

  /** How many objections were filed at or after `since` (ISO instant), by one department and/or for one code. */
  countFiledSince(since: string, filter: { department?: string; code?: string }): number {
    return this.#filedSince.get({ since, department: filter.department ?? null, code: filter.code ?? null })?.n ?? 0;
  }

  insert(objection: StoredObjection): void {
    this.#insert.run(toRow(objection));
  }

  /** Records the decision on a pending objection. */
  resolve(id: string, status: 'upheld' | 'rejected', resolvedAt: string, note: string | null): void {
    this.#resolve.run({ id, status, resolved_at: resolvedAt, resolution_note: note });
  }
}
