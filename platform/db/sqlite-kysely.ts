import type { Database } from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
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

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: Database;

  constructor(database: Database) {
    super({ database });
    this.#database = database;
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
