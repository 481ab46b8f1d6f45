import type { Database } from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { redactUrl } from './redact-url.ts';
import pg from 'pg';
import { openDatabase } from './open-database.ts';
import { migratePostgres } from './postgres-migrations.ts';
import type { PlatformSchema } from './schema.ts';
import { sqliteKysely } from './sqlite-kysely.ts';

/** Where the platform's data lives: an SQLite file (the default) or a PostgreSQL server. */
export type DatabaseTarget = { engine: 'sqlite'; path: string; create?: boolean } | { engine: 'postgres'; url: string };

/** One open platform database, whichever the engine, behind one query builder. */
export type PlatformDatabase =
  | { engine: 'sqlite'; db: Kysely<PlatformSchema>; sqlite: Database; close(): Promise<void> }
  | { engine: 'postgres'; db: Kysely<PlatformSchema>; pool: pg.Pool; close(): Promise<void> };

/** Thrown when DATABASE_URL is set but is not a postgres:// URL. */
export class InvalidDatabaseUrlError extends Error {
  constructor() {
    super('DATABASE_URL must be a postgres:// URL (postgres://user@host:port/database), or unset for the SQLite file at DB_PATH');
    this.name = 'InvalidDatabaseUrlError';
  }
}

/** Thrown when the PostgreSQL server of DATABASE_URL cannot be reached or refuses the connection: one line for the operator. */
export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`cannot open the PostgreSQL database ${redactUrl(url)}: ${firstLine(cause)}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** An error's first line; a connection refused on every address (an AggregateError) has no message of its own. */
export function firstLine(error: unknown): string {
  if (error instanceof AggregateError && error.message === '' && error.errors.length > 0) return firstLine(error.errors[0]);
  const text = error instanceof Error ? error.message || ((error as { code?: string }).code ?? error.name) : String(error);
  return text.split('\n')[0]!;
}

/** The target a platform runs on: PostgreSQL when `databaseUrl` is a postgres:// URL, else the SQLite file at `path`. */
export function databaseTarget(path: string, databaseUrl: string | undefined, create?: boolean): DatabaseTarget {
  if (databaseUrl !== undefined && databaseUrl !== '') {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new InvalidDatabaseUrlError();
    return { engine: 'postgres', url: databaseUrl };
  }
  return { engine: 'sqlite', path, ...(create === undefined ? {} : { create }) };
}

/**
 * Opens and migrates the platform database: SQLite with its pragmas, WAL and `user_version`
 * migrations (openDatabase; existing files open as before), or PostgreSQL over a `pg` pool with
 * postgres-migrations.ts. The pool's size is `poolSize` (default 10).
 */
export async function openPlatformDatabase(target: DatabaseTarget, poolSize = 10): Promise<PlatformDatabase> {
  if (target.engine === 'sqlite') {
    const sqlite = openDatabase(target.path, target.create === undefined ? {} : { create: target.create });
    const db = sqliteKysely(sqlite);
    // Kysely's SQLite driver closes the better-sqlite3 handle when it is destroyed.
    return { engine: 'sqlite', db, sqlite, close: () => db.destroy() };
  }
  // bigserial ids and count(*) are int8, which pg hands over as strings; the row shapes say number.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };
  const pool = new pg.Pool({ connectionString: target.url, max: poolSize, types: types as pg.CustomTypesConfig });
  const db = new Kysely<PlatformSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    // The first statement: a server that is down or refuses us fails here, with a clear line.
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new DatabaseUnreachableError(target.url, error);
  }
  try {
    await migratePostgres(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { engine: 'postgres', db, pool, close: () => db.destroy() };
}
