import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { attachAuditDatabase } from './audit-database.ts';
import { migrate } from './migrations.ts';

/** Thrown when a database file that should exist does not (`openDatabase(path, { create: false })`). */
export class MissingDatabaseError extends Error {
  readonly path: string;

  constructor(path: string) {
    super(`there is no database at ${path}`);
    this.name = 'MissingDatabaseError';
    this.path = path;
  }
}

/**
 * Opens the platform database at `path` (`:memory:` for tests), in WAL mode, migrated to the
 * latest schema, with its audit file attached (audit-database.ts). A missing file is created unless `create` is false (then MissingDatabaseError):
 * `serve` and the token commands must not quietly start an empty platform where a real one was.
 */
export function openDatabase(path: string, options: { create?: boolean } = {}): Database {
  if (path !== ':memory:') {
    if (options.create === false && !existsSync(path)) throw new MissingDatabaseError(path);
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new BetterSqlite3(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Lookups are random reads over a large file: map it and keep a bigger page cache.
  db.pragma('mmap_size = 2147483648');
  db.pragma('cache_size = -65536');
  // The audit log's own file (audit-database.ts), attached before the migrations that move the log there.
  attachAuditDatabase(db, path);
  migrate(db);
  return db;
}
