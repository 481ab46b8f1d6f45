import type { Database, Statement } from 'better-sqlite3';
import type { StoredRepair } from './stored-records.ts';

interface RepairRow {
  id: string;
  code: string;
  entry_id: string;
  status: StoredRepair['status'];
  materials: string;
  reference: string;
  department: string;
  filed_at: string;
  decided_at: string | null;
  decision_note: string | null;
  decided_by: string | null;
}

const COLUMNS = 'id, code, entry_id, status, materials, reference, department, filed_at, decided_at, decision_note, decided_by';

function fromRow(r: RepairRow): StoredRepair {
  return {
    id: r.id,
    code: r.code,
    entryId: r.entry_id,
    status: r.status,
    materials: r.materials,
    reference: r.reference,
    department: r.department,
    filedAt: r.filed_at,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    decidedBy: r.decided_by,
  };
}

function toRow(r: StoredRepair): RepairRow {
  return {
    id: r.id,
    code: r.code,
    entry_id: r.entryId,
    status: r.status,
    materials: r.materials,
    reference: r.reference,
    department: r.department,
    filed_at: r.filedAt,
    decided_at: r.decidedAt,
    decision_note: r.decisionNote,
    decided_by: r.decidedBy,
  };
}

/** Credit-repair applications on entries (信用修复, section (二十六)). */
export class RepairRepository {
  readonly #get: Statement<[string], RepairRow>;
  readonly #latestForEntry: Statement<[string], RepairRow>;
  readonly #insert: Statement<RepairRow>;
  readonly #decide: Statement<{ id: string; status: string; decided_at: string; decision_note: string | null; decided_by: string | null }>;

  constructor(db: Database) {
    this.#get = db.prepare(`SELECT ${COLUMNS} FROM repairs WHERE id = ?`);
    this.#latestForEntry = db.prepare(`SELECT ${COLUMNS} FROM repairs WHERE entry_id = ? ORDER BY filed_at DESC, rowid DESC LIMIT 1`);
    this.#insert = db.prepare(
      `INSERT INTO repairs (${COLUMNS}) VALUES (${COLUMNS.split(', ')
        .map((c) => `@${c}`)
        .join(', ')})`,
    );
    this.#decide = db.prepare(
      'UPDATE repairs SET status = @status, decided_at = @decided_at, decision_note = @decision_note, decided_by = @decided_by WHERE id = @id',
    );
  }

  get(id: string): StoredRepair | undefined {
    const row = this.#get.get(id);
    return row && fromRow(row);
  }

  /** The most recent application on an entry, if any. */
  latestForEntry(entryId: string): StoredRepair | undefined {
    const row = this.#latestForEntry.get(entryId);
    return row && fromRow(row);
  }

  /** The application on an entry that waits for a decision, if any. */
  pendingForEntry(entryId: string): StoredRepair | undefined {
    const latest = this.latestForEntry(entryId);
    return latest?.status === 'pending' ? latest : undefined;
  }

  insert(repair: StoredRepair): void {
    this.#insert.run(toRow(repair));
  }

  /** Records the outcome of a pending application. */
  decide(id: string, status: Exclude<StoredRepair['status'], 'pending'>, decidedAt: string, note: string | null, decidedBy: string | null): void {
    this.#decide.run({ id, status, decided_at: decidedAt, decision_note: note, decided_by: decidedBy });
  }
}
