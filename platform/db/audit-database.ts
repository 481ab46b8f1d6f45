import type { Database } from 'better-sqlite3';
import { basename, dirname, extname, join } from 'node:path';

/**
 * On SQLite the audit log lives in a file of its own beside the platform database, attached to
 * every connection as `audit`: `platform.sqlite` keeps its log in `platform.audit.sqlite`. Every
 * commit to a file makes every other connection to it drop its whole page cache at its next read,
 * and the audit log is written all day (a commit per worker every few milliseconds), so in the
 * lists' file it emptied the other workers' caches between any two lookups: two workers lost about
 * a third of their throughput to it (the platform bench). In a file of its own, the lists' file
 * changes only when the lists do. Back up both files; `:memory:` attaches a memory database.
 * Statements name the table unqualified (`audit_log`): SQLite finds it in the attached file once
 * the lists' file has none (migration 8 moved it).
 */
export function auditDatabasePath(path: string): string {
  if (path === ':memory:' || path === '') return ':memory:';
  const ext = extname(path);
  return ext === '' ? `${path}.audit` : join(dirname(path), `${basename(path, ext)}.audit${ext}`);
}

/** Every file SQLite keeps for the platform database at `path`: the lists' and the audit log's, each with its WAL and shared-memory files (to remove them all). */
export function platformDatabaseFiles(path: string): string[] {
  return [path, auditDatabasePath(path)].flatMap((file) => [file, `${file}-wal`, `${file}-shm`]);
}

/** Version of the audit file's own schema (its `user_version`). */
const AUDIT_SCHEMA_VERSION = 1;

/**
 * Attaches the audit file of the database at `path` to `db` as `audit` (created when missing),
 * with the same journal settings, and creates its table when it has none: the final shape of
 * `audit_log`, which the lists' file held until schema version 8.
 */
export function attachAuditDatabase(db: Database, path: string): void {
  const auditPath = auditDatabasePath(path);
  db.prepare('ATTACH DATABASE ? AS audit').run(auditPath);
  if (auditPath !== ':memory:') db.pragma('audit.journal_mode = WAL');
  db.pragma('audit.synchronous = NORMAL');
  const version = db.pragma('audit.user_version', { simple: true }) as number;
  if (version > AUDIT_SCHEMA_VERSION)
    throw new Error(`audit log schema version ${version} (${auditPath}) is newer than this platform (${AUDIT_SCHEMA_VERSION})`);
  if (version === AUDIT_SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit.audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        token_id TEXT,
        department TEXT,
        endpoint TEXT NOT NULL,
        codes TEXT NOT NULL,
        purpose TEXT,
        ip TEXT,
        verdicts TEXT,
        case_reference TEXT,
        hits TEXT
      );
      CREATE INDEX IF NOT EXISTS audit.audit_log_by_at ON audit_log(at);
    `);
    db.pragma(`audit.user_version = ${AUDIT_SCHEMA_VERSION}`);
  })();
}
