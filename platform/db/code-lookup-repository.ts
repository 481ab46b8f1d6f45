import type { Database, Statement } from 'better-sqlite3';
import { sql } from 'kysely';
import type { Connection } from './connection.ts';
import { ENTRY_COLUMNS, fromRow as entryFromRow, type EntryRow } from './entry-repository.ts';
import type { StoredEntry, StoredSubject } from './stored-records.ts';

/** The latest objection to an entry, as an answer shows it. */
export interface LatestObjection {
  id: string;
  status: 'pending' | 'upheld' | 'rejected';
  filedAt: string;
  resolvedAt: string | null;
}

/** The latest repair application on an entry, as an answer shows it. */
export interface LatestRepair {
  id: string;
  status: 'pending' | 'approved' | 'refused' | 'lapsed';
  filedAt: string;
  decidedAt: string | null;
}

/** A stored entry with its latest objection and repair application. */
export interface LookedUpEntry {
  entry: StoredEntry;
  objection: LatestObjection | undefined;
  repair: LatestRepair | undefined;
}

/** What one code's lookup found: the subject and its entries, oldest first. */
export interface LookedUpSubject {
  subject: StoredSubject;
  entries: LookedUpEntry[];
}

type Row = {
  s_code: string;
  s_name: string | null;
  s_region_code: string | null;
  s_legal_representative: string | null;
  /** JSON text on SQLite, already parsed on PostgreSQL (json_build_object). */
  objection: string | LatestObjection | null;
  repair: string | LatestRepair | null;
} & {
  [K in keyof EntryRow]: EntryRow[K] | null;
};

const ENTRY_SELECT = ENTRY_COLUMNS.map((c) => `e.${c} AS ${c}`).join(', ');

type SubjectRow = Pick<Row, 's_code' | 's_name' | 's_region_code' | 's_legal_representative'>;
type EntryLookupRow = EntryRow & Pick<Row, 'objection' | 'repair'>;

/**
 * SQLite's lookup, in two statements over one read snapshot: the subjects (four columns a code)
 * and then the entries of the same codes (most subjects have none). One joined statement made
 * every subject a row of some thirty mostly empty columns, and building those rows was most of
 * its time. The codes go in as one JSON array (`json_each`); ties broken by id.
 */
const SQLITE_SUBJECTS = `SELECT s.code AS s_code, s.name AS s_name, s.region_code AS s_region_code, s.legal_representative AS s_legal_representative
  FROM subjects s WHERE s.code IN (SELECT value FROM json_each(?))`;
const SQLITE_ENTRIES = `SELECT ${ENTRY_SELECT},
    (SELECT json_object('id', o.id, 'status', o.status, 'filedAt', o.filed_at, 'resolvedAt', o.resolved_at)
      FROM objections o WHERE o.entry_id = e.id ORDER BY o.filed_at DESC, o.rowid DESC LIMIT 1) AS objection,
    (SELECT json_object('id', r.id, 'status', r.status, 'filedAt', r.filed_at, 'decidedAt', r.decided_at)
      FROM repairs r WHERE r.entry_id = e.id ORDER BY r.filed_at DESC, r.rowid DESC LIMIT 1) AS repair
  FROM entries e WHERE e.code IN (SELECT value FROM json_each(?))
  ORDER BY e.code, e.listed_on, e.id`;

type SqliteLookup = (codesJson: string) => { subjects: SubjectRow[]; entries: EntryLookupRow[] };

/** The SQLite lookup, prepared once per database handle (repositories are made again for every transaction). */
const preparedLookups = new WeakMap<Database, SqliteLookup>();

function sqliteLookup(db: Database): SqliteLookup {
  let lookup = preparedLookups.get(db);
  if (!lookup) {
    const subjects: Statement<[string], SubjectRow> = db.prepare(SQLITE_SUBJECTS);
    const entries: Statement<[string], EntryLookupRow> = db.prepare(SQLITE_ENTRIES);
    // One transaction (a savepoint inside an open one), so both statements read the same snapshot.
    lookup = db.transaction((codesJson: string) => ({ subjects: subjects.all(codesJson), entries: entries.all(codesJson) }));
    preparedLookups.set(db, lookup);
  }
  return lookup;
}

