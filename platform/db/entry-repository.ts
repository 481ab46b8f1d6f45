import type { Connection } from './connection.ts';
import { inBatches, rowsPerInsert } from './in-batches.ts';
import type { StoredEntry } from './stored-records.ts';

export interface EntryRow {
  id: string;
  code: string;
  list: StoredEntry['list'];
  category: string;
  facts: string;
  legal_basis: string;
  document_number: string | null;
  department: string;
  listed_on: string;
  valid_until: string | null;
  state: StoredEntry['state'];
  exit_date: string | null;
  exit_reason: string | null;
  exit_department: string | null;
  repairable: number;
  monitoring_until: string | null;
  visibility: StoredEntry['visibility'];
  persons: string;
}

/** Every column of `entries`, in their order. */
export const ENTRY_COLUMNS = [
  'id',
  'code',
  'list',
  'category',
  'facts',
  'legal_basis',
  'document_number',
  'department',
  'listed_on',
  'valid_until',
  'state',
  'exit_date',
  'exit_reason',
  'exit_department',
  'repairable',
  'monitoring_until',
  'visibility',
  'persons',
] as const satisfies readonly (keyof EntryRow)[];

export function fromRow(row: EntryRow): StoredEntry {
  return {
    id: row.id,
    code: row.code,
    list: row.list,
    category: row.category,
    facts: row.facts,
    legalBasis: row.legal_basis,
    documentNumber: row.document_number,
    department: row.department,
    listedOn: row.listed_on,
    validUntil: row.valid_until,
    state: row.state,
    exitDate: row.exit_date,
    exitReason: row.exit_reason,
    exitDepartment: row.exit_department,
    repairable: row.repairable === 1,
    monitoringUntil: row.monitoring_until,
    visibility: row.visibility,
    persons: JSON.parse(row.persons) as StoredEntry['persons'],
  };
}

function toRow(e: StoredEntry): EntryRow {
  return {
    id: e.id,
    code: e.code,
    list: e.list,
    category: e.category,
    facts: e.facts,
    legal_basis: e.legalBasis,
    document_number: e.documentNumber,
    department: e.department,
    listed_on: e.listedOn,
    valid_until: e.validUntil,
    state: e.state,
    exit_date: e.exitDate,
    exit_reason: e.exitReason,
    exit_department: e.exitDepartment,
    repairable: e.repairable ? 1 : 0,
    monitoring_until: e.monitoringUntil,
    visibility: e.visibility,
    persons: JSON.stringify(e.persons),
  };
}

/** Red- and black-list entries with their stored state. */
export class EntryRepository {
  readonly #db: Connection['db'];

  constructor(connection: Connection) {
    this.#db = connection.db;
  }

  /** Every entry of a subject, oldest first. */
  async listByCode(code: string): Promise<StoredEntry[]> {
    const rows = await this.#db.selectFrom('entries').select(ENTRY_COLUMNS).where('code', '=', code).orderBy('listed_on').orderBy('id').execute();
    return rows.map(fromRow);
  }

  /** One entry by id. */
  async get(id: string): Promise<StoredEntry | undefined> {
    const row = await this.#db.selectFrom('entries').select(ENTRY_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  /** The entry a published list row describes again (same subject, list, category and document number). */
  async findSame(code: string, list: string, category: string, documentNumber: string): Promise<StoredEntry | undefined> {
    const row = await this.#db
      .selectFrom('entries')
      .select(ENTRY_COLUMNS)
      .where('code', '=', code)
      .where('list', '=', list as EntryRow['list'])
      .where('category', '=', category)
      .where('document_number', '=', documentNumber)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** The ids of entries in one of `states` whose `column` date falls in `[from, to)`, by code and id (the expiry sweep). */
  async idsEndingIn(column: 'valid_until' | 'monitoring_until', states: readonly StoredEntry['state'][], from: string, to: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('entries')
      .select('id')
      .where('state', 'in', states)
      .where(column, 'is not', null)
      .where(column, '>=', from)
      .where(column, '<', to)
      .orderBy('code')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Every entry of each of `codes`, oldest first, by code (codes without entries are absent). */
  async listByCodes(codes: readonly string[]): Promise<Map<string, StoredEntry[]>> {
    const found = new Map<string, StoredEntry[]>();
    for (const batch of inBatches([...new Set(codes)], 1000)) {
      if (batch.length === 0) continue;
      const rows = await this.#db.selectFrom('entries').select(ENTRY_COLUMNS).where('code', 'in', batch).orderBy('listed_on').orderBy('id').execute();
      for (const row of rows) {
        const held = found.get(row.code) ?? [];
        held.push(fromRow(row));
        found.set(row.code, held);
      }
    }
    return found;
  }

  async insert(entry: StoredEntry): Promise<void> {
    await this.insertMany([entry]);
  }

  /** Inserts entries in multi-row statements (an import's new entries). */
  async insertMany(entries: readonly StoredEntry[]): Promise<void> {
    for (const batch of inBatches(entries, rowsPerInsert(ENTRY_COLUMNS.length))) await this.#db.insertInto('entries').values(batch.map(toRow)).execute();
  }

  /** Replaces every field of an existing entry. */
  async update(entry: StoredEntry): Promise<void> {
    const { id, ...fields } = toRow(entry);
    await this.#db.updateTable('entries').set(fields).where('id', '=', id).execute();
  }
}
