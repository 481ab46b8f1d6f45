import type { Database } from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { PlatformSchema } from './schema.ts';

/**
 * Kysely's SQLite driver with one change: a transaction begins IMMEDIATE (takes the write lock at
 * once), as better-sqlite3's `.immediate()` did. Several worker processes share one file; a
 * deferred transaction that reads and then writes can fail with SQLITE_BUSY when another process
 * wrote in between, where an immediate one waits its turn (busy_timeout).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** How many prepared statements a handle keeps (the hot routes use a few dozen; `IN` lists of every length come and go). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The handle as Kysely's driver sees it, with its statements prepared once: the driver prepares
 * every query anew, which cost the status route more than its lookup's SQL. Reusing one is safe:
 * the driver runs one query at a time on the connection (its mutex), streams included. The few
 * lines of least-recently-used eviction (a Map in use order) are ours: a cache library would add
 * more than it saves here.
 */
function withStatementCache(database: Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else {
        statement = database.prepare(sql) as unknown as SqliteStatement;
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;

  constructor(database: Database) {
    const cached = withStatementCache(database);
    super({ database: cached });
    this.#database = cached;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

/**
 * A Kysely over an open better-sqlite3 handle. Kysely's SQLite driver holds the one connection
 * with a mutex, so a transaction is never interleaved with another caller's statements.
 * Destroying it closes the handle.
 */
export function sqliteKysely(database: Database): Kysely<PlatformSchema> {
  return new Kysely<PlatformSchema>({ dialect: new ImmediateSqliteDialect(database) });
}
