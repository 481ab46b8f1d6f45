import { sql, type Kysely, type Transaction } from 'kysely';
import type { PlatformDatabase } from './open-platform-database.ts';
import { PLATFORM_TABLES, type PlatformSchema } from './schema.ts';

// Copying an SQLite platform database into an empty PostgreSQL one (issue 16,
// `npm run platform -- copy-to-postgres`). Both engines keep the same row shapes (schema.ts), so
// rows go over as they are: read from SQLite a page at a time (keyset paging on rowid, or on the
// primary key of a WITHOUT ROWID table), written with one multi-row INSERT a page, everything in
// one PostgreSQL transaction; the counts of every table are compared before it commits.

/** A table of the platform database. */
export type PlatformTable = keyof PlatformSchema;

/** Rows copied into one table. */
export interface CopiedTable {
  table: PlatformTable;
  rows: number;
}

/** The copy was not made (or was rolled back): the target is left as it was. */
export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}

/** The target already holds rows; nothing was written. */
export class TargetNotEmptyError extends CopyRefusedError {
  readonly table: PlatformTable;
  readonly rows: number;

  constructor(table: PlatformTable, rows: number) {
    super(`the target database is not empty: ${table} holds ${rows} row${rows === 1 ? '' : 's'} (copy into an empty database only)`);
    this.name = 'TargetNotEmptyError';
    this.table = table;
    this.rows = rows;
  }
}

/** After the copy a table's count differed between the two databases; the copy was rolled back. */
export class CountMismatchError extends CopyRefusedError {
  readonly table: PlatformTable;
  readonly source: number;
  readonly target: number;

  constructor(table: PlatformTable, source: number, target: number) {
    super(`${table} holds ${source} rows in the source but ${target} in the target after the copy; rolled back, nothing was copied`);
    this.name = 'CountMismatchError';
    this.table = table;
    this.source = source;
    this.target = target;
  }
}

/** Options of copyPlatformDatabase. */
export interface CopyOptions {
  /** Rows per page read and per INSERT (default 2,000; fewer when the table's columns would pass PostgreSQL's 65,535 parameters). */
  batchRows?: number;
}

const DEFAULT_BATCH_ROWS = 2000;
/** PostgreSQL's limit on the parameters of one statement. */
const MAX_PARAMETERS = 65_535;

/** SQLite tables declared WITHOUT ROWID: paged by their primary key instead of rowid. */
const WITHOUT_ROWID: Partial<Record<PlatformTable, string>> = { subjects: 'code', meta: 'key' };

/** Columns PostgreSQL fills itself that SQLite does not have: `seq` (bigserial) keeps SQLite's rowid order. */
const FILLED_BY_TARGET: Partial<Record<PlatformTable, readonly string[]>> = { objections: ['seq'], repairs: ['seq'] };

/** bigserial columns whose values are copied as they are; their sequences are set past them afterwards. */
const SERIALS: readonly { table: PlatformTable; column: string }[] = [
  { table: 'changes', column: 'cursor' },
  { table: 'events', column: 'id' },
  { table: 'audit_log', column: 'id' },
];

type Row = Record<string, unknown>;

/**
 * Copies every platform table (PLATFORM_TABLES, in foreign-key order) from the SQLite database
 * `from` into the PostgreSQL database `to`, which must be empty: read in one SQLite read
 * transaction (a consistent snapshot, even while a platform writes the file), written in one
 * PostgreSQL transaction that first locks the tables against writers. Rows are read in rowid
 * order, so the `seq` of objections and repairs keeps SQLite's order; `changes.cursor`,
 * `events.id` and `audit_log.id` keep their values and their sequences continue after them (and
 * after SQLite's own AUTOINCREMENT mark of `changes`). When every table is copied its `count(*)`
 * is compared on both sides; a difference rolls everything back (CountMismatchError). Any failure
 * leaves the target as it was: TargetNotEmptyError, CopyRefusedError or the database's own error.
 * `onTable` hears of each table when its rows are written. Returns the rows of each table.
 */