const subjectOf = (row: SubjectRow): LookedUpSubject => ({
  subject: { code: row.s_code, name: row.s_name, regionCode: row.s_region_code, legalRepresentative: row.s_legal_representative },
  entries: [],
});

const lookedUpEntry = (row: EntryLookupRow): LookedUpEntry => ({ entry: entryFromRow(row), objection: parsed(row.objection), repair: parsed(row.repair) });

const parsed = <T>(value: string | T | null): T | undefined => (value === null ? undefined : typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * A batch of codes looked up at once (the status route and the check record): each registered
 * subject comes back with its entries (oldest first) and, per entry, its latest objection and
 * repair application — instead of one statement for the subject, one for its entries and two per
 * entry. The hot path, so engine-specific: on SQLite two statements prepared once on the
 * better-sqlite3 handle, read in one snapshot (the codes as one JSON array, `json_each`); on
 * PostgreSQL one joined statement with the codes as one array parameter (`= ANY($1)`), ties
 * broken by `seq`.
 */
export class CodeLookupRepository {
  readonly #connection: Connection;
  readonly #sqlite: SqliteLookup | null;

  constructor(connection: Connection) {
    this.#connection = connection;
    this.#sqlite = connection.sqlite && sqliteLookup(connection.sqlite);
  }

  /** PostgreSQL's lookup: one joined statement (its rows cost the platform little; the round trip does). */
  async #postgresRows(codes: readonly string[]): Promise<Row[]> {
    const { rows } =
      await sql<Row>`SELECT s.code AS s_code, s.name AS s_name, s.region_code AS s_region_code, s.legal_representative AS s_legal_representative, ${sql.raw(ENTRY_SELECT)},
        CASE WHEN e.id IS NULL THEN NULL ELSE (SELECT json_build_object('id', o.id, 'status', o.status, 'filedAt', o.filed_at, 'resolvedAt', o.resolved_at)
          FROM objections o WHERE o.entry_id = e.id ORDER BY o.filed_at DESC, o.seq DESC LIMIT 1) END AS objection,
        CASE WHEN e.id IS NULL THEN NULL ELSE (SELECT json_build_object('id', r.id, 'status', r.status, 'filedAt', r.filed_at, 'decidedAt', r.decided_at)
          FROM repairs r WHERE r.entry_id = e.id ORDER BY r.filed_at DESC, r.seq DESC LIMIT 1) END AS repair
      FROM subjects s LEFT JOIN entries e ON e.code = s.code
      WHERE s.code = ANY(${codes}::text[])
      ORDER BY s.code, e.listed_on, e.id`.execute(this.#connection.db);
    return rows;
  }

  /** The registered subjects among `codes` (normalized), by code; codes not registered are absent. */
  async lookUp(codes: readonly string[]): Promise<Map<string, LookedUpSubject>> {
    const found = new Map<string, LookedUpSubject>();
    if (codes.length === 0) return found;
    if (this.#sqlite) {
      const { subjects, entries } = this.#sqlite(JSON.stringify(codes));
      for (const row of subjects) found.set(row.s_code, subjectOf(row));
      // Entries come by code, oldest first: an entry's subject is always there (same snapshot, foreign key).
      for (const row of entries) found.get(row.code)?.entries.push(lookedUpEntry(row));
      return found;
    }
    for (const row of await this.#postgresRows(codes)) {
      let subject = found.get(row.s_code);
      if (!subject) {
        subject = subjectOf(row);
        found.set(row.s_code, subject);
      }
      if (row.id !== null) subject.entries.push(lookedUpEntry(row as EntryLookupRow));
    }
    return found;
  }
}
