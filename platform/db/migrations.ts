import type { Database } from 'better-sqlite3';

// Migrations are an ordered list: index + 1 is the schema version stored in `user_version`.
// Never edit a migration that has shipped; append a new one.

/** Schema migrations of the platform database, oldest first. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE subjects (
    code TEXT PRIMARY KEY,
    name TEXT,
    region_code TEXT,
    legal_representative TEXT
  ) WITHOUT ROWID;

  CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL REFERENCES subjects(code),
    list TEXT NOT NULL CHECK (list IN ('red', 'black')),
    category TEXT NOT NULL,
    facts TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    document_number TEXT,
    department TEXT NOT NULL,
    listed_on TEXT NOT NULL,
    valid_until TEXT,
    state TEXT NOT NULL CHECK (state IN ('active', 'disputed', 'exited', 'expired', 'revoked')),
    exit_date TEXT,
    exit_reason TEXT,
    exit_department TEXT,
    repairable INTEGER NOT NULL,
    monitoring_until TEXT,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'internal')),
    persons TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX entries_by_code ON entries(code);

  CREATE TABLE objections (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    entry_id TEXT NOT NULL REFERENCES entries(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'upheld', 'rejected')),
    reason TEXT NOT NULL,
    contact TEXT NOT NULL,
    filed_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution_note TEXT,
    department TEXT NOT NULL,
    previous_state TEXT NOT NULL
  );
  CREATE INDEX objections_by_entry ON objections(entry_id);

  CREATE TABLE changes (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL
  );

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    entry_id TEXT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL
  );
  CREATE INDEX events_by_code ON events(code);

  CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    body_hash TEXT NOT NULL,
    record TEXT NOT NULL
  );

  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    department TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'department', 'admin')),
    label TEXT,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );

  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    token_id TEXT,
    department TEXT,
    endpoint TEXT NOT NULL,
    codes TEXT NOT NULL,
    purpose TEXT,
    ip TEXT
  );

  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 2: signed check records (issue 6) and statistics: the platform's Ed25519 keys, the verdict
  // kinds each query found (counted at query time, since list data changes later), and lookups
  // of feedback by subject.
  `
  CREATE TABLE signing_keys (
    key_id TEXT PRIMARY KEY,
    public_raw TEXT NOT NULL,
    private_pkcs8 TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  ALTER TABLE audit_log ADD COLUMN verdicts TEXT;
  CREATE INDEX audit_log_by_at ON audit_log(at);
  CREATE INDEX feedback_by_code ON feedback(json_extract(record, '$.code'));
  `,
  // 3: signing-key rotation. A retired key keeps its public half, so the records it signed still
  // verify; its private half is erased when it is retired.
  `
  ALTER TABLE signing_keys ADD COLUMN retired_at TEXT;
  `,
  // 4: the entry lifecycle (issue 11): credit-repair applications (section (二十六)), and what an
  // objection names the entry by (its document number, or another reference; issue 10 finding 2).
  `
  CREATE TABLE repairs (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    entry_id TEXT NOT NULL REFERENCES entries(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'lapsed')),
    materials TEXT NOT NULL,
    reference TEXT NOT NULL,
    department TEXT NOT NULL,
    filed_at TEXT NOT NULL,
    decided_at TEXT,
    decision_note TEXT,
    decided_by TEXT
  );
  CREATE INDEX repairs_by_entry ON repairs(entry_id);

  ALTER TABLE objections ADD COLUMN document_number TEXT;
  ALTER TABLE objections ADD COLUMN reference TEXT;
  CREATE INDEX objections_by_filed_at ON objections(filed_at);
  `,
  // 5: a record signing key marked compromised (rotate-record-key --compromised --since T):
  // records it signed at or after T are untrusted (issue 10 finding 4).
  `
  ALTER TABLE signing_keys ADD COLUMN compromised_since TEXT;
  `,
  // 6: the credit office's follow-up (issue 19): the case a check was made in and the codes it
  // found on an active black or red list (kept at query time, like verdicts), and feedback the
  // credit office marked as a typical case (section (二十九)).
  `
  ALTER TABLE audit_log ADD COLUMN case_reference TEXT;
  ALTER TABLE audit_log ADD COLUMN hits TEXT;
  CREATE TABLE typical_cases (
    feedback_id TEXT PRIMARY KEY REFERENCES feedback(id),
    kind TEXT NOT NULL CHECK (kind IN ('incentive', 'punishment')),
    note TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    marked_by TEXT
  );
  `,
  // 7: the expiry sweep finds entries by their end dates without reading every entry (issue 16: 10M subjects).
  `
  CREATE INDEX entries_by_valid_until ON entries(valid_until) WHERE valid_until IS NOT NULL;
  CREATE INDEX entries_by_monitoring_until ON entries(monitoring_until) WHERE monitoring_until IS NOT NULL;
  `,
  // 8: the audit log moves to the attached audit file (audit-database.ts), its rows and ids with it,
  // so its commits no longer empty the other workers' page caches of the lists (issue 13).
  `
  INSERT INTO audit.audit_log (id, at, token_id, department, endpoint, codes, purpose, ip, verdicts, case_reference, hits)
    SELECT id, at, token_id, department, endpoint, codes, purpose, ip, verdicts, case_reference, hits FROM main.audit_log ORDER BY id;
  DROP TABLE main.audit_log;
  `,
];

/**
 * Brings `db` to the latest schema version, each step in its own transaction. Returns the version
 * reached. The audit file must be attached first (attachAuditDatabase): step 8 moves the log there.
 */
export function migrate(db: Database): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`database schema version ${version} is newer than this platform (${MIGRATIONS.length})`);
  }
  while (version < MIGRATIONS.length) {
    const next = version + 1;
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${next}`);
    })();
    version = next;
  }
  return version;
}
