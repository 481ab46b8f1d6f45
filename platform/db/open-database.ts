import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.ts';

/**
 * Opens (creating if needed) the platform database at `path` (`:memory:` for tests), in WAL mode,
 * migrated to the latest schema.
 */
export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Lookups are random reads over a large file: map it and keep a bigger page cache.
  db.pragma('mmap_size = 2147483648');
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}