export async function copyPlatformDatabase(
  from: PlatformDatabase,
  to: PlatformDatabase,
  onTable?: (table: PlatformTable, rows: number) => void,
  options: CopyOptions = {},
): Promise<CopiedTable[]> {
  if (from.engine !== 'sqlite') throw new CopyRefusedError('the source must be an SQLite platform database');
  if (to.engine !== 'postgres') throw new CopyRefusedError('the target must be a PostgreSQL platform database');
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!Number.isInteger(batchRows) || batchRows < 1) throw new RangeError('batchRows must be a positive integer');

  return from.db.transaction().execute((source) =>
    to.db.transaction().execute(async (target) => {
      // No other writer while the copy runs (two copies at once: the second waits, then finds rows).
      await sql`LOCK TABLE ${sql.join(PLATFORM_TABLES.map((t) => sql.table(t)))} IN SHARE ROW EXCLUSIVE MODE`.execute(target);
      for (const table of PLATFORM_TABLES) {
        const rows = await count(target, table);
        if (rows > 0) throw new TargetNotEmptyError(table, rows);
      }
      const copied: CopiedTable[] = [];
      for (const table of PLATFORM_TABLES) {
        const columns = await sameColumns(source, target, table);
        const rows = await copyTable(source, target, table, columns, Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / columns.length))));
        copied.push({ table, rows });
        onTable?.(table, rows);
      }
      for (const table of PLATFORM_TABLES) {
        const [inSource, inTarget] = [await count(source, table), await count(target, table)];
        if (inSource !== inTarget) throw new CountMismatchError(table, inSource, inTarget);
      }
      // Last, just before the commit: setval is not undone by a rollback.
      for (const { table, column } of SERIALS) await continueSequence(source, target, table, column);
      return copied;
    }),
  );
}

/** Copies one table page by page; while PostgreSQL writes a page, the next one is read. Returns the rows written. */
async function copyTable(
  source: Transaction<PlatformSchema>,
  target: Transaction<PlatformSchema>,
  table: PlatformTable,
  columns: readonly string[],
  pageRows: number,
): Promise<number> {
  const key = WITHOUT_ROWID[table] ?? 'rowid';
  const keyRef = key === 'rowid' ? sql.raw('rowid') : sql.ref(key);
  const list = sql.join(columns.map((c) => sql.ref(c)));
  let after: unknown;
  let written = 0;
  let pending: Promise<unknown> = Promise.resolve();
  for (;;) {
    const page = await sql<Row>`SELECT ${keyRef} AS copy_key, ${list} FROM ${sql.table(table)} ${
      after === undefined ? sql`` : sql`WHERE ${keyRef} > ${after}`
    } ORDER BY ${keyRef} LIMIT ${pageRows}`.execute(source);
    await pending;
    if (page.rows.length === 0) break;
    after = page.rows[page.rows.length - 1]!.copy_key;
    written += page.rows.length;
    const values = sql.join(page.rows.map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`));
    pending = sql`INSERT INTO ${sql.table(table)} (${list}) VALUES ${values}`.execute(target);
    // Awaited after the next read; until then a failure must not count as unhandled.
    pending.catch(() => {});
    if (page.rows.length < pageRows) {
      await pending;
      break;
    }
  }
  return written;
}

/** The columns to copy: the source's, which the target must have exactly (beside the columns it fills itself). */
async function sameColumns(source: Kysely<PlatformSchema>, target: Kysely<PlatformSchema>, table: PlatformTable): Promise<string[]> {
  const inSource = (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(source)).rows.map((r) => r.name);
  const own = FILLED_BY_TARGET[table] ?? [];
  const inTarget = (
    await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table}`.execute(target)
  ).rows
    .map((r) => r.name)
    .filter((name) => !own.includes(name));
  const missing = inSource.filter((c) => !inTarget.includes(c));
  const extra = inTarget.filter((c) => !inSource.includes(c));
  if (inSource.length === 0 || missing.length > 0 || extra.length > 0) {
    const parts = [missing.length > 0 && `only in the source: ${missing.join(', ')}`, extra.length > 0 && `only in the target: ${extra.join(', ')}`];
    throw new CopyRefusedError(`${table} has different columns in the two databases (${parts.filter(Boolean).join('; ') || 'none in the source'})`);
  }
  return inSource;
}

async function count(db: Kysely<PlatformSchema>, table: PlatformTable): Promise<number> {
  const found = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(found.rows[0]?.n ?? 0);
}

/** Sets the sequence of a copied bigserial column so the next insert gets max + 1 (or past SQLite's AUTOINCREMENT mark), or 1 on an empty table. */
async function continueSequence(source: Kysely<PlatformSchema>, target: Kysely<PlatformSchema>, table: PlatformTable, column: string): Promise<void> {
  const max = await sql<{ n: number | string | null }>`SELECT max(${sql.ref(column)}) AS n FROM ${sql.table(table)}`.execute(target);
  // sqlite_sequence exists once an AUTOINCREMENT table does (changes); it may be past max(cursor) if rows were deleted.
  const mark = await sql<{ n: number | null }>`SELECT max(seq) AS n FROM sqlite_sequence WHERE name = ${table}`.execute(source);
  const next = Math.max(Number(max.rows[0]?.n ?? 0), Number(mark.rows[0]?.n ?? 0)) + 1;
  await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), ${next}, false)`.execute(target);
}
