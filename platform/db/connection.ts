import type { Database } from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PlatformSchema } from './schema.ts';

/** The two engines the platform runs on (issue 16): an SQLite file, the default, or PostgreSQL. */
export type Engine = 'sqlite' | 'postgres';

/**
 * What a repository queries through: the query builder (inside a transaction, the transaction),
 * its engine, and for SQLite the better-sqlite3 handle (the hot lookup path prepares its
 * statement on it once).
 */
export interface Connection {
  engine: Engine;
  db: Kysely<PlatformSchema>;
  sqlite: Database | null;
}

/**
 * The column that orders rows of `objections` and `repairs` as they were inserted, to break ties
 * between equal timestamps: SQLite's rowid, PostgreSQL's `seq` (bigserial).
 */
export function insertionOrder(engine: Engine, alias?: string): RawBuilder<number> {
  const column = engine === 'sqlite' ? 'rowid' : 'seq';
  return sql.ref(alias === undefined ? column : `${alias}.${column}`);
}
