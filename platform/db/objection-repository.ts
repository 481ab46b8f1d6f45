import { sql } from 'kysely';
import { insertionOrder, type Connection } from './connection.ts';
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

const OBJECTION_COLUMNS = [
  'id',
  'code',
  'entry_id',
  'status',
  'reason',
  'contact',
  'filed_at',
  'resolved_at',
  'resolution_note',
  'department',
  'previous_state',
  'document_number',
  'reference',
] as const;

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
  readonly #db: Connection['db'];
  readonly #engine: Connection['engine'];

  constructor(connection: Connection) {
    this.#db = connection.db;
    this.#engine = connection.engine;
  }

  #select() {
    return this.#db.selectFrom('objections').select(OBJECTION_COLUMNS);
  }

  /** Objections filed, and resolved (upheld / rejected), with the instant in `[from, to)`, by one filing department or (null) all. */
  async countsBetween(from: string, to: string, department: string | null): Promise<{ filed: number; resolved: number; upheld: number; rejected: number }> {
    const filed = sql`filed_at >= ${from} AND filed_at < ${to}`;
    const resolved = sql`resolved_at >= ${from} AND resolved_at < ${to}`;
    const row = await sql<{ filed: number; resolved: number; upheld: number; rejected: number }>`
      SELECT count(*) FILTER (WHERE ${filed}) AS filed, count(*) FILTER (WHERE ${resolved}) AS resolved,
        count(*) FILTER (WHERE ${resolved} AND status = 'upheld') AS upheld, count(*) FILTER (WHERE ${resolved} AND status = 'rejected') AS rejected
      FROM objections WHERE (CAST(${department} AS text) IS NULL OR department = ${department})`.execute(this.#db);
    const r = row.rows[0];
    return { filed: Number(r?.filed ?? 0), resolved: Number(r?.resolved ?? 0), upheld: Number(r?.upheld ?? 0), rejected: Number(r?.rejected ?? 0) };
  }

  async get(id: string): Promise<StoredObjection | undefined> {
    const row = await this.#select().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row as ObjectionRow);
  }

  /** The most recent objection to an entry, if any. */
  async latestForEntry(entryId: string): Promise<StoredObjection | undefined> {
    const row = await this.#select()
      .where('entry_id', '=', entryId)
      .orderBy('filed_at', 'desc')
      .orderBy(insertionOrder(this.#engine), 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && fromRow(row as ObjectionRow);
  }

  /** The objection to an entry that is being verified, if any (at most one at a time). */
  async pendingForEntry(entryId: string): Promise<StoredObjection | undefined> {
    const row = await this.#select().where('entry_id', '=', entryId).where('status', '=', 'pending').orderBy('filed_at', 'desc').limit(1).executeTakeFirst();
    return row && fromRow(row as ObjectionRow);
  }

  /** Objections with a status, oldest first: the admin's queue. */
  async listByStatus(status: StoredObjection['status'], limit: number): Promise<StoredObjection[]> {
    const rows = await this.#select().where('status', '=', status).orderBy('filed_at').orderBy(insertionOrder(this.#engine)).limit(limit).execute();
    return rows.map((r) => fromRow(r as ObjectionRow));
  }

  /** How many objections were filed at or after `since` (ISO instant), by one department and/or for one code. */
  async countFiledSince(since: string, filter: { department?: string; code?: string }): Promise<number> {
    let query = this.#db
      .selectFrom('objections')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('filed_at', '>=', since);
    if (filter.department !== undefined) query = query.where('department', '=', filter.department);
    if (filter.code !== undefined) query = query.where('code', '=', filter.code);
    return Number((await query.executeTakeFirst())?.n ?? 0);
  }

  async insert(objection: StoredObjection): Promise<void> {
    await this.#db.insertInto('objections').values(toRow(objection)).execute();
  }

  /** Records the decision on a pending objection. */
  async resolve(id: string, status: 'upheld' | 'rejected', resolvedAt: string, note: string | null): Promise<void> {
    await this.#db.updateTable('objections').set({ status, resolved_at: resolvedAt, resolution_note: note }).where('id', '=', id).execute();
  }
}
