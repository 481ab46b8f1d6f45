import type { Database, Statement } from 'better-sqlite3';
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

export const COLUMNS =
  'id, code, list, category, facts, legal_basis, document_number, department, listed_on, valid_until, state, exit_date, exit_reason, exit_department, repairable, monitoring_until, visibility, persons';

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
  readonly #byCode: Statement<[string], EntryRow>;
  readonly #get: Statement<[string], EntryRow>;
  readonly #insert: Statement<EntryRow>;
  readonly #update: Statement<EntryRow>;
  readonly #findSame: Statement<[string, string, string, string], EntryRow>;

  constructor(db: Database) {
    this.#byCode = db.prepare(`SELECT ${COLUMNS} FROM entries WHERE code = ? ORDER BY listed_on, id`);
    this.#get = db.prepare(`SELECT ${COLUMNS} FROM entries WHERE id = ?`);
    this.#insert = db.prepare(
      `INSERT INTO entries (${COLUMNS}) VALUES (${COLUMNS.split(', ')
        .map((c) => `@${c}`)
        .join(', ')})`,
    );
    this.#update = db.prepare(
      `UPDATE entries SET ${COLUMNS.split(', ')
        .slice(1)
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE id = @id`,
    );
    this.#findSame = db.prepare(`SELECT ${COLUMNS} FROM entries WHERE code = ? AND list = ? AND category = ? AND document_number = ?`);
  }

  /** Every entry of a subject, oldest first. */
  listByCode(code: string): StoredEntry[] {
    return this.#byCode.all(code).map(fromRow);
  }

  /** One entry by id. */
  get(id: string): StoredEntry | undefined {
    const row = this.#get.get(id);
    return row && fromRow(row);
  }

  /** The entry a published list row describes again (same subject, list, category and document number). */
  findSame(code: string, list: string, category: string, documentNumber: string): StoredEntry | undefined {
    const row = this.#findSame.get(code, list, category, documentNumber);
    return row && fromRow(row);
  }

  insert(entry: StoredEntry): void {
    this.#insert.run(toRow(entry));
  }

  /** Replaces every field of an existing entry. */
  update(entry: StoredEntry): void {
    this.#update.run(toRow(entry));
  }
}
