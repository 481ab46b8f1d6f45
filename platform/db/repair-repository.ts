import { insertionOrder, type Connection } from './connection.ts';
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

const REPAIR_COLUMNS = [
  'id',
  'code',
  'entry_id',
  'status',
  'materials',
  'reference',
  'department',
  'filed_at',
  'decided_at',
  'decision_note',
  'decided_by',
] as const;

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
  readonly #db: Connection['db'];
  readonly #engine: Connection['engine'];

  constructor(connection: Connection) {
    this.#db = connection.db;
    this.#engine = connection.engine;
  }

  async get(id: string): Promise<StoredRepair | undefined> {
    const row = await this.#db.selectFrom('repairs').select(REPAIR_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  /** The most recent application on an entry, if any. */
  async latestForEntry(entryId: string): Promise<StoredRepair | undefined> {
    const row = await this.#db
      .selectFrom('repairs')
      .select(REPAIR_COLUMNS)
      .where('entry_id', '=', entryId)
      .orderBy('filed_at', 'desc')
      .orderBy(insertionOrder(this.#engine), 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** The application on an entry that waits for a decision, if any. */
  async pendingForEntry(entryId: string): Promise<StoredRepair | undefined> {
    const latest = await this.latestForEntry(entryId);
    return latest?.status === 'pending' ? latest : undefined;
  }

  async insert(repair: StoredRepair): Promise<void> {
    await this.#db.insertInto('repairs').values(toRow(repair)).execute();
  }

  /** Records the outcome of a pending application. */
  async decide(
    id: string,
    status: Exclude<StoredRepair['status'], 'pending'>,
    decidedAt: string,
    note: string | null,
    decidedBy: string | null,
  ): Promise<void> {
    await this.#db.updateTable('repairs').set({ status, decided_at: decidedAt, decision_note: note, decided_by: decidedBy }).where('id', '=', id).execute();
  }
}
